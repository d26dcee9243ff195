package io.github.s2spring.listener;

/**
 * When a listener container commits a stream's position to its {@link S2PositionStore}. A
 * position is committed only after the listener returned for every message before it.
 */
public enum AckMode {

	/**
	 * After each message (or each batch, for batch listeners) the listener returned from:
	 * the fewest redeliveries after a crash, one store write per message.
	 */
	RECORD,

	/**
	 * After every message of a read batch was processed: one store write per read batch.
	 */
	BATCH,

	/**
	 * When the listener calls {@link Acknowledgment#acknowledge()}: the position after
	 * the acknowledged message is committed once the listener returned.
	 */
	MANUAL

}

package io.github.s2spring.listener;

import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of a container over all its streams, added to by each stream's worker as
 * it counts its own; they outlive the workers, so they never decrease.
 */
final class ListenerCounters {

	final LongAdder messages = new LongAdder();

	final LongAdder records = new LongAdder();

	final LongAdder bytes = new LongAdder();

	final LongAdder reconnects = new LongAdder();

	final LongAdder errors = new LongAdder();

	final LongAdder recovered = new LongAdder();

}

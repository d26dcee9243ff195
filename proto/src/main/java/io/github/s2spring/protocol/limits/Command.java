package io.github.s2spring.protocol.limits;

/**
 * An S2 command record: a record with exactly one header whose name is empty and whose
 * value names the command.
 */
public sealed interface Command permits Command.Fence, Command.Trim {

	/** Header value of a fence command. */
	String FENCE = "fence";

	/** Header value of a trim command. */
	String TRIM = "trim";

	/**
	 * Sets the stream's fencing token; appends that carry a token must then match it.
	 *
	 * @param fencingToken the new token, at most 36 bytes; empty removes the fence
	 */
	record Fence(String fencingToken) implements Command {

		public Fence {
			Names.requireFencingToken(fencingToken);
		}

	}

	/**
	 * Trims the stream: records before the trim point are eventually deleted.
	 *
	 * @param trimPoint the first sequence number to keep
	 */
	record Trim(long trimPoint) implements Command {

		public Trim {
			Limits.requireUnsigned("trim point", trimPoint);
		}

	}

}

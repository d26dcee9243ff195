package io.github.s2spring.support;

import java.util.Locale;

/**
 * Where a listener starts reading a stream, written in {@code @S2Listener(from = ...)} as
 * {@code beginning}, {@code tail}, {@code seq:<n>}, {@code timestamp:<ms>} or
 * {@code stored}.
 */
public sealed interface S2StartPosition permits S2StartPosition.Beginning, S2StartPosition.Tail, S2StartPosition.SeqNum,
		S2StartPosition.Timestamp, S2StartPosition.Stored {

	/**
	 * The first record still in the stream.
	 * @return the position
	 */
	static S2StartPosition beginning() {
		return Beginning.INSTANCE;
	}

	/**
	 * Only records appended from now on.
	 * @return the position
	 */
	static S2StartPosition tail() {
		return Tail.INSTANCE;
	}

	/**
	 * The first record at or after a sequence number.
	 * @param seqNum the sequence number
	 * @return the position
	 */
	static S2StartPosition seqNum(long seqNum) {
		return new SeqNum(seqNum);
	}

	/**
	 * The first record at or after a time.
	 * @param timestamp milliseconds since the Unix epoch
	 * @return the position
	 */
	static S2StartPosition timestamp(long timestamp) {
		return new Timestamp(timestamp);
	}

	/**
	 * Where the listener's position store says it stopped; the beginning if it has no
	 * position yet.
	 * @return the position
	 */
	static S2StartPosition stored() {
		return Stored.INSTANCE;
	}

	/**
	 * Parses a position as written in an annotation.
	 * @param text {@code beginning}, {@code tail}, {@code seq:<n>},
	 * {@code timestamp:<ms>} or {@code stored}, ignoring case and surrounding blanks
	 * @return the position
	 * @throws IllegalArgumentException naming the accepted forms if the text is none of
	 * them
	 */
	static S2StartPosition parse(String text) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		switch (value) {
			case "beginning":
				return beginning();
			case "tail":
				return tail();
			case "stored":
				return stored();
			default:
				break;
		}
		int colon = value.indexOf(':');
		if (colon > 0) {
			String kind = value.substring(0, colon);
			String number = value.substring(colon + 1).trim();
			try {
				long parsed = Long.parseLong(number);
				if (parsed >= 0 && kind.equals("seq")) {
					return seqNum(parsed);
				}
				if (parsed >= 0 && kind.equals("timestamp")) {
					return timestamp(parsed);
				}
			}
			catch (NumberFormatException ex) {
				// reported below
			}
		}
		throw new IllegalArgumentException("Invalid start position \"" + text
				+ "\": expected beginning, tail, stored, seq:<n> or timestamp:<ms> (n and ms at least 0)");
	}

	/**
	 * The first record still in the stream.
	 */
	record Beginning() implements S2StartPosition {

		static final Beginning INSTANCE = new Beginning();

	}

	/**
	 * Only records appended from now on.
	 */
	record Tail() implements S2StartPosition {

		static final Tail INSTANCE = new Tail();

	}

	/**
	 * The first record at or after a sequence number.
	 *
	 * @param seqNum the sequence number, at least 0
	 */
	record SeqNum(long seqNum) implements S2StartPosition {

		public SeqNum {
			if (seqNum < 0) {
				throw new IllegalArgumentException("seqNum must be at least 0, got " + seqNum);
			}
		}

	}

	/**
	 * The first record at or after a time.
	 *
	 * @param timestamp milliseconds since the Unix epoch, at least 0
	 */
	record Timestamp(long timestamp) implements S2StartPosition {

		public Timestamp {
			if (timestamp < 0) {
				throw new IllegalArgumentException("timestamp must be at least 0, got " + timestamp);
			}
		}

	}

	/**
	 * Where the position store says the listener stopped, else the beginning.
	 */
	record Stored() implements S2StartPosition {

		static final Stored INSTANCE = new Stored();

	}

}

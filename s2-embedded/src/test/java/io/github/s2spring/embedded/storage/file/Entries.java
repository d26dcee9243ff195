package io.github.s2spring.embedded.storage.file;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import io.github.s2spring.embedded.storage.JournalEntry;
import io.github.s2spring.embedded.storage.JournalEntry.AccessTokenIssued;
import io.github.s2spring.embedded.storage.JournalEntry.AccessTokenRevoked;
import io.github.s2spring.embedded.storage.JournalEntry.BasinDeleted;
import io.github.s2spring.embedded.storage.JournalEntry.BasinPut;
import io.github.s2spring.embedded.storage.JournalEntry.RecordsAppended;
import io.github.s2spring.embedded.storage.JournalEntry.StreamDeleted;
import io.github.s2spring.embedded.storage.JournalEntry.StreamPut;

/**
 * Entries for tests, and an exact textual form of them (records holding arrays do not
 * compare by content).
 */
final class Entries {

	private Entries() {
	}

	/**
	 * One entry of every kind, with empty, non-ASCII and extreme values.
	 */
	static List<JournalEntry> everyKind() {
		return List.of(new BasinPut("my-basin", utf8("{\"default_stream_config\":null}"), 1_700_000_000_123L),
				new BasinPut("", new byte[0], Long.MIN_VALUE), new BasinDeleted("my-basin"),
				new StreamPut("my-basin", "orders/ünïcødé/😀", utf8("{}"), Long.MAX_VALUE), new StreamDeleted("b", "s"),
				new RecordsAppended("b", "s", new byte[] { 0, -1, 127, -128, 10 }),
				new RecordsAppended("b", "big", bytes(300_000, 7)),
				new AccessTokenIssued("token-1", bytes(32, 1), utf8("{\"id\":\"token-1\"}")),
				new AccessTokenRevoked("token-1"));
	}

	/**
	 * A random entry of a random kind, with strings of any Unicode code points.
	 */
	static JournalEntry random(Random random) {
		return switch (random.nextInt(7)) {
			case 0 -> new BasinPut(string(random), bytes(random), random.nextLong());
			case 1 -> new BasinDeleted(string(random));
			case 2 -> new StreamPut(string(random), string(random), bytes(random), random.nextLong());
			case 3 -> new StreamDeleted(string(random), string(random));
			case 4 -> new RecordsAppended(string(random), string(random), bytes(random));
			case 5 -> new AccessTokenIssued(string(random), bytes(random), bytes(random));
			default -> new AccessTokenRevoked(string(random));
		};
	}

	private static String string(Random random) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(40);
		while (text.length() < length) {
			int codePoint = switch (random.nextInt(3)) {
				case 0 -> 'a' + random.nextInt(26);
				case 1 -> random.nextInt(Character.MIN_SURROGATE);
				default -> Character.MIN_SUPPLEMENTARY_CODE_POINT
						+ random.nextInt(Character.MAX_CODE_POINT - Character.MIN_SUPPLEMENTARY_CODE_POINT + 1);
			};
			text.appendCodePoint(codePoint);
		}
		return text.toString();
	}

	private static byte[] bytes(Random random) {
		byte[] bytes = new byte[random.nextInt(4) == 0 ? random.nextInt(5000) : random.nextInt(40)];
		random.nextBytes(bytes);
		return bytes;
	}

	/**
	 * A small entry numbered by writer and sequence, as the concurrency tests use.
	 */
	static JournalEntry numbered(int writer, int seq) {
		return new RecordsAppended("basin", "writer-" + writer, utf8(Integer.toString(seq)));
	}

	/**
	 * Reads back the writer and sequence of a {@link #numbered} entry.
	 */
	static int[] number(JournalEntry entry) {
		RecordsAppended appended = (RecordsAppended) entry;
		return new int[] { Integer.parseInt(appended.stream().substring("writer-".length())),
				Integer.parseInt(new String(appended.readBatch(), StandardCharsets.UTF_8)) };
	}

	static String describe(JournalEntry entry) {
		if (entry instanceof BasinPut e) {
			return "BasinPut[" + e.basin() + ", " + Arrays.toString(e.configJson()) + ", " + e.createdAtMillis() + "]";
		}
		if (entry instanceof StreamPut e) {
			return "StreamPut[" + e.basin() + ", " + e.stream() + ", " + Arrays.toString(e.configJson()) + ", "
					+ e.createdAtMillis() + "]";
		}
		if (entry instanceof RecordsAppended e) {
			return "RecordsAppended[" + e.basin() + ", " + e.stream() + ", " + Arrays.toString(e.readBatch()) + "]";
		}
		if (entry instanceof AccessTokenIssued e) {
			return "AccessTokenIssued[" + e.id() + ", " + Arrays.toString(e.secretHash()) + ", "
					+ Arrays.toString(e.infoJson()) + "]";
		}
		return entry.toString();
	}

	/**
	 * The entries a test wrote itself: without those of {@link WriterGate}.
	 */
	static List<JournalEntry> withoutGates(List<JournalEntry> entries) {
		return entries.stream()
			.filter((entry) -> !(entry instanceof BasinDeleted deleted && deleted.basin().startsWith("gate-")))
			.toList();
	}

	static List<String> describe(List<? extends JournalEntry> entries) {
		return entries.stream().map(Entries::describe).toList();
	}

	/**
	 * Collects replayed entries.
	 */
	static final class Collector implements Consumer<JournalEntry> {

		final List<JournalEntry> entries = new ArrayList<>();

		@Override
		public void accept(JournalEntry entry) {
			this.entries.add(entry);
		}

		List<String> described() {
			return describe(withoutGates(this.entries));
		}

	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] bytes(int length, int seed) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) (i * 31 + seed);
		}
		return bytes;
	}

}

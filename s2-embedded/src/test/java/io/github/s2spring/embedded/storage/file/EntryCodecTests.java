package io.github.s2spring.embedded.storage.file;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Random;

import io.github.s2spring.embedded.storage.JournalEntry;
import io.github.s2spring.embedded.storage.JournalEntry.BasinDeleted;
import io.github.s2spring.embedded.storage.JournalEntry.RecordsAppended;
import io.github.s2spring.embedded.storage.JournalEntry.StreamPut;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EntryCodecTests {

	@Test
	void roundTripsEveryEntryKindExactly() {
		for (JournalEntry entry : Entries.everyKind()) {
			assertThat(Entries.describe(roundTrip(entry))).isEqualTo(Entries.describe(entry));
		}
	}

	@Test
	void roundTripsRandomEntries() {
		Random random = new Random(20261127);
		for (int i = 0; i < 2000; i++) {
			JournalEntry entry = Entries.random(random);
			assertThat(Entries.describe(roundTrip(entry))).isEqualTo(Entries.describe(entry));
		}
	}

	@Test
	void framesCarryLengthTypeAndChecksum() {
		byte[] frame = EntryCodec.encode(new BasinDeleted("ab"));
		// payload: varint 2, 'a', 'b'
		assertThat(frame).containsExactly(0, 0, 0, 3, EntryCodec.BASIN_DELETED, 2, 'a', 'b', frame[8], frame[9],
				frame[10], frame[11]);
		int crc = ByteBuffer.wrap(frame, 8, 4).getInt();
		assertThat(crc).isEqualTo(EntryCodec.checksum(frame, Arrays.copyOfRange(frame, 5, 8), 3));
	}

	@Test
	void rejectsNullFields() {
		assertThatIllegalArgumentException().isThrownBy(() -> EntryCodec.encode(newStreamPutWithNullStream()))
			.withMessage("journal entry field 'stream' is null");
	}

	@Test
	void rejectsStringsThatAreNotUnicode() {
		assertThatIllegalArgumentException().isThrownBy(() -> EntryCodec.encode(new BasinDeleted("a\uD800b")))
			.withMessage("journal entry field 'basin' is not valid Unicode");
	}

	@Test
	void rejectsEntriesOverTheLimit() {
		byte[] huge = new byte[EntryCodec.MAX_PAYLOAD_BYTES];
		assertThatIllegalArgumentException().isThrownBy(() -> EntryCodec.encode(new RecordsAppended("b", "s", huge)))
			.withMessageContaining("exceeds the limit of 16777216 bytes");
	}

	@Test
	void acceptsAnEntryExactlyAtTheLimit() {
		byte[] readBatch = new byte[EntryCodec.MAX_PAYLOAD_BYTES - 8];
		byte[] frame = EntryCodec.encode(new RecordsAppended("b", "s", readBatch));
		assertThat(frame).hasSize(EntryCodec.MAX_PAYLOAD_BYTES + EntryCodec.FRAME_OVERHEAD);
	}

	@Test
	void rejectsUnknownTypes() {
		assertThatIllegalArgumentException().isThrownBy(() -> EntryCodec.decode((byte) 99, new byte[0]))
			.withMessage("unknown entry type 99");
	}

	@Test
	void rejectsTrailingBytes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EntryCodec.decode(EntryCodec.BASIN_DELETED, new byte[] { 1, 'a', 0 }))
			.withMessage("1 unexpected bytes after the payload's last field");
	}

	@Test
	void rejectsFieldsRunningPastThePayload() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EntryCodec.decode(EntryCodec.BASIN_DELETED, new byte[] { 5, 'a' }))
			.withMessage("field of 5 bytes at payload offset 1 runs past the payload's end");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EntryCodec.decode(EntryCodec.BASIN_PUT, new byte[] { 1, 'a', 0, 0, 0 }))
			.withMessage("payload ends at offset 3 inside a field");
	}

	@Test
	void rejectsBadLengths() {
		byte[] overlong = { (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0 };
		assertThatIllegalArgumentException().isThrownBy(() -> EntryCodec.decode(EntryCodec.BASIN_DELETED, overlong))
			.withMessageStartingWith("bad length");
		byte[] negative = { (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F };
		assertThatIllegalArgumentException().isThrownBy(() -> EntryCodec.decode(EntryCodec.BASIN_DELETED, negative))
			.withMessageStartingWith("bad length");
	}

	@Test
	void rejectsStringsThatAreNotUtf8() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> EntryCodec.decode(EntryCodec.BASIN_DELETED, new byte[] { 1, (byte) 0xC3 }))
			.withMessage("string at payload offset 2 is not UTF-8");
	}

	private static JournalEntry roundTrip(JournalEntry entry) {
		byte[] frame = EntryCodec.encode(entry);
		int length = ByteBuffer.wrap(frame).getInt();
		assertThat(frame).hasSize(length + EntryCodec.FRAME_OVERHEAD);
		byte[] payload = Arrays.copyOfRange(frame, EntryCodec.HEADER_BYTES, EntryCodec.HEADER_BYTES + length);
		assertThat(ByteBuffer.wrap(frame, frame.length - 4, 4).getInt())
			.isEqualTo(EntryCodec.checksum(frame, payload, length));
		return EntryCodec.decode(frame[4], payload);
	}

	private static JournalEntry newStreamPutWithNullStream() {
		String missing = null;
		return new StreamPut("b", missing, new byte[0], 0);
	}

}

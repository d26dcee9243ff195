package io.github.s2spring.embedded.storage.file;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

import io.github.s2spring.embedded.storage.JournalEntry;
import io.github.s2spring.embedded.storage.JournalEntry.AccessTokenIssued;
import io.github.s2spring.embedded.storage.JournalEntry.AccessTokenRevoked;
import io.github.s2spring.embedded.storage.JournalEntry.BasinDeleted;
import io.github.s2spring.embedded.storage.JournalEntry.BasinPut;
import io.github.s2spring.embedded.storage.JournalEntry.RecordsAppended;
import io.github.s2spring.embedded.storage.JournalEntry.StreamDeleted;
import io.github.s2spring.embedded.storage.JournalEntry.StreamPut;

/**
 * Turns {@link JournalEntry journal entries} into checksummed frames and payloads back
 * into entries, in the format described in the
 * {@linkplain io.github.s2spring.embedded.storage.file package documentation}. Stateless
 * and thread-safe.
 */
final class EntryCodec {

	/** Bytes before the payload: the length (4) and the type (1). */
	static final int HEADER_BYTES = 5;

	/** Bytes after the payload: the CRC32C. */
	static final int TRAILER_BYTES = 4;

	/** Bytes a frame adds to its payload. */
	static final int FRAME_OVERHEAD = HEADER_BYTES + TRAILER_BYTES;

	/** The largest payload a frame may carry; longer lengths are read as corruption. */
	static final int MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;

	static final byte BASIN_PUT = 1;

	static final byte BASIN_DELETED = 2;

	static final byte STREAM_PUT = 3;

	static final byte STREAM_DELETED = 4;

	static final byte RECORDS_APPENDED = 5;

	static final byte ACCESS_TOKEN_ISSUED = 6;

	static final byte ACCESS_TOKEN_REVOKED = 7;

	private EntryCodec() {
	}

	/**
	 * Encodes an entry as a complete frame: header, payload and checksum.
	 * @param entry the entry
	 * @return the frame
	 * @throws IllegalArgumentException if a field is null, a string is not valid Unicode,
	 * or the payload exceeds {@link #MAX_PAYLOAD_BYTES}
	 */
	static byte[] encode(JournalEntry entry) {
		Out out = new Out();
		if (entry instanceof BasinPut put) {
			out.string("basin", put.basin()).bytes("configJson", put.configJson()).int64(put.createdAtMillis());
			return out.finish(BASIN_PUT);
		}
		if (entry instanceof BasinDeleted deleted) {
			return out.string("basin", deleted.basin()).finish(BASIN_DELETED);
		}
		if (entry instanceof StreamPut put) {
			out.string("basin", put.basin()).string("stream", put.stream()).bytes("configJson", put.configJson());
			return out.int64(put.createdAtMillis()).finish(STREAM_PUT);
		}
		if (entry instanceof StreamDeleted deleted) {
			return out.string("basin", deleted.basin()).string("stream", deleted.stream()).finish(STREAM_DELETED);
		}
		if (entry instanceof RecordsAppended appended) {
			out.string("basin", appended.basin()).string("stream", appended.stream());
			return out.bytes("readBatch", appended.readBatch()).finish(RECORDS_APPENDED);
		}
		if (entry instanceof AccessTokenIssued issued) {
			out.string("id", issued.id()).bytes("secretHash", issued.secretHash()).bytes("infoJson", issued.infoJson());
			return out.finish(ACCESS_TOKEN_ISSUED);
		}
		AccessTokenRevoked revoked = (AccessTokenRevoked) entry;
		return out.string("id", revoked.id()).finish(ACCESS_TOKEN_REVOKED);
	}

	/**
	 * Decodes a payload whose checksum was verified.
	 * @param type the entry type
	 * @param payload the payload
	 * @return the entry
	 * @throws IllegalArgumentException if the type is unknown or the payload does not
	 * match it
	 */
	static JournalEntry decode(byte type, byte[] payload) {
		In in = new In(payload);
		JournalEntry entry = switch (type) {
			case BASIN_PUT -> new BasinPut(in.string(), in.bytes(), in.int64());
			case BASIN_DELETED -> new BasinDeleted(in.string());
			case STREAM_PUT -> new StreamPut(in.string(), in.string(), in.bytes(), in.int64());
			case STREAM_DELETED -> new StreamDeleted(in.string(), in.string());
			case RECORDS_APPENDED -> new RecordsAppended(in.string(), in.string(), in.bytes());
			case ACCESS_TOKEN_ISSUED -> new AccessTokenIssued(in.string(), in.bytes(), in.bytes());
			case ACCESS_TOKEN_REVOKED -> new AccessTokenRevoked(in.string());
			default -> throw new IllegalArgumentException("unknown entry type " + type);
		};
		in.requireEnd();
		return entry;
	}

	/**
	 * Computes the checksum of a frame's header and payload.
	 * @param header the header ({@link #HEADER_BYTES} bytes)
	 * @param payload the payload
	 * @param payloadLength how many bytes of {@code payload} belong to the frame
	 * @return the CRC32C as an int
	 */
	static int checksum(byte[] header, byte[] payload, int payloadLength) {
		CRC32C crc = new CRC32C();
		crc.update(header, 0, HEADER_BYTES);
		crc.update(payload, 0, payloadLength);
		return (int) crc.getValue();
	}

	/**
	 * A growing buffer that starts with room for the frame header.
	 */
	private static final class Out {

		private byte[] buffer = new byte[128];

		private int length = HEADER_BYTES;

		Out string(String field, String value) {
			requireField(field, value);
			try {
				ByteBuffer utf8 = StandardCharsets.UTF_8.newEncoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.encode(CharBuffer.wrap(value));
				return bytes(field, Arrays.copyOf(utf8.array(), utf8.limit()));
			}
			catch (CharacterCodingException ex) {
				throw new IllegalArgumentException("journal entry field '" + field + "' is not valid Unicode", ex);
			}
		}

		Out bytes(String field, byte[] value) {
			requireField(field, value);
			varint(value.length);
			ensure(value.length);
			System.arraycopy(value, 0, this.buffer, this.length, value.length);
			this.length += value.length;
			return this;
		}

		Out int64(long value) {
			ensure(Long.BYTES);
			for (int shift = 56; shift >= 0; shift -= 8) {
				this.buffer[this.length++] = (byte) (value >>> shift);
			}
			return this;
		}

		byte[] finish(byte type) {
			int payloadLength = this.length - HEADER_BYTES;
			ByteBuffer frame = ByteBuffer.allocate(this.length + TRAILER_BYTES);
			frame.putInt(payloadLength).put(type).put(this.buffer, HEADER_BYTES, payloadLength);
			CRC32C crc = new CRC32C();
			crc.update(frame.array(), 0, this.length);
			frame.putInt((int) crc.getValue());
			return frame.array();
		}

		private void varint(int value) {
			ensure(5);
			int rest = value;
			while ((rest & ~0x7F) != 0) {
				this.buffer[this.length++] = (byte) ((rest & 0x7F) | 0x80);
				rest >>>= 7;
			}
			this.buffer[this.length++] = (byte) rest;
		}

		private void ensure(int more) {
			long needed = (long) this.length + more;
			if (needed > MAX_PAYLOAD_BYTES + HEADER_BYTES) {
				throw new IllegalArgumentException(
						"journal entry exceeds the limit of " + MAX_PAYLOAD_BYTES + " bytes");
			}
			if (needed > this.buffer.length) {
				this.buffer = Arrays.copyOf(this.buffer, (int) Math.max(needed, this.buffer.length * 2L));
			}
		}

		private static void requireField(String field, Object value) {
			if (value == null) {
				throw new IllegalArgumentException("journal entry field '" + field + "' is null");
			}
		}

	}

	/**
	 * Reads the fields of one payload, checking every length against what is left.
	 */
	private static final class In {

		private final byte[] payload;

		private int position;

		In(byte[] payload) {
			this.payload = payload;
		}

		String string() {
			byte[] utf8 = bytes();
			try {
				return StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(utf8))
					.toString();
			}
			catch (CharacterCodingException ex) {
				throw new IllegalArgumentException("string at payload offset " + this.position + " is not UTF-8", ex);
			}
		}

		byte[] bytes() {
			int count = varint();
			if (count > this.payload.length - this.position) {
				throw new IllegalArgumentException("field of " + count + " bytes at payload offset " + this.position
						+ " runs past the payload's end");
			}
			byte[] value = Arrays.copyOfRange(this.payload, this.position, this.position + count);
			this.position += count;
			return value;
		}

		long int64() {
			require(Long.BYTES);
			long value = 0;
			for (int i = 0; i < Long.BYTES; i++) {
				value = (value << 8) | (this.payload[this.position++] & 0xFF);
			}
			return value;
		}

		void requireEnd() {
			if (this.position != this.payload.length) {
				throw new IllegalArgumentException(
						(this.payload.length - this.position) + " unexpected bytes after the payload's last field");
			}
		}

		private int varint() {
			int value = 0;
			for (int shift = 0; shift < 32; shift += 7) {
				require(1);
				int b = this.payload[this.position++] & 0xFF;
				value |= (b & 0x7F) << shift;
				if ((b & 0x80) == 0) {
					if (value < 0) {
						break;
					}
					return value;
				}
			}
			throw new IllegalArgumentException("bad length at payload offset " + this.position);
		}

		private void require(int count) {
			if (count > this.payload.length - this.position) {
				throw new IllegalArgumentException("payload ends at offset " + this.position + " inside a field");
			}
		}

	}

}

package io.github.s2spring.client.data;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Protobuf's wire format, as far as an {@code AppendInput} needs it: varints and
 * length-delimited fields, written into and read from arrays. Field numbers and order
 * follow {@code s2/v1/s2.proto}, so what is written here is byte for byte what protobuf
 * writes.
 */
final class Wire {

	/** {@code AppendInput.records}, length-delimited. */
	static final int RECORDS_TAG = (1 << 3) | 2;

	/** {@code AppendInput.match_seq_num}, varint. */
	static final int MATCH_SEQ_NUM_TAG = 2 << 3;

	/** {@code AppendInput.fencing_token}, length-delimited. */
	static final int FENCING_TOKEN_TAG = (3 << 3) | 2;

	/** {@code AppendRecord.timestamp}, varint. */
	static final int TIMESTAMP_TAG = 1 << 3;

	/** {@code AppendRecord.headers}, length-delimited. */
	static final int HEADERS_TAG = (2 << 3) | 2;

	/** {@code AppendRecord.body}, length-delimited. */
	static final int BODY_TAG = (3 << 3) | 2;

	/** {@code Header.name}, length-delimited. */
	static final int NAME_TAG = (1 << 3) | 2;

	/** {@code Header.value}, length-delimited. */
	static final int VALUE_TAG = (2 << 3) | 2;

	private Wire() {
	}

	/**
	 * The bytes of a varint.
	 */
	static int varintSize(long value) {
		int size = 1;
		long rest = value;
		while ((rest & ~0x7FL) != 0) {
			size++;
			rest >>>= 7;
		}
		return size;
	}

	/**
	 * The bytes of a length-delimited field of this length, tag included; 0 for an empty
	 * field, which proto3 does not write.
	 */
	static int bytesFieldSize(int length) {
		return (length == 0) ? 0 : 1 + varintSize(length) + length;
	}

	/**
	 * The encoded size of a record, without its own tag and length.
	 */
	static int recordSize(AppendRecord record) {
		int size = 0;
		Long timestamp = record.timestamp();
		if (timestamp != null) {
			size += 1 + varintSize(timestamp);
		}
		for (Header header : record.headers()) {
			int headerSize = headerSize(header);
			size += 1 + varintSize(headerSize) + headerSize;
		}
		return size + bytesFieldSize(record.bodyView().remaining());
	}

	private static int headerSize(Header header) {
		return bytesFieldSize(header.nameView().remaining()) + bytesFieldSize(header.valueView().remaining());
	}

	/**
	 * Writes a varint at an offset.
	 * @return the offset after it
	 */
	static int writeVarint(byte[] buffer, int offset, long value) {
		int at = offset;
		long rest = value;
		while ((rest & ~0x7FL) != 0) {
			buffer[at++] = (byte) ((rest & 0x7F) | 0x80);
			rest >>>= 7;
		}
		buffer[at++] = (byte) rest;
		return at;
	}

	/**
	 * Writes a length-delimited field unless it is empty, reading the bytes without
	 * moving their position.
	 * @return the offset after it
	 */
	static int writeBytes(byte[] buffer, int offset, int tag, ByteBuffer bytes) {
		int length = bytes.remaining();
		if (length == 0) {
			return offset;
		}
		int at = writeVarint(buffer, offset, tag);
		at = writeVarint(buffer, at, length);
		bytes.get(bytes.position(), buffer, at, length);
		return at + length;
	}

	/**
	 * Writes a record's fields (not its own tag and length).
	 * @return the offset after them
	 */
	static int writeRecord(byte[] buffer, int offset, AppendRecord record) {
		int at = offset;
		Long timestamp = record.timestamp();
		if (timestamp != null) {
			at = writeVarint(buffer, at, TIMESTAMP_TAG);
			at = writeVarint(buffer, at, timestamp);
		}
		for (Header header : record.headers()) {
			at = writeVarint(buffer, at, HEADERS_TAG);
			at = writeVarint(buffer, at, headerSize(header));
			at = writeBytes(buffer, at, NAME_TAG, header.nameView());
			at = writeBytes(buffer, at, VALUE_TAG, header.valueView());
		}
		return writeBytes(buffer, at, BODY_TAG, record.bodyView());
	}

	/**
	 * Reads the records of an encoded {@code AppendInput} written by
	 * {@link #writeRecord}; the records view the array.
	 */
	static List<AppendRecord> readRecords(byte[] buffer, int length) {
		List<AppendRecord> records = new ArrayList<>();
		Reader in = new Reader(buffer, 0, length);
		while (in.more()) {
			int tag = (int) in.varint();
			if (tag != RECORDS_TAG) {
				in.skip(tag);
				continue;
			}
			int end = in.lengthEnd();
			records.add(readRecord(new Reader(buffer, in.at, end)));
			in.at = end;
		}
		return records;
	}

	private static AppendRecord readRecord(Reader in) {
		@Nullable Long timestamp = null;
		List<Header> headers = new ArrayList<>();
		ByteBuffer body = ByteBuffer.allocate(0);
		while (in.more()) {
			int tag = (int) in.varint();
			if (tag == TIMESTAMP_TAG) {
				timestamp = in.varint();
			}
			else if (tag == HEADERS_TAG) {
				int end = in.lengthEnd();
				Reader header = new Reader(in.buffer, in.at, end);
				ByteBuffer name = ByteBuffer.allocate(0);
				ByteBuffer value = ByteBuffer.allocate(0);
				while (header.more()) {
					int field = (int) header.varint();
					if (field == NAME_TAG) {
						name = header.bytes();
					}
					else if (field == VALUE_TAG) {
						value = header.bytes();
					}
					else {
						header.skip(field);
					}
				}
				headers.add(new Header(name, value));
				in.at = end;
			}
			else if (tag == BODY_TAG) {
				body = in.bytes();
			}
			else {
				in.skip(tag);
			}
		}
		return new AppendRecord(headers, body, timestamp);
	}

	/**
	 * A cursor over part of an array.
	 */
	private static final class Reader {

		final byte[] buffer;

		int at;

		final int end;

		Reader(byte[] buffer, int at, int end) {
			this.buffer = buffer;
			this.at = at;
			this.end = end;
		}

		boolean more() {
			return this.at < this.end;
		}

		long varint() {
			long value = 0;
			for (int shift = 0; shift < 64; shift += 7) {
				byte b = this.buffer[this.at++];
				value |= (long) (b & 0x7F) << shift;
				if ((b & 0x80) == 0) {
					return value;
				}
			}
			throw new IllegalStateException("Malformed varint");
		}

		int lengthEnd() {
			int length = (int) varint();
			return this.at + length;
		}

		ByteBuffer bytes() {
			int stop = lengthEnd();
			ByteBuffer view = ByteBuffer.wrap(this.buffer, this.at, stop - this.at).slice();
			this.at = stop;
			return view;
		}

		void skip(int tag) {
			switch (tag & 7) {
				case 0 -> varint();
				case 2 -> this.at = lengthEnd();
				default -> throw new IllegalStateException("Unexpected wire type in tag " + tag);
			}
		}

	}

}

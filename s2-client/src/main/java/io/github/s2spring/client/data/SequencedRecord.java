package io.github.s2spring.client.data;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A record read from a stream, with the sequence number and timestamp S2 gave it. Read
 * through a session, its body and headers are read-only views of the frame it arrived in,
 * not copies: a record kept long after its batch keeps that frame (up to about 1 MiB) in
 * memory; {@link #bodyAsBytes()} copies the body out. Every {@link #body()} call returns
 * an independent duplicate.
 *
 * @param seqNum the sequence number
 * @param timestamp milliseconds since the Unix epoch
 * @param headers the headers, in order
 * @param body the body
 */
public record SequencedRecord(long seqNum, long timestamp, List<Header> headers, ByteBuffer body) {

	/**
	 * Creates a record viewing the remaining bytes of the body, without copying them.
	 * @param seqNum the sequence number
	 * @param timestamp the timestamp
	 * @param headers the headers
	 * @param body the body
	 */
	public SequencedRecord {
		headers = List.copyOf(headers);
		body = body.asReadOnlyBuffer();
	}

	/**
	 * The body, as a read-only view.
	 * @return a new duplicate of the body
	 */
	@Override
	public ByteBuffer body() {
		return this.body.duplicate();
	}

	/**
	 * The body decoded as UTF-8 (malformed bytes replaced).
	 * @return the body text
	 */
	public String bodyAsString() {
		return Bytes.text(this.body);
	}

	/**
	 * A copy of the body.
	 * @return the body bytes
	 */
	public byte[] bodyAsBytes() {
		return Bytes.array(this.body);
	}

	/**
	 * The metered size: 8 bytes, plus 2 and the name and value bytes per header, plus the
	 * body bytes.
	 * @return the metered bytes
	 */
	public long meteredBytes() {
		return Bytes.metered(this.headers, this.body);
	}

	/**
	 * Whether this is a command record (fence or trim): exactly one header, with an empty
	 * name.
	 * @return whether a command
	 */
	public boolean isCommand() {
		return Bytes.isCommand(this.headers);
	}

	@Override
	public String toString() {
		return "SequencedRecord[seqNum=" + this.seqNum + ", timestamp=" + this.timestamp + ", " + this.body.remaining()
				+ " bytes, headers=" + this.headers + "]";
	}

}

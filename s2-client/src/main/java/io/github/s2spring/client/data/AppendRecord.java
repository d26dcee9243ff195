package io.github.s2spring.client.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.limits.Command;
import io.github.s2spring.protocol.limits.CommandRecords;
import io.github.s2spring.protocol.limits.Limits;

/**
 * A record to append: headers, a body and an optional timestamp. Checked against S2's
 * rules when created (at most 1 MiB metered, header names not empty except in a command
 * record, a command's body well formed), so a record that exists can be sent. The body is
 * a read-only view: every {@link #body()} call returns an independent duplicate.
 *
 * @param headers the headers, in order
 * @param body the body
 * @param timestamp milliseconds since the Unix epoch, or {@code null} to let S2 assign it
 * (as the stream's timestamping mode allows)
 */
public record AppendRecord(List<Header> headers, ByteBuffer body, @Nullable Long timestamp) {

	private static final ByteBuffer EMPTY = ByteBuffer.allocate(0).asReadOnlyBuffer();

	/**
	 * Creates a record viewing the remaining bytes of the body, without copying them: its
	 * content must not change afterwards.
	 * @param headers the headers
	 * @param body the body
	 * @param timestamp the timestamp, or {@code null}
	 * @throws ValidationException if the record breaks a rule of S2
	 */
	public AppendRecord {
		headers = List.copyOf(headers);
		body = body.asReadOnlyBuffer();
		if (headers.size() > Limits.MAX_HEADERS_PER_RECORD) {
			throw new ValidationException("record headers", headers.size() + " headers",
					"must be at most " + Limits.MAX_HEADERS_PER_RECORD);
		}
		if (timestamp != null) {
			long value = timestamp;
			ValidationException.check(() -> Limits.requireUnsigned("record timestamp", value));
		}
		if (Bytes.isCommand(headers)) {
			ByteBuffer command = headers.get(0).value();
			ByteBuffer commandBody = body;
			ValidationException.check(() -> CommandRecords.parse(command, commandBody));
		}
		else {
			for (int i = 0; i < headers.size(); i++) {
				if (!headers.get(i).nameView().hasRemaining()) {
					throw new ValidationException("header name", "header " + i,
							"must not be empty (only a command record has one header with an empty name)");
				}
			}
		}
		long metered = Bytes.metered(headers, body);
		if (metered > Limits.MAX_RECORD_METERED_BYTES) {
			throw new ValidationException("record", metered + " metered bytes",
					"must be at most " + Limits.MAX_RECORD_METERED_BYTES + " metered bytes");
		}
	}

	/**
	 * A record with a UTF-8 body and nothing else.
	 * @param body the body text
	 * @return the record
	 */
	public static AppendRecord of(String body) {
		return of(ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A record with a binary body, copied, and nothing else.
	 * @param body the body bytes
	 * @return the record
	 */
	public static AppendRecord of(byte[] body) {
		return of(ByteBuffer.wrap(body.clone()));
	}

	/**
	 * A record viewing the remaining bytes of a buffer, without copying them.
	 * @param body the body
	 * @return the record
	 */
	public static AppendRecord of(ByteBuffer body) {
		return new AppendRecord(List.of(), body, null);
	}

	/**
	 * A fence command: sets the stream's fencing token.
	 * @param fencingToken the new token, at most 36 bytes; empty removes the fence
	 * @return the command record
	 */
	public static AppendRecord fence(String fencingToken) {
		return command(Command.FENCE, ByteBuffer.wrap(fencingToken.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * A trim command: records before the trim point are eventually deleted.
	 * @param trimPoint the first sequence number to keep
	 * @return the command record
	 */
	public static AppendRecord trim(long trimPoint) {
		return command(Command.TRIM, ByteBuffer.allocate(Long.BYTES).putLong(0, trimPoint));
	}

	private static AppendRecord command(String name, ByteBuffer body) {
		return new AppendRecord(List.of(new Header(EMPTY, ByteBuffer.wrap(name.getBytes(StandardCharsets.UTF_8)))),
				body, null);
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
	 * The body itself, for this package's encoders, which read it without moving its
	 * position or limit: no duplicate per read.
	 * @return the read-only body
	 */
	ByteBuffer bodyView() {
		return this.body;
	}

	/**
	 * This record with other headers.
	 * @param newHeaders the headers
	 * @return a new record
	 */
	public AppendRecord withHeaders(List<Header> newHeaders) {
		return new AppendRecord(newHeaders, this.body, this.timestamp);
	}

	/**
	 * This record with one more header, after the others.
	 * @param name the header name, UTF-8
	 * @param value the header value, UTF-8
	 * @return a new record
	 */
	public AppendRecord withHeader(String name, String value) {
		List<Header> more = new ArrayList<>(this.headers.size() + 1);
		more.addAll(this.headers);
		more.add(Header.of(name, value));
		return withHeaders(more);
	}

	/**
	 * This record with a timestamp.
	 * @param millis milliseconds since the Unix epoch
	 * @return a new record
	 */
	public AppendRecord withTimestamp(long millis) {
		return new AppendRecord(this.headers, this.body, millis);
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

	@Override
	public String toString() {
		return "AppendRecord[" + this.body.remaining() + " bytes, headers=" + this.headers
				+ ((this.timestamp != null) ? ", timestamp=" + this.timestamp : "") + "]";
	}

}

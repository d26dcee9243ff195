package io.github.s2spring.protocol.limits;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.google.protobuf.ByteString;
import s2.v1.AppendRecord;
import s2.v1.Header;

/**
 * Builds and recognises command records (fence and trim).
 */
public final class CommandRecords {

	private static final int TRIM_BODY_BYTES = 8;

	private CommandRecords() {
	}

	/**
	 * A fence command record.
	 * @param fencingToken the new fencing token (at most 36 bytes; empty removes the
	 * fence)
	 * @return the record
	 */
	public static AppendRecord fence(String fencingToken) {
		return toRecord(new Command.Fence(fencingToken));
	}

	/**
	 * A trim command record.
	 * @param trimPoint the first sequence number to keep
	 * @return the record
	 */
	public static AppendRecord trim(long trimPoint) {
		return toRecord(new Command.Trim(trimPoint));
	}

	/**
	 * The record that carries a command.
	 * @param command the command
	 * @return the record
	 */
	public static AppendRecord toRecord(Command command) {
		String name;
		ByteString body;
		if (command instanceof Command.Fence fence) {
			name = Command.FENCE;
			body = ByteString.copyFromUtf8(fence.fencingToken());
		}
		else {
			name = Command.TRIM;
			body = ByteString
				.copyFrom(ByteBuffer.allocate(TRIM_BODY_BYTES).putLong(((Command.Trim) command).trimPoint()).flip());
		}
		Header header = Header.newBuilder().setName(ByteString.EMPTY).setValue(ByteString.copyFromUtf8(name)).build();
		return AppendRecord.newBuilder().addHeaders(header).setBody(body).build();
	}

	/**
	 * Whether a record is a command record: exactly one header, with an empty name.
	 * @param headers the record's headers
	 * @return whether the record is a command
	 */
	public static boolean isCommand(List<Header> headers) {
		return headers.size() == 1 && headers.get(0).getName().isEmpty();
	}

	/**
	 * Parses the command a record carries.
	 * @param headers the record's headers
	 * @param body the record's body
	 * @return the command, or empty if the record is not a command record
	 * @throws ValidationException if it is a command record with an unknown command or a
	 * bad body
	 */
	public static Optional<Command> parse(List<Header> headers, ByteString body) {
		if (!isCommand(headers)) {
			return Optional.empty();
		}
		return Optional.of(parse(headers.get(0).getValue().asReadOnlyByteBuffer(), body.asReadOnlyByteBuffer()));
	}

	/**
	 * Parses a command record given by the value of its one header (the command name) and
	 * its body, as a client checks a record before it sends it.
	 * @param command the header value, {@code fence} or {@code trim} in UTF-8
	 * @param body the record body
	 * @return the command
	 * @throws ValidationException if the command is unknown or its body malformed
	 */
	public static Command parse(ByteBuffer command, ByteBuffer body) {
		ByteBuffer name = command.duplicate();
		if (name.equals(ByteBuffer.wrap(Command.FENCE.getBytes(StandardCharsets.UTF_8)))) {
			return new Command.Fence(utf8("fence command body", body.duplicate()));
		}
		if (name.equals(ByteBuffer.wrap(Command.TRIM.getBytes(StandardCharsets.UTF_8)))) {
			if (body.remaining() != TRIM_BODY_BYTES) {
				throw new ValidationException("trim command body", body.remaining() + " bytes",
						"must be exactly 8 bytes (a big-endian sequence number)");
			}
			long trimPoint = body.getLong(body.position());
			if (trimPoint < 0) {
				throw new ValidationException("trim point", Long.toUnsignedString(trimPoint),
						"must fit in a signed 64-bit integer");
			}
			return new Command.Trim(trimPoint);
		}
		throw new ValidationException("command", StandardCharsets.UTF_8.decode(name).toString(),
				"unknown command: expected \"fence\" or \"trim\"");
	}

	private static String utf8(String rule, ByteBuffer bytes) {
		int size = bytes.remaining();
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes)
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new ValidationException(rule, size + " bytes", "must be valid UTF-8");
		}
	}

}

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
		ByteString value = headers.get(0).getValue();
		if (value.equals(ByteString.copyFromUtf8(Command.FENCE))) {
			return Optional.of(new Command.Fence(utf8("fence command body", body)));
		}
		if (value.equals(ByteString.copyFromUtf8(Command.TRIM))) {
			if (body.size() != TRIM_BODY_BYTES) {
				throw new ValidationException("trim command body", body.size() + " bytes",
						"must be exactly 8 bytes (a big-endian sequence number)");
			}
			long trimPoint = body.asReadOnlyByteBuffer().getLong();
			if (trimPoint < 0) {
				throw new ValidationException("trim point", Long.toUnsignedString(trimPoint),
						"must fit in a signed 64-bit integer");
			}
			return Optional.of(new Command.Trim(trimPoint));
		}
		throw new ValidationException("command", value.toStringUtf8(),
				"unknown command: expected \"fence\" or \"trim\"");
	}

	private static String utf8(String rule, ByteString bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes.asReadOnlyByteBuffer())
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new ValidationException(rule, bytes.size() + " bytes", "must be valid UTF-8");
		}
	}

}

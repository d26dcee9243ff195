package io.github.s2spring.protocol.s2s;

import java.util.Arrays;
import java.util.HexFormat;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import com.google.protobuf.UnsafeByteOperations;

/**
 * One S2S frame, decoded: either a regular frame carrying a protobuf payload or a
 * terminal frame carrying an HTTP status and an error JSON body, after which the session
 * ends.
 */
public sealed interface S2sFrame permits S2sFrame.Regular, S2sFrame.Terminal {

	/** Flag bit of a terminal frame. */
	int TERMINAL_FLAG = 0x80;

	/** Flag bit a draining server sets on regular frames to advise a reconnect. */
	int RECONNECT_ADVISED_FLAG = 0x10;

	/** Size of the big-endian length prefix. */
	int LENGTH_PREFIX_BYTES = 3;

	/** Largest frame accepted or produced: flag byte plus payload, 2 MiB. */
	int MAX_FRAME_BYTES = 2 * 1024 * 1024;

	/** Largest payload, compressed or not: {@code MAX_FRAME_BYTES - 1}. */
	int MAX_PAYLOAD_BYTES = MAX_FRAME_BYTES - 1;

	/** Payloads smaller than this are never compressed. */
	int COMPRESSION_THRESHOLD_BYTES = 1024;

	/**
	 * A regular frame from a protobuf message.
	 * @param message the message
	 * @return the frame
	 */
	static Regular of(MessageLite message) {
		return new Regular(message.toByteArray(), false);
	}

	/**
	 * A regular frame: a protobuf payload, already decompressed.
	 *
	 * @param payload the uncompressed payload bytes
	 * @param reconnectAdvised whether the sender is draining and advises a reconnect
	 */
	record Regular(byte[] payload, boolean reconnectAdvised) implements S2sFrame {

		/**
		 * Parses the payload as a protobuf message without copying it: the message's
		 * {@code bytes} fields (record bodies, header names and values) share the
		 * payload's array. Frames from {@link S2sFrameDecoder} own their payload array
		 * and nothing writes to it afterwards, so the message stays valid for as long as
		 * it is referenced.
		 * @param <T> the message type
		 * @param parser the message's parser
		 * @return the message
		 * @throws InvalidProtocolBufferException if the payload is not a valid message
		 */
		public <T> T parse(Parser<T> parser) throws InvalidProtocolBufferException {
			CodedInputStream in = UnsafeByteOperations.unsafeWrap(this.payload).newCodedInput();
			in.enableAliasing(true);
			T message = parser.parseFrom(in);
			in.checkLastTagWas(0);
			return message;
		}

		@Override
		public boolean equals(Object other) {
			return (other instanceof Regular that) && this.reconnectAdvised == that.reconnectAdvised
					&& Arrays.equals(this.payload, that.payload);
		}

		@Override
		public int hashCode() {
			return 31 * Arrays.hashCode(this.payload) + Boolean.hashCode(this.reconnectAdvised);
		}

		@Override
		public String toString() {
			String hex = HexFormat.of().formatHex(this.payload, 0, Math.min(this.payload.length, 32));
			return "Regular[" + this.payload.length + " bytes " + hex + ((this.payload.length > 32) ? "..." : "")
					+ (this.reconnectAdvised ? ", reconnect advised" : "") + "]";
		}

	}

	/**
	 * A terminal frame: the session ends with this status and body.
	 *
	 * @param status the HTTP status code, 0 to 65535
	 * @param body the error body, JSON as the unary API would return it
	 */
	record Terminal(int status, String body) implements S2sFrame {

		public Terminal {
			if (status < 0 || status > 0xFFFF) {
				throw new IllegalArgumentException("Terminal frame status must fit in 16 bits, got " + status);
			}
		}

	}

}

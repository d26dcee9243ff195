package io.github.s2spring.protocol.error;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.protocol.StreamPosition;

/**
 * The JSON body of an S2 error response (or of a terminal frame): the standard code and
 * message, or one of the special 412 and 416 shapes.
 */
public sealed interface ErrorBody permits ErrorBody.Info, ErrorBody.SeqNumMismatch, ErrorBody.FencingTokenMismatch,
		ErrorBody.RangeNotSatisfiable {

	/**
	 * The standard body {@code {"code":"...","message":"..."}}.
	 *
	 * @param code the snake_case error code; see {@link ErrorCode}
	 * @param message the human-readable message
	 */
	record Info(String code, String message) implements ErrorBody {

		/**
		 * The known error code, if this body's code is one.
		 * @return the error code
		 */
		public Optional<ErrorCode> errorCode() {
			return ErrorCode.of(this.code);
		}

	}

	/**
	 * 412 {@code {"seq_num_mismatch":N}}: {@code match_seq_num} did not match.
	 *
	 * @param expectedSeqNum the sequence number the next record would get
	 */
	record SeqNumMismatch(long expectedSeqNum) implements ErrorBody {
	}

	/**
	 * 412 {@code {"fencing_token_mismatch":"..."}}: the fencing token did not match.
	 *
	 * @param expectedFencingToken the stream's current fencing token
	 */
	record FencingTokenMismatch(String expectedFencingToken) implements ErrorBody {
	}

	/**
	 * 416 {@code {"tail":{...}}}: the read start is beyond the tail.
	 *
	 * @param tail the stream's tail, when the server sent it
	 */
	record RangeNotSatisfiable(@Nullable StreamPosition tail) implements ErrorBody {
	}

}

package io.github.s2spring.protocol.error;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import io.github.s2spring.protocol.StreamPosition;

/**
 * Parses and writes the JSON bodies of S2 errors.
 */
public final class ErrorBodies {

	/** HTTP status of a failed append precondition. */
	public static final int PRECONDITION_FAILED = 412;

	/** HTTP status of a read that starts beyond the tail. */
	public static final int RANGE_NOT_SATISFIABLE = 416;

	private static final ObjectMapper MAPPER = JsonMapper.builder().build();

	private static final int MAX_RAW_MESSAGE_CHARS = 512;

	/**
	 * Code given to a body that carries none; not an S2 code, so retry decisions fall
	 * back to the HTTP status.
	 */
	public static final String UNKNOWN_CODE = "unknown";

	private ErrorBodies() {
	}

	/**
	 * Parses an error body. Never fails: a body that is not one of the known shapes
	 * becomes an {@link ErrorBody.Info} whose code is derived from the status and whose
	 * message is the raw text (shortened).
	 * @param status the HTTP status of the response or terminal frame
	 * @param body the body text, possibly empty
	 * @return the parsed body
	 */
	public static ErrorBody parse(int status, @Nullable String body) {
		String text = (body != null) ? body : "";
		JsonNode json = readTree(text);
		boolean object = json != null && json.isObject();
		if (status == RANGE_NOT_SATISFIABLE) {
			return new ErrorBody.RangeNotSatisfiable(object ? position(json.get("tail")) : null);
		}
		if (object) {
			JsonNode seqNum = json.get("seq_num_mismatch");
			if (seqNum != null && seqNum.canConvertToLong() && seqNum.asLong() >= 0) {
				return new ErrorBody.SeqNumMismatch(seqNum.asLong());
			}
			JsonNode token = json.get("fencing_token_mismatch");
			if (token != null && token.isString()) {
				return new ErrorBody.FencingTokenMismatch(token.asString());
			}
			JsonNode tail = json.get("tail");
			JsonNode code = json.get("code");
			if (tail != null && code == null) {
				return new ErrorBody.RangeNotSatisfiable(position(tail));
			}
			if (code != null && code.isString()) {
				JsonNode message = json.get("message");
				return new ErrorBody.Info(code.asString(),
						(message != null && message.isString()) ? message.asString() : code.asString());
			}
		}
		return new ErrorBody.Info(UNKNOWN_CODE, shorten(text.isBlank() ? "HTTP status " + status : text));
	}

	/**
	 * Writes an error body as JSON.
	 * @param body the body
	 * @return the JSON text
	 */
	public static String toJson(ErrorBody body) {
		Map<String, Object> json = new LinkedHashMap<>();
		if (body instanceof ErrorBody.Info info) {
			json.put("code", info.code());
			json.put("message", info.message());
		}
		else if (body instanceof ErrorBody.SeqNumMismatch mismatch) {
			json.put("seq_num_mismatch", mismatch.expectedSeqNum());
		}
		else if (body instanceof ErrorBody.FencingTokenMismatch mismatch) {
			json.put("fencing_token_mismatch", mismatch.expectedFencingToken());
		}
		else if (body instanceof ErrorBody.RangeNotSatisfiable range) {
			StreamPosition tail = (range.tail() != null) ? range.tail() : StreamPosition.ZERO;
			json.put("tail", positionJson(tail));
		}
		return MAPPER.writeValueAsString(json);
	}

	/**
	 * The JSON object of a position, {@code {"seq_num":N,"timestamp":T}}.
	 * @param position the position
	 * @return a map that serializes to that object
	 */
	public static Map<String, Object> positionJson(StreamPosition position) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("seq_num", position.seqNum());
		json.put("timestamp", position.timestamp());
		return json;
	}

	private static @Nullable JsonNode readTree(String text) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return MAPPER.readTree(text);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable StreamPosition position(@Nullable JsonNode tail) {
		if (tail == null || !tail.isObject()) {
			return null;
		}
		JsonNode seqNum = tail.get("seq_num");
		JsonNode timestamp = tail.get("timestamp");
		if (seqNum == null || !seqNum.canConvertToLong() || seqNum.asLong() < 0) {
			return null;
		}
		long ts = (timestamp != null && timestamp.canConvertToLong()) ? Math.max(0, timestamp.asLong()) : 0;
		return new StreamPosition(seqNum.asLong(), ts);
	}

	private static String shorten(String text) {
		return (text.length() <= MAX_RAW_MESSAGE_CHARS) ? text : text.substring(0, MAX_RAW_MESSAGE_CHARS) + "...";
	}

}

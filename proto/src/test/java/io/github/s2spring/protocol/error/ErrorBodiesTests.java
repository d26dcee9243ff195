package io.github.s2spring.protocol.error;

import org.junit.jupiter.api.Test;

import io.github.s2spring.protocol.StreamPosition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parsing and writing of S2 error bodies.
 */
class ErrorBodiesTests {

	@Test
	void standardBodyParses() {
		assertThat(ErrorBodies.parse(404, "{\"code\":\"stream_not_found\",\"message\":\"Stream `x` not found\"}"))
			.isEqualTo(new ErrorBody.Info("stream_not_found", "Stream `x` not found"));
	}

	@Test
	void codeWithoutMessageUsesTheCode() {
		assertThat(ErrorBodies.parse(500, "{\"code\":\"other\"}")).isEqualTo(new ErrorBody.Info("other", "other"));
	}

	@Test
	void seqNumMismatchParses() {
		assertThat(ErrorBodies.parse(412, "{\"seq_num_mismatch\":5}")).isEqualTo(new ErrorBody.SeqNumMismatch(5));
	}

	@Test
	void fencingTokenMismatchParses() {
		assertThat(ErrorBodies.parse(412, "{\"fencing_token_mismatch\":\"w2\"}"))
			.isEqualTo(new ErrorBody.FencingTokenMismatch("w2"));
	}

	@Test
	void rangeNotSatisfiableParsesWithAndWithoutTail() {
		assertThat(ErrorBodies.parse(416, "{\"tail\":{\"seq_num\":7,\"timestamp\":99}}"))
			.isEqualTo(new ErrorBody.RangeNotSatisfiable(new StreamPosition(7, 99)));
		assertThat(ErrorBodies.parse(416, "{\"code\":\"range_not_satisfiable\",\"tail\":{\"seq_num\":7}}"))
			.isEqualTo(new ErrorBody.RangeNotSatisfiable(new StreamPosition(7, 0)));
		assertThat(ErrorBodies.parse(416, "")).isEqualTo(new ErrorBody.RangeNotSatisfiable(null));
		assertThat(ErrorBodies.parse(416, "{\"tail\":{\"seq_num\":-1}}"))
			.isEqualTo(new ErrorBody.RangeNotSatisfiable(null));
		assertThat(ErrorBodies.parse(416, "{\"tail\":[]}")).isEqualTo(new ErrorBody.RangeNotSatisfiable(null));
	}

	@Test
	void tailWithoutCodeIsRangeNotSatisfiableWhateverTheStatus() {
		assertThat(ErrorBodies.parse(200, "{\"tail\":{\"seq_num\":1,\"timestamp\":2}}"))
			.isEqualTo(new ErrorBody.RangeNotSatisfiable(new StreamPosition(1, 2)));
	}

	@Test
	void unknownShapesKeepTheRawText() {
		assertThat(ErrorBodies.parse(502, "<html>bad gateway</html>"))
			.isEqualTo(new ErrorBody.Info(ErrorBodies.UNKNOWN_CODE, "<html>bad gateway</html>"));
		assertThat(ErrorBodies.parse(503, null)).isEqualTo(new ErrorBody.Info("unknown", "HTTP status 503"));
		assertThat(ErrorBodies.parse(400, "[1,2]")).isEqualTo(new ErrorBody.Info("unknown", "[1,2]"));
		assertThat(ErrorBodies.parse(400, "{\"code\":5}")).isEqualTo(new ErrorBody.Info("unknown", "{\"code\":5}"));
		assertThat(((ErrorBody.Info) ErrorBodies.parse(500, "x".repeat(2000))).message()).hasSize(515).endsWith("...");
	}

	@Test
	void bodiesAreWrittenInTheWireShapes() {
		assertThat(ErrorBodies.toJson(new ErrorBody.Info("invalid", "bad \"x\"")))
			.isEqualTo("{\"code\":\"invalid\",\"message\":\"bad \\\"x\\\"\"}");
		assertThat(ErrorBodies.toJson(new ErrorBody.SeqNumMismatch(5))).isEqualTo("{\"seq_num_mismatch\":5}");
		assertThat(ErrorBodies.toJson(new ErrorBody.FencingTokenMismatch("t")))
			.isEqualTo("{\"fencing_token_mismatch\":\"t\"}");
		assertThat(ErrorBodies.toJson(new ErrorBody.RangeNotSatisfiable(new StreamPosition(3, 4))))
			.isEqualTo("{\"tail\":{\"seq_num\":3,\"timestamp\":4}}");
		assertThat(ErrorBodies.toJson(new ErrorBody.RangeNotSatisfiable(null)))
			.isEqualTo("{\"tail\":{\"seq_num\":0,\"timestamp\":0}}");
	}

	@Test
	void writtenBodiesParseBack() {
		ErrorBody[] bodies = { new ErrorBody.Info("authn", "no token"), new ErrorBody.SeqNumMismatch(42),
				new ErrorBody.FencingTokenMismatch(""), new ErrorBody.RangeNotSatisfiable(new StreamPosition(10, 20)) };
		int[] statuses = { 401, 412, 412, 416 };
		for (int i = 0; i < bodies.length; i++) {
			assertThat(ErrorBodies.parse(statuses[i], ErrorBodies.toJson(bodies[i]))).isEqualTo(bodies[i]);
		}
	}

}

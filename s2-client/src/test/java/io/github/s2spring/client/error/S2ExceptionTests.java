package io.github.s2spring.client.error;

import org.junit.jupiter.api.Test;

import io.github.s2spring.protocol.StreamPosition;

import static org.assertj.core.api.Assertions.assertThat;

class S2ExceptionTests {

	@Test
	void seqNumMismatchCarriesTheExpectedSeqNum() {
		S2Exception ex = S2Exception.fromResponse(412, "{\"seq_num_mismatch\":5}");
		assertThat(ex).isInstanceOf(SeqNumMismatchException.class);
		assertThat(((SeqNumMismatchException) ex).expectedSeqNum()).isEqualTo(5);
		assertThat(ex.status()).isEqualTo(412);
		assertThat(ex.retryable()).isFalse();
	}

	@Test
	void fencingTokenMismatchCarriesTheExpectedToken() {
		S2Exception ex = S2Exception.fromResponse(412, "{\"fencing_token_mismatch\":\"w2\"}");
		assertThat(ex).isInstanceOf(FencingTokenMismatchException.class);
		assertThat(((FencingTokenMismatchException) ex).expectedFencingToken()).isEqualTo("w2");
		assertThat(ex.code()).isEqualTo("fencing_token_mismatch");
	}

	@Test
	void rangeNotSatisfiableCarriesTheTail() {
		S2Exception ex = S2Exception.fromResponse(416, "{\"tail\":{\"seq_num\":3,\"timestamp\":9}}");
		assertThat(ex).isInstanceOf(RangeNotSatisfiableException.class);
		assertThat(((RangeNotSatisfiableException) ex).tail()).isEqualTo(new StreamPosition(3, 9));
		assertThat(ex.getMessage()).contains("3");
		assertThat(((RangeNotSatisfiableException) S2Exception.fromResponse(416, "")).tail()).isNull();
	}

	@Test
	void statusesMapToTypedExceptions() {
		assertThat(S2Exception.fromResponse(404, "{\"code\":\"stream_not_found\",\"message\":\"no such stream\"}"))
			.isInstanceOf(NotFoundException.class)
			.hasMessage("no such stream")
			.extracting(S2Exception::code)
			.isEqualTo("stream_not_found");
		assertThat(S2Exception.fromResponse(401, "{\"code\":\"authn\",\"message\":\"bad token\"}"))
			.isInstanceOf(PermissionDeniedException.class);
		assertThat(S2Exception.fromResponse(403, "{\"code\":\"permission_denied\",\"message\":\"no\"}"))
			.isInstanceOf(PermissionDeniedException.class);
		S2Exception limited = S2Exception.fromResponse(429, "{\"code\":\"rate_limited\",\"message\":\"slow\"}");
		assertThat(limited).isInstanceOf(RateLimitedException.class);
		assertThat(limited.retryable()).isTrue();
		assertThat(limited.noSideEffects()).isTrue();
	}

	@Test
	void retryabilityFollowsTheErrorCodeTable() {
		S2Exception invalid = S2Exception.fromResponse(422, "{\"code\":\"invalid\",\"message\":\"bad\"}");
		assertThat(invalid.getClass()).isEqualTo(S2Exception.class);
		assertThat(invalid.retryable()).isFalse();
		S2Exception storage = S2Exception.fromResponse(500, "{\"code\":\"storage\",\"message\":\"disk\"}");
		assertThat(storage.retryable()).isTrue();
		assertThat(storage.noSideEffects()).isFalse();
		S2Exception draining = S2Exception.fromResponse(503, "{\"code\":\"server_draining\",\"message\":\"bye\"}");
		assertThat(draining.retryable()).isTrue();
		assertThat(draining.noSideEffects()).isTrue();
		assertThat(draining.reconnectAdvised()).isTrue();
		S2Exception unknown = S2Exception.fromResponse(502, "<html>bad gateway</html>");
		assertThat(unknown.retryable()).isTrue();
		assertThat(unknown.noSideEffects()).isFalse();
		assertThat(unknown.reconnectAdvised()).isFalse();
		assertThat(unknown.getMessage()).contains("bad gateway");
		assertThat(unknown.toString()).contains("status=502");
	}

	@Test
	void transportExceptionsHaveNoStatus() {
		TransportException connect = TransportException.connectFailed("http://h:1", new java.io.IOException("refused"));
		assertThat(connect.status()).isZero();
		assertThat(connect.code()).isEqualTo(TransportException.CONNECT_FAILED);
		assertThat(connect.retryable()).isTrue();
		assertThat(connect.noSideEffects()).isTrue();
		assertThat(connect.getMessage()).contains("http://h:1", "refused");
		TransportException lost = TransportException.connectionLost("append", null);
		assertThat(lost.noSideEffects()).isFalse();
		assertThat(TransportException.closed("S2 client").retryable()).isFalse();
		assertThat(
				new TransportException(TransportException.RECONNECT_ADVISED, "x", true, true, null).reconnectAdvised())
			.isTrue();
	}

}

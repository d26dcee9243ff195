package io.github.s2spring.protocol.error;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error code table of the S2 v1 API and the client retry rule.
 */
class ErrorCodeTests {

	@ParameterizedTest
	@CsvSource({ "authn,401,false,true", "bad_frame,400,false,true", "bad_header,400,false,true",
			"bad_json,400,false,true", "bad_path,400,false,true", "bad_proto,400,false,true",
			"bad_query,400,false,true", "decryption_failed,400,false,true", "permission_denied,403,false,true",
			"quota_exhausted,403,false,true", "access_token_not_found,404,false,true", "basin_not_found,404,false,true",
			"stream_not_found,404,false,true", "request_timeout,408,true,false",
			"basin_deletion_pending,409,false,true", "resource_already_exists,409,false,true",
			"stream_deletion_pending,409,false,true", "transaction_conflict,409,true,true", "invalid,422,false,true",
			"rate_limited,429,true,true", "client_hangup,499,false,false", "other,500,true,false",
			"storage,500,true,false", "not_implemented,501,false,true", "hot_server,502,true,true",
			"server_draining,503,true,true", "unavailable,503,true,false", "upstream_timeout,504,true,false" })
	void everyCodeHasItsStatusAndSemantics(String code, int status, boolean retryable, boolean noSideEffects) {
		ErrorCode errorCode = ErrorCode.of(code).orElseThrow();
		assertThat(errorCode.code()).isEqualTo(code);
		assertThat(errorCode.status()).isEqualTo(status);
		assertThat(errorCode.retryable()).isEqualTo(retryable);
		assertThat(errorCode.noSideEffects()).isEqualTo(noSideEffects);
	}

	@Test
	void theTableHasExactlyTheDocumentedCodes() {
		assertThat(ErrorCode.values()).hasSize(28);
	}

	@Test
	void unknownCodesAreNotFound() {
		assertThat(ErrorCode.of("nope")).isEmpty();
		assertThat(ErrorCode.of(null)).isEmpty();
	}

	@Test
	void knownCodesAreRetriedOnlyWhenRetryableAndTheStatusMatches() {
		assertThat(ErrorCode.isRetryable(503, "server_draining")).isTrue();
		assertThat(ErrorCode.isRetryable(409, "transaction_conflict")).isTrue();
		assertThat(ErrorCode.isRetryable(409, "resource_already_exists")).isFalse();
		assertThat(ErrorCode.isRetryable(404, "stream_not_found")).isFalse();
	}

	@Test
	void unknownCodesFallBackToTheStatus() {
		assertThat(ErrorCode.isRetryable(500, "weird")).isTrue();
		assertThat(ErrorCode.isRetryable(429, null)).isTrue();
		assertThat(ErrorCode.isRetryable(400, null)).isFalse();
		assertThat(ErrorCode.isRetryable(409, null)).isFalse();
		assertThat(ErrorCode.isRetryable(404, "rate_limited")).isFalse();
	}

	@Test
	void infoCarriesTheCode() {
		assertThat(ErrorCode.INVALID.info("bad")).isEqualTo(new ErrorBody.Info("invalid", "bad"));
		assertThat(new ErrorBody.Info("invalid", "bad").errorCode()).contains(ErrorCode.INVALID);
	}

}

package io.github.s2spring.client.error;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.RetryPolicy;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.patterns.EmptyMessageException;
import io.github.s2spring.client.patterns.PatternException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every check of S2's rules at a client entry point fails with the client's
 * {@link ValidationException}, never the protocol module's; overload and pattern failures
 * belong to the same hierarchy.
 */
class ValidationExceptionTests {

	@Test
	void badNamesTokensBatchesAndReadOptionsThrowTheClientType() {
		try (S2Client client = S2Client.create(S2ClientConfig.builder("")
			.endpoints("http://127.0.0.1:1", "http://127.0.0.1:1")
			.retryPolicy(RetryPolicy.NONE)
			.build())) {
			assertInvalid(() -> client.basin("Bad Basin"), "basin name");
			S2Stream stream = client.basin("good-basin-1").stream("ok");
			assertInvalid(() -> client.basin("good-basin-1").stream(".."), "stream name");
			assertInvalid(() -> stream.fence("x".repeat(37), null), "fencing token");
			assertInvalid(() -> AppendBatch.of(AppendRecord.of("a")).withFencingToken("x".repeat(37)), "fencing token");
			List<AppendRecord> tooMany = new ArrayList<>();
			for (int i = 0; i < 1001; i++) {
				tooMany.add(AppendRecord.of("r"));
			}
			assertInvalid(() -> AppendBatch.of(tooMany), "record batch");
			assertInvalid(() -> AppendBatch.of(AppendRecord.of(new byte[600_000]), AppendRecord.of(new byte[600_000])),
					"record batch");
			assertInvalid(() -> AppendRecord.of(new byte[1024 * 1024]), "record");
			assertInvalid(() -> ReadOptions.fromSeqNum(-1), "read start");
			assertInvalid(() -> ReadOptions.fromSeqNum(0).withCount(-1), "read count");
		}
	}

	@Test
	void aValidationFailureIsPermanentAndChangedNothing() {
		ValidationException ex = new ValidationException("stream name", "x".repeat(100), "must be short");
		assertThat(ex.status()).isZero();
		assertThat(ex.code()).isEqualTo("invalid").isEqualTo(ValidationException.CODE);
		assertThat(ex.retryable()).isFalse();
		assertThat(ex.noSideEffects()).isTrue();
		assertThat(ex.rule()).isEqualTo("stream name");
		assertThat(ex.value()).hasSize(100);
		assertThat(ex.reason()).isEqualTo("must be short");
		assertThat(ex).hasMessage("Invalid stream name \"" + "x".repeat(80) + "...\": must be short");
	}

	@Test
	void theProtocolFailureIsKeptAsTheCause() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> ValidationException.check(() -> {
			throw new io.github.s2spring.protocol.limits.ValidationException("read wait", -2, "must not be negative");
		})).satisfies((ex) -> {
			assertThat(ex.rule()).isEqualTo("read wait");
			assertThat(ex.value()).isEqualTo("-2");
			assertThat(ex.reason()).isEqualTo("must not be negative");
			assertThat(ex).hasMessage("Invalid read wait -2: must not be negative")
				.hasCauseInstanceOf(io.github.s2spring.protocol.limits.ValidationException.class);
		});
		assertThat(ValidationException.check(() -> "fine")).isEqualTo("fine");
	}

	@Test
	void overloadAndPatternFailuresAreS2Exceptions() {
		OverloadedException overloaded = new OverloadedException("The waiting queue holds 1000 batches");
		assertThat(overloaded.status()).isZero();
		assertThat(overloaded.code()).isEqualTo("overloaded").isEqualTo(OverloadedException.CODE);
		assertThat(overloaded.retryable()).isTrue();
		assertThat(overloaded.noSideEffects()).isTrue();
		assertThat(overloaded).hasMessage("The waiting queue holds 1000 batches");
		PatternException empty = new EmptyMessageException();
		assertThat(empty).isInstanceOf(S2Exception.class);
		assertThat(empty.code()).isEqualTo("empty_message");
		assertThat(empty.retryable()).isFalse();
		assertThat(empty.noSideEffects()).isTrue();
	}

	private static void assertInvalid(Runnable call, String rule) {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(call::run)
			.satisfies((ex) -> assertThat(ex.rule()).isEqualTo(rule));
	}

}

package io.github.s2spring.protocol.limits;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Name and token rules.
 */
class NamesTests {

	@ParameterizedTest
	@ValueSource(strings = { "my-basin", "abcdefgh", "0basin-9", "a2345678901234567890123456789012345678901234567" })
	void validBasinNamesPass(String name) {
		assertThat(Names.requireBasinName(name)).isEqualTo(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "short", "-my-basin", "my-basin-", "My-Basin", "my_basin", "my basin",
			"a23456789012345678901234567890123456789012345678x" })
	void invalidBasinNamesFailNamingTheValue(String name) {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Names.requireBasinName(name))
			.withMessageStartingWith("Invalid basin name \"" + name + "\": ")
			.satisfies((ex) -> {
				assertThat(ex.rule()).isEqualTo("basin name");
				assertThat(ex.value()).isEqualTo(name);
			});
	}

	@Test
	void basinPrefixesAllowEmptyButNotALeadingHyphen() {
		assertThat(Names.requireBasinPrefix("")).isEmpty();
		assertThat(Names.requireBasinPrefix("my-")).isEqualTo("my-");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Names.requireBasinPrefix("-my"));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Names.requireBasinPrefix("My"));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Names.requireBasinPrefix("a".repeat(49)));
	}

	@Test
	void streamNamesAreOneTo512BytesOfUtf8() {
		assertThat(Names.requireStreamName("chat/général x")).isEqualTo("chat/général x");
		assertThat(Names.requireStreamName("a".repeat(512))).hasSize(512);
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Names.requireStreamName(""))
			.withMessageContaining("1 to 512 bytes");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Names.requireStreamName("é".repeat(257)))
			.withMessageContaining("got 514")
			.withMessageContaining("...");
	}

	@ParameterizedTest
	@ValueSource(strings = { ".", ".." })
	void dotNamesAreNotStreamNames(String name) {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Names.requireStreamName(name))
			.withMessageContaining("must not be");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Names.requireAccessTokenId(name));
	}

	@Test
	void unpairedSurrogatesAreRejected() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Names.requireStreamName("a\uD800b"))
			.withMessageContaining("surrogate");
	}

	@Test
	void streamPrefixMayBeEmpty() {
		assertThat(Names.requireStreamPrefix("")).isEmpty();
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> Names.requireStreamPrefix("x".repeat(513)));
	}

	@Test
	void accessTokenIdsAreOneTo96Bytes() {
		assertThat(Names.requireAccessTokenId("ci-token")).isEqualTo("ci-token");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> Names.requireAccessTokenId("x".repeat(97)));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Names.requireAccessTokenId(""));
	}

	@Test
	void locationsUseALimitedAlphabet() {
		assertThat(Names.requireLocation("aws:us-east-1")).isEqualTo("aws:us-east-1");
		assertThat(Names.requireLocation("A.b-0")).isEqualTo("A.b-0");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Names.requireLocation(""));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Names.requireLocation("x".repeat(65)));
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Names.requireLocation("aws/us"))
			.withMessageContaining("'/'");
	}

	@Test
	void fencingTokensAreAtMost36Bytes() {
		assertThat(Names.requireFencingToken("")).isEmpty();
		assertThat(Names.requireFencingToken("x".repeat(36))).hasSize(36);
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Names.requireFencingToken("x".repeat(37)))
			.withMessageContaining("fencing token")
			.withMessageContaining("at most 36 bytes");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> Names.requireFencingToken("é".repeat(19)));
	}

	@Test
	void requestTokensAreOneTo36Bytes() {
		assertThat(Names.requireRequestToken("F2xJmFSrgfGwzEtWIyHYWA==")).hasSize(24);
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Names.requireRequestToken(""));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> Names.requireRequestToken("x".repeat(37)));
	}

	@Test
	void utf8LengthCountsBytes() {
		assertThat(Names.utf8Length("a")).isEqualTo(1);
		assertThat(Names.utf8Length("é")).isEqualTo(2);
		assertThat(Names.utf8Length("€")).isEqualTo(3);
		assertThat(Names.utf8Length("😀")).isEqualTo(4);
		assertThat(Names.utf8Length("\uD800")).isEqualTo(3);
	}

	@Test
	void unsignedValuesMustNotBeNegative() {
		assertThat(Limits.requireUnsigned("count", 0)).isZero();
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> Limits.requireUnsigned("count", -1))
			.withMessage("Invalid count -1: must not be negative");
	}

}

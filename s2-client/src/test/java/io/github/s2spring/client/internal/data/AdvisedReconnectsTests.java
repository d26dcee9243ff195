package io.github.s2spring.client.internal.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AdvisedReconnects}: at most once a minute.
 */
class AdvisedReconnectsTests {

	private static final long SECOND = 1_000_000_000L;

	@Test
	void actsOnceThenDeclinesForAMinute() {
		AdvisedReconnects advice = new AdvisedReconnects();
		long start = 1_000 * SECOND;

		assertThat(advice.tryReconnect(start)).isTrue();
		assertThat(advice.tryReconnect(start + SECOND)).isFalse();
		assertThat(advice.tryReconnect(start + 60 * SECOND)).isFalse();
		assertThat(advice.tryReconnect(start + 60 * SECOND + 1)).isTrue();
		assertThat(advice.tryReconnect(start + 61 * SECOND)).isFalse();
		assertThat(advice.tryReconnect(start + 200 * SECOND)).isTrue();
	}

	@Test
	void worksWithNegativeNanoTimes() {
		AdvisedReconnects advice = new AdvisedReconnects();

		assertThat(advice.tryReconnect(Long.MIN_VALUE + 5)).isTrue();
		assertThat(advice.tryReconnect(Long.MIN_VALUE + 6)).isFalse();
		assertThat(advice.tryReconnect(Long.MIN_VALUE + 6 + AdvisedReconnects.WINDOW_NANOS + 1)).isTrue();
	}

}

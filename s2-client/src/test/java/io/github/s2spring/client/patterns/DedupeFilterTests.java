package io.github.s2spring.client.patterns;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.error.ValidationException;

import static io.github.s2spring.client.patterns.TestRecords.text;
import static io.github.s2spring.client.patterns.TestRecords.u64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DedupeFilterTests {

	@Test
	void repeatedSequencesOfOneWriterAreDropped() {
		DedupeFilter filter = new DedupeFilter(10);
		assertThat(accept(filter, "w", 0, 1, 2, 1, 2, 3, 3, 0, 4)).containsExactly(true, true, true, false, false, true,
				false, false, true);
	}

	@Test
	void recordsWithoutSequenceAreAlwaysKept() {
		DedupeFilter filter = new DedupeFilter(10);
		assertThat(filter.accept(List.of())).isTrue();
		assertThat(filter.accept(List.of(text("_writer_id", "w")))).isTrue();
		assertThat(filter.accept(List.of(text("_writer_id", "w")))).isTrue();
		assertThat(filter.trackedWriters()).isZero();
	}

	@Test
	void sequenceWithoutWriterIdUsesTheLegacyKey() {
		DedupeFilter filter = new DedupeFilter(10);
		assertThat(filter.accept(List.of(u64("_dedupe_seq", 5)))).isTrue();
		assertThat(filter.accept(List.of(u64("_dedupe_seq", 5)))).isFalse();
		assertThat(filter.accept(List.of(u64("_dedupe_seq", 5), text("_writer_id", "__legacy__")))).isFalse();
		assertThat(filter.accept(List.of(u64("_dedupe_seq", 6)))).isTrue();
		assertThat(DedupeFilter.LEGACY_WRITER_ID).isEqualTo("__legacy__");
	}

	@Test
	void newWriterStartsItsOwnWindowLikeTypeScript() {
		DedupeFilter filter = new DedupeFilter(10);
		assertThat(accept(filter, "old", 10, 11)).containsExactly(true, true);
		// a restarted writer (new id) starting again from 0 is accepted, as in TS
		assertThat(accept(filter, "new", 0, 1, 1)).containsExactly(true, true, false);
	}

	@Test
	void interleavedWritersAreFilteredEachOnItsOwn() {
		DedupeFilter filter = new DedupeFilter(10);
		assertThat(accept(filter, "a", 0, 1)).containsExactly(true, true);
		assertThat(accept(filter, "b", 0)).containsExactly(true);
		// a's resent batch lands after b's record: TS would reset and keep it, we drop it
		assertThat(accept(filter, "a", 0, 1, 2)).containsExactly(false, false, true);
		assertThat(accept(filter, "b", 0, 1)).containsExactly(false, true);
		assertThat(filter.trackedWriters()).isEqualTo(2);
	}

	@Test
	void leastRecentlySeenWriterIsForgottenBeyondTheBound() {
		DedupeFilter filter = new DedupeFilter(2);
		accept(filter, "a", 5);
		accept(filter, "b", 5);
		accept(filter, "a", 6);
		accept(filter, "c", 5);
		assertThat(filter.trackedWriters()).isEqualTo(2);
		// b was forgotten, so its old sequence is accepted again; a is still remembered
		assertThat(accept(filter, "b", 5)).containsExactly(true);
		assertThat(accept(filter, "c", 5)).containsExactly(false);
	}

	@Test
	void sequencesAreComparedUnsigned() {
		DedupeFilter filter = new DedupeFilter(1);
		assertThat(accept(filter, "w", Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE)).containsExactly(true, true,
				false);
	}

	@Test
	void boundMustBePositive() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> new DedupeFilter(0))
			.withMessageContaining("max writers");
	}

	private static List<Boolean> accept(DedupeFilter filter, String writer, long... seqs) {
		return java.util.Arrays.stream(seqs).mapToObj((seq) -> {
			List<Header> headers = List.of(u64("_dedupe_seq", seq), text("_writer_id", writer));
			return filter.accept(headers);
		}).toList();
	}

}

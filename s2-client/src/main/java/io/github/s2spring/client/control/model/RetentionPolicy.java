package io.github.s2spring.client.control.model;

import java.time.Duration;
import java.util.Objects;

import io.github.s2spring.client.error.ValidationException;

/**
 * How long a stream keeps its records: for a fixed age, or forever.
 */
public sealed interface RetentionPolicy permits RetentionPolicy.Age, RetentionPolicy.Infinite {

	/**
	 * Keeps records for a fixed age.
	 * @param age the age, at least one second
	 * @return the policy
	 */
	static RetentionPolicy age(Duration age) {
		return new Age(age);
	}

	/**
	 * Keeps records until they are trimmed or the stream is deleted.
	 * @return the policy
	 */
	static RetentionPolicy infinite() {
		return Infinite.INSTANCE;
	}

	/**
	 * Keeps records for a fixed age, sent as whole seconds ({@code {"age":N}}).
	 *
	 * @param age the age, at least one second
	 */
	record Age(Duration age) implements RetentionPolicy {

		/**
		 * Creates the policy.
		 * @param age the age, at least one second
		 */
		public Age {
			Objects.requireNonNull(age, "age");
			if (age.getSeconds() < 1) {
				throw new ValidationException("retention age", age, "must be greater than 0 seconds");
			}
		}

	}

	/**
	 * Keeps records forever ({@code {"infinite":{}}}).
	 */
	final class Infinite implements RetentionPolicy {

		private static final Infinite INSTANCE = new Infinite();

		private Infinite() {
		}

		@Override
		public String toString() {
			return "RetentionPolicy.infinite()";
		}

	}

}

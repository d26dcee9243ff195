package io.github.s2spring.client.control.model;

import java.util.Objects;
import java.util.function.Function;

/**
 * One field of a reconfiguration: leave it unchanged (the field is absent from the JSON),
 * reset it to its default (the field is {@code null}), or set it to a value.
 *
 * @param <T> the type of the field's value
 */
public sealed interface Patch<T> permits Patch.Unchanged, Patch.Reset, Patch.Set {

	/**
	 * Leaves the field as it is.
	 * @param <T> the type of the field's value
	 * @return the patch
	 */
	@SuppressWarnings("unchecked")
	static <T> Patch<T> unchanged() {
		return (Patch<T>) Unchanged.INSTANCE;
	}

	/**
	 * Resets the field to its default.
	 * @param <T> the type of the field's value
	 * @return the patch
	 */
	@SuppressWarnings("unchecked")
	static <T> Patch<T> reset() {
		return (Patch<T>) Reset.INSTANCE;
	}

	/**
	 * Sets the field to a value.
	 * @param <T> the type of the field's value
	 * @param value the new value
	 * @return the patch
	 */
	static <T> Patch<T> set(T value) {
		return new Set<>(value);
	}

	/**
	 * Whether this patch leaves the field unchanged.
	 * @return whether the field is absent
	 */
	default boolean isUnchanged() {
		return this instanceof Unchanged;
	}

	/**
	 * Transforms the value of a {@link Set} patch; other patches are kept.
	 * @param <R> the type of the new value
	 * @param mapper the transformation
	 * @return the transformed patch
	 */
	default <R> Patch<R> map(Function<? super T, ? extends R> mapper) {
		if (this instanceof Set<T> set) {
			return new Set<>(mapper.apply(set.value()));
		}
		return (this instanceof Reset) ? reset() : unchanged();
	}

	/**
	 * Leaves the field unchanged: it is absent from the JSON.
	 *
	 * @param <T> the type of the field's value
	 */
	final class Unchanged<T> implements Patch<T> {

		private static final Unchanged<Object> INSTANCE = new Unchanged<>();

		private Unchanged() {
		}

		@Override
		public String toString() {
			return "Patch.unchanged()";
		}

	}

	/**
	 * Resets the field to its default: it is {@code null} in the JSON.
	 *
	 * @param <T> the type of the field's value
	 */
	final class Reset<T> implements Patch<T> {

		private static final Reset<Object> INSTANCE = new Reset<>();

		private Reset() {
		}

		@Override
		public String toString() {
			return "Patch.reset()";
		}

	}

	/**
	 * Sets the field to a value.
	 *
	 * @param <T> the type of the field's value
	 * @param value the new value
	 */
	record Set<T>(T value) implements Patch<T> {

		/**
		 * Creates a patch that sets a value.
		 * @param value the new value, not {@code null}
		 */
		public Set {
			Objects.requireNonNull(value, "value");
		}

	}

}

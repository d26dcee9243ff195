package io.github.s2spring.embedded.config;

import org.jspecify.annotations.Nullable;

/**
 * A stream configuration in which every field may be unset. A stream keeps the fields its
 * creator set (over the basin's defaults); reads resolve the rest from
 * {@link #SYSTEM_DEFAULT}.
 *
 * @param storageClass {@code standard} or {@code express}
 * @param retentionAgeSecs the retention age in seconds, or {@link #INFINITE_RETENTION}
 * @param timestampingMode {@code client-prefer}, {@code client-require} or
 * {@code arrival}
 * @param uncapped whether client timestamps may exceed the arrival time
 * @param deleteOnEmptyMinAgeSecs minimum age of an empty stream before it is deleted, 0 =
 * never
 */
public record StreamSpec(@Nullable String storageClass, @Nullable Long retentionAgeSecs,
		@Nullable String timestampingMode, @Nullable Boolean uncapped, @Nullable Long deleteOnEmptyMinAgeSecs) {

	/** Retention age meaning "keep forever". */
	public static final long INFINITE_RETENTION = -1;

	/** A specification with nothing set. */
	public static final StreamSpec EMPTY = new StreamSpec(null, null, null, null, null);

	/**
	 * The defaults of S2 (the cloud and s2-lite): express, 7 days, client-prefer, capped,
	 * never deleted.
	 */
	public static final StreamSpec SYSTEM_DEFAULT = new StreamSpec("express", 604800L, "client-prefer", false, 0L);

	/**
	 * This specification with unset fields taken from another.
	 * @param fallback the specification to take unset fields from
	 * @return the merged specification
	 */
	public StreamSpec orElse(StreamSpec fallback) {
		return new StreamSpec(pick(this.storageClass, fallback.storageClass),
				pick(this.retentionAgeSecs, fallback.retentionAgeSecs),
				pick(this.timestampingMode, fallback.timestampingMode), pick(this.uncapped, fallback.uncapped),
				pick(this.deleteOnEmptyMinAgeSecs, fallback.deleteOnEmptyMinAgeSecs));
	}

	/**
	 * Every field set: this specification over the system defaults.
	 * @return the resolved configuration
	 */
	public StreamSpec resolved() {
		return orElse(SYSTEM_DEFAULT);
	}

	/**
	 * The retention age in milliseconds, or {@link Long#MAX_VALUE} for infinite.
	 * @return the retention
	 */
	public long retentionMillis() {
		long age = resolved().retentionAgeSecs;
		return (age == INFINITE_RETENTION) ? Long.MAX_VALUE : age * 1000;
	}

	private static <T> @Nullable T pick(@Nullable T value, @Nullable T fallback) {
		return (value != null) ? value : fallback;
	}

}

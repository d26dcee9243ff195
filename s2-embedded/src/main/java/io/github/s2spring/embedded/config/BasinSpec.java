package io.github.s2spring.embedded.config;

import org.jspecify.annotations.Nullable;

/**
 * A basin's configuration. Its default stream configuration is always complete: a field
 * its creator left out holds the system default, as the S2 cloud reports it (a basin
 * created without a storage class reads back {@code express}, not {@code null}).
 *
 * @param defaultStreamConfig defaults for streams created in the basin
 * @param streamCipher the cipher of new streams ({@code aegis-256} or
 * {@code aes-256-gcm}), or {@code null}
 * @param createStreamOnAppend whether an append to a missing stream creates it
 * @param createStreamOnRead whether a read of a missing stream creates it
 */
public record BasinSpec(StreamSpec defaultStreamConfig, @Nullable String streamCipher, boolean createStreamOnAppend,
		boolean createStreamOnRead) {

	/** The configuration of a basin created without one. */
	public static final BasinSpec DEFAULT = new BasinSpec(StreamSpec.EMPTY, null, false, false);

	public BasinSpec {
		defaultStreamConfig = defaultStreamConfig.resolved();
	}

}

package io.github.s2spring.embedded.config;

import org.jspecify.annotations.Nullable;

/**
 * A basin's configuration.
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

}

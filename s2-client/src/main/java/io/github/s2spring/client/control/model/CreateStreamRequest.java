package io.github.s2spring.client.control.model;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.limits.Names;

/**
 * A stream to create or ensure.
 *
 * @param stream the stream name
 * @param config the configuration, or {@code null} for the basin's default
 */
public record CreateStreamRequest(String stream, @Nullable StreamConfig config) {

	/**
	 * Creates a request, checking the name.
	 * @param stream the stream name
	 * @param config the configuration
	 */
	public CreateStreamRequest {
		ValidationException.check(() -> Names.requireStreamName(stream));
	}

	/**
	 * A stream with the basin's default configuration.
	 * @param stream the stream name
	 * @return the request
	 */
	public static CreateStreamRequest of(String stream) {
		return new CreateStreamRequest(stream, null);
	}

	/**
	 * This request with a configuration.
	 * @param config the configuration
	 * @return the new request
	 */
	public CreateStreamRequest withConfig(@Nullable StreamConfig config) {
		return new CreateStreamRequest(this.stream, config);
	}

}

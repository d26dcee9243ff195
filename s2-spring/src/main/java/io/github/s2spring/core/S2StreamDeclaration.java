package io.github.s2spring.core;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.control.model.CreateStreamRequest;
import io.github.s2spring.client.control.model.StreamConfig;

/**
 * A stream that must exist when the application starts. Declare one as a bean and
 * {@link S2Admin} creates the stream, or brings its configuration in line, at startup:
 *
 * <pre class="code">
 * &#64;Bean
 * S2StreamDeclaration chatGeneral() {
 *     return S2StreamDeclaration.of("chat/general")
 *         .withConfig(StreamConfig.builder().retentionPolicy(RetentionPolicy.age(Duration.ofDays(7))).build());
 * }
 * </pre>
 *
 * @param basin the basin, or {@code null} for the application's default basin
 * ({@code s2.basin})
 * @param stream the stream name
 * @param config the configuration, or {@code null} for the basin's default
 */
public record S2StreamDeclaration(@Nullable String basin, String stream, @Nullable StreamConfig config) {

	public S2StreamDeclaration {
		new CreateStreamRequest(stream, config);
	}

	/**
	 * A stream of the default basin, with the basin's default configuration.
	 * @param stream the stream name
	 * @return the declaration
	 */
	public static S2StreamDeclaration of(String stream) {
		return new S2StreamDeclaration(null, stream, null);
	}

	/**
	 * This declaration in another basin.
	 * @param basin the basin name
	 * @return a new declaration
	 */
	public S2StreamDeclaration inBasin(String basin) {
		return new S2StreamDeclaration(basin, this.stream, this.config);
	}

	/**
	 * The request that creates or reconfigures the stream.
	 * @return the request
	 */
	public CreateStreamRequest toRequest() {
		return new CreateStreamRequest(this.stream, this.config);
	}

	/**
	 * This declaration with a configuration.
	 * @param config the configuration
	 * @return a new declaration
	 */
	public S2StreamDeclaration withConfig(StreamConfig config) {
		return new S2StreamDeclaration(this.basin, this.stream, config);
	}

}

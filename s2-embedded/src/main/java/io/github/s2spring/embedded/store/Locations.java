package io.github.s2spring.embedded.store;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.protocol.error.ErrorCode;

/**
 * Where basins can be placed. This server serves one location, {@value #LOCAL}; it is the
 * account's default and every basin is in it. Setting the default to it succeeds, as in
 * the S2 cloud; naming any other location is refused with {@code 422 invalid}.
 */
public final class Locations {

	/** The one location this server serves. */
	public static final String LOCAL = "local";

	private final List<String> names = List.of(LOCAL);

	private volatile String defaultLocation = LOCAL;

	/**
	 * The locations a basin can be created in.
	 * @return the names
	 */
	public List<String> names() {
		return this.names;
	}

	/**
	 * The location of basins created without one.
	 * @return the name
	 */
	public String defaultLocation() {
		return this.defaultLocation;
	}

	/**
	 * Makes a location the default.
	 * @param name a served location
	 * @return the name
	 * @throws ApiException {@code 422 invalid} if the location is not served
	 */
	public String setDefault(String name) {
		this.defaultLocation = require(name);
		return this.defaultLocation;
	}

	/**
	 * The location a new basin is placed in.
	 * @param requested the location asked for, or {@code null} for the default
	 * @return the name
	 * @throws ApiException {@code 422 invalid} if the location is not served
	 */
	public String placement(@Nullable String requested) {
		return (requested != null) ? require(requested) : this.defaultLocation;
	}

	private String require(String name) {
		if (!this.names.contains(name)) {
			throw ApiException.of(ErrorCode.INVALID,
					"Location `" + name + "` is not available; available locations: " + String.join(", ", this.names));
		}
		return name;
	}

}

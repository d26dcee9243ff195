package io.github.s2spring.client.control;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.s2spring.client.control.model.LocationInfo;
import io.github.s2spring.client.error.S2Exception;

/**
 * The locations where an account's basins can live, and the account's default location.
 * Every operation exists blocking and as {@code ...Async}; failures are
 * {@link S2Exception}s.
 */
public interface LocationsClient {

	/**
	 * The locations available to the account.
	 * @return the locations
	 */
	List<LocationInfo> list();

	/**
	 * The locations available to the account, asynchronously.
	 * @return the locations
	 */
	CompletableFuture<List<LocationInfo>> listAsync();

	/**
	 * The location new basins get when they name none.
	 * @return the default location
	 */
	LocationInfo getDefault();

	/**
	 * The default location, asynchronously.
	 * @return the default location
	 */
	CompletableFuture<LocationInfo> getDefaultAsync();

	/**
	 * Sets the location new basins get when they name none.
	 * @param location the location name, such as {@code aws:us-west-2}
	 * @return the new default location
	 */
	LocationInfo setDefault(String location);

	/**
	 * Sets the default location, asynchronously.
	 * @param location the location name
	 * @return the new default location
	 */
	CompletableFuture<LocationInfo> setDefaultAsync(String location);

}

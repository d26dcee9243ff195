package io.github.s2spring.client.control;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpMethod;
import tools.jackson.databind.node.JsonNodeFactory;

import io.github.s2spring.client.S2Exception;
import io.github.s2spring.client.control.model.LocationInfo;
import io.github.s2spring.protocol.limits.Names;

/**
 * The locations where an account's basins can live, and the account's default location.
 * Every operation exists blocking and as {@code ...Async}; failures are
 * {@link S2Exception}s.
 */
public final class LocationsClient {

	private final ControlTransport transport;

	LocationsClient(ControlTransport transport) {
		this.transport = transport;
	}

	/**
	 * The locations available to the account.
	 * @return the locations
	 */
	public List<LocationInfo> list() {
		return listCall().run(this.transport);
	}

	/**
	 * The locations available to the account, asynchronously.
	 * @return the locations
	 */
	public CompletableFuture<List<LocationInfo>> listAsync() {
		return listCall().runAsync(this.transport);
	}

	/**
	 * The location new basins get when they name none.
	 * @return the default location
	 */
	public LocationInfo getDefault() {
		return getDefaultCall().run(this.transport);
	}

	/**
	 * The default location, asynchronously.
	 * @return the default location
	 */
	public CompletableFuture<LocationInfo> getDefaultAsync() {
		return getDefaultCall().runAsync(this.transport);
	}

	/**
	 * Sets the location new basins get when they name none.
	 * @param location the location name, such as {@code aws:us-west-2}
	 * @return the new default location
	 */
	public LocationInfo setDefault(String location) {
		return setDefaultCall(location).run(this.transport);
	}

	/**
	 * Sets the default location, asynchronously.
	 * @param location the location name
	 * @return the new default location
	 */
	public CompletableFuture<LocationInfo> setDefaultAsync(String location) {
		return setDefaultCall(location).runAsync(this.transport);
	}

	private Call<List<LocationInfo>> listCall() {
		ControlRequest http = new ControlRequest("list locations", HttpMethod.GET, locations().build(), Map.of(), null);
		return new Call<>(http, (response) -> ResourceJson.readLocations(response.json()));
	}

	private Call<LocationInfo> getDefaultCall() {
		ControlRequest http = new ControlRequest("get default location", HttpMethod.GET,
				locations().path("default").build(), Map.of(), null);
		return new Call<>(http, (response) -> ResourceJson.readLocation(response.json()));
	}

	private Call<LocationInfo> setDefaultCall(String location) {
		ControlRequest http = new ControlRequest("set default location \"" + location + "\"", HttpMethod.PUT,
				locations().path("default").build(), Map.of(),
				JsonNodeFactory.instance.stringNode(Names.requireLocation(location)));
		return new Call<>(http, (response) -> ResourceJson.readLocation(response.json()));
	}

	private Uris locations() {
		return Uris.on(this.transport.config().endpoints().account()).path("locations");
	}

}

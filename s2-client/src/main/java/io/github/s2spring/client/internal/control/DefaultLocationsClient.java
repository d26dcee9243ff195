package io.github.s2spring.client.internal.control;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpMethod;
import tools.jackson.databind.node.JsonNodeFactory;

import io.github.s2spring.client.control.LocationsClient;
import io.github.s2spring.client.control.model.LocationInfo;
import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.limits.Names;

/**
 * The {@link LocationsClient} of a client, over its {@link ControlTransport}.
 */
final class DefaultLocationsClient implements LocationsClient {

	private final ControlTransport transport;

	DefaultLocationsClient(ControlTransport transport) {
		this.transport = transport;
	}

	@Override
	public List<LocationInfo> list() {
		return listCall().run(this.transport);
	}

	@Override
	public CompletableFuture<List<LocationInfo>> listAsync() {
		return listCall().runAsync(this.transport);
	}

	@Override
	public LocationInfo getDefault() {
		return getDefaultCall().run(this.transport);
	}

	@Override
	public CompletableFuture<LocationInfo> getDefaultAsync() {
		return getDefaultCall().runAsync(this.transport);
	}

	@Override
	public LocationInfo setDefault(String location) {
		return setDefaultCall(location).run(this.transport);
	}

	@Override
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
				JsonNodeFactory.instance.stringNode(ValidationException.check(() -> Names.requireLocation(location))));
		return new Call<>(http, (response) -> ResourceJson.readLocation(response.json()));
	}

	private Uris locations() {
		return Uris.on(this.transport.config().endpoints().account()).path("locations");
	}

}

package io.github.s2spring.embedded.api;

import io.netty.handler.codec.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.s2spring.embedded.config.ConfigJson;
import io.github.s2spring.embedded.config.Json;
import io.github.s2spring.embedded.http.Call;
import io.github.s2spring.embedded.http.Operation;
import io.github.s2spring.embedded.http.Router;
import io.github.s2spring.embedded.store.Locations;

/**
 * The location routes of the account endpoint: list the locations, and read and set the
 * account's default location.
 */
public final class LocationEndpoints {

	private final Locations locations;

	/**
	 * Creates the endpoints.
	 * @param locations the served locations and the default
	 */
	public LocationEndpoints(Locations locations) {
		this.locations = locations;
	}

	/**
	 * Adds the routes.
	 * @param router the router
	 */
	public void register(Router router) {
		router.add(HttpMethod.GET, "/v1/locations", Operation.LIST_LOCATIONS, this::list)
			.add(HttpMethod.GET, "/v1/locations/default", Operation.GET_DEFAULT_LOCATION,
					(call) -> call.respondJson(200, info(this.locations.defaultLocation())))
			.add(HttpMethod.PUT, "/v1/locations/default", Operation.SET_DEFAULT_LOCATION, this::setDefault);
	}

	private void list(Call call) {
		ArrayNode json = Json.array();
		this.locations.names().forEach((name) -> json.add(info(name)));
		call.respondJson(200, json);
	}

	private void setDefault(Call call) {
		JsonNode body = Json.parse(call.body());
		String name = Resources.location(body);
		if (name == null) {
			throw ConfigJson.badJson("expected a location name, got null");
		}
		call.respondJson(200, info(this.locations.setDefault(name)));
	}

	private static ObjectNode info(String name) {
		ObjectNode json = Json.object();
		json.put("name", name);
		json.put("is_private", false);
		return json;
	}

}

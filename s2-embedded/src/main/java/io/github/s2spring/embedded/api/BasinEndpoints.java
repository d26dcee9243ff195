package io.github.s2spring.embedded.api;

import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.s2spring.embedded.config.BasinSpec;
import io.github.s2spring.embedded.config.ConfigJson;
import io.github.s2spring.embedded.config.Json;
import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.http.Call;
import io.github.s2spring.embedded.http.Operation;
import io.github.s2spring.embedded.http.Router;
import io.github.s2spring.embedded.store.Basin;
import io.github.s2spring.embedded.store.ListPage;
import io.github.s2spring.embedded.store.Locations;
import io.github.s2spring.embedded.store.Provisioned;
import io.github.s2spring.embedded.store.Store;
import io.github.s2spring.protocol.error.ErrorCode;
import io.github.s2spring.protocol.limits.Names;
import io.github.s2spring.protocol.limits.ValidationException;

/**
 * The basin routes of the account endpoint: list, create, ensure, get config, reconfigure
 * and delete. A basin is placed in the location its creator names (one the server serves)
 * or in the account's default location.
 */
public final class BasinEndpoints {

	private static final String[] BASIN_CONFIG_FIELDS = { "default_stream_config", "stream_cipher",
			"create_stream_on_append", "create_stream_on_read" };

	private final Store store;

	private final Locations locations;

	/**
	 * Creates the endpoints.
	 * @param store the store
	 * @param locations the locations basins can be placed in
	 */
	public BasinEndpoints(Store store, Locations locations) {
		this.store = store;
		this.locations = locations;
	}

	/**
	 * Adds the routes.
	 * @param router the router
	 */
	public void register(Router router) {
		router.add(HttpMethod.GET, "/v1/basins", Operation.LIST_BASINS, this::list)
			.add(HttpMethod.POST, "/v1/basins", Operation.CREATE_BASIN, (call) -> call.blocking(() -> create(call)))
			.add(HttpMethod.GET, "/v1/basins/{basin}", Operation.GET_BASIN_CONFIG, this::getConfig)
			.add(HttpMethod.PUT, "/v1/basins/{basin}", Operation.CREATE_BASIN,
					(call) -> call.blocking(() -> ensure(call)))
			.add(HttpMethod.PATCH, "/v1/basins/{basin}", Operation.RECONFIGURE_BASIN,
					(call) -> call.blocking(() -> reconfigure(call)))
			.add(HttpMethod.DELETE, "/v1/basins/{basin}", Operation.DELETE_BASIN,
					(call) -> call.blocking(() -> delete(call)));
	}

	private void list(Call call) {
		String prefix = call.query().string("prefix", "");
		try {
			Names.requireBasinPrefix(prefix);
		}
		catch (ValidationException ex) {
			throw ApiException.of(ErrorCode.BAD_QUERY, ex.getMessage());
		}
		ListPage<Basin> page = Resources.page(
				this.store.listBasins(prefix, call.query().string("start_after", ""), Integer.MAX_VALUE).items(),
				(basin) -> call.grant().allowsBasin(basin.name()), Resources.limit(call));
		ObjectNode json = Json.object();
		ArrayNode basins = json.putArray("basins");
		page.items().forEach((basin) -> basins.add(Resources.basinInfo(basin)));
		json.put("has_more", page.hasMore());
		call.respondJson(200, json);
	}

	private void create(Call call) {
		JsonNode body = Resources.objectBody(call);
		String name = Resources.basinName(Resources.requiredString(body, "basin"), ErrorCode.BAD_JSON);
		Resources.requireInScope(call.grant().allowsBasin(name), "Basin `" + name + "`");
		BasinSpec spec = ConfigJson.readBasin(body.get("config"));
		this.locations.placement(Resources.location(body.get("location")));
		String token = Resources.requestToken(call);
		Provisioned<Basin> result = this.store.createBasin(name, spec, token);
		call.respondJson(201, Resources.basinInfo(result.resource()), "s2-provision-result",
				result.result().headerValue());
	}

	private void ensure(Call call) {
		String name = Resources.basinName(call.param("basin"), ErrorCode.BAD_PATH);
		JsonNode body = Resources.optionalObjectBody(call);
		BasinSpec spec = ConfigJson.readBasin(configOf(body));
		this.locations.placement(Resources.location((body != null) ? body.get("location") : null));
		Provisioned<Basin> result = this.store.ensureBasin(name, spec);
		int status = (result.result() == Provisioned.Result.CREATED) ? 201 : 200;
		call.respondJson(status, Resources.basinInfo(result.resource()), "s2-provision-result",
				result.result().headerValue());
	}

	private static @Nullable JsonNode configOf(@Nullable JsonNode body) {
		if (body == null) {
			return null;
		}
		for (String field : BASIN_CONFIG_FIELDS) {
			if (body.has(field)) {
				return body;
			}
		}
		return body.get("config");
	}

	private void getConfig(Call call) {
		String name = Resources.basinName(call.param("basin"), ErrorCode.BAD_PATH);
		call.respondJson(200, ConfigJson.writeBasin(this.store.basin(name).spec()));
	}

	private void reconfigure(Call call) {
		String name = Resources.basinName(call.param("basin"), ErrorCode.BAD_PATH);
		JsonNode patch = Resources.objectBody(call);
		Basin basin = this.store.reconfigureBasin(name, (current) -> ConfigJson.reconfigureBasin(current, patch));
		call.respondJson(200, ConfigJson.writeBasin(basin.spec()));
	}

	private void delete(Call call) {
		String name = Resources.basinName(call.param("basin"), ErrorCode.BAD_PATH);
		this.store.deleteBasin(name);
		call.respond(202, null, new byte[0]);
	}

}

package io.github.s2spring.embedded.api;

import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.s2spring.embedded.config.ConfigJson;
import io.github.s2spring.embedded.config.Json;
import io.github.s2spring.embedded.config.StreamSpec;
import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.http.Call;
import io.github.s2spring.embedded.http.Operation;
import io.github.s2spring.embedded.http.Router;
import io.github.s2spring.embedded.store.Basin;
import io.github.s2spring.embedded.store.ListPage;
import io.github.s2spring.embedded.store.Provisioned;
import io.github.s2spring.embedded.store.Store;
import io.github.s2spring.embedded.store.Stream;
import io.github.s2spring.protocol.error.ErrorCode;
import io.github.s2spring.protocol.limits.Names;
import io.github.s2spring.protocol.limits.ValidationException;

/**
 * The stream routes of the basin endpoint: list, create, ensure, get config, reconfigure
 * and delete.
 */
public final class StreamEndpoints {

	private static final String[] STREAM_CONFIG_FIELDS = { "storage_class", "retention_policy", "timestamping",
			"delete_on_empty" };

	private final Store store;

	/**
	 * Creates the endpoints.
	 * @param store the store
	 */
	public StreamEndpoints(Store store) {
		this.store = store;
	}

	/**
	 * Adds the routes.
	 * @param router the router
	 */
	public void register(Router router) {
		router.add(HttpMethod.GET, "/v1/streams", Operation.LIST_STREAMS, this::list)
			.add(HttpMethod.POST, "/v1/streams", Operation.CREATE_STREAM, (call) -> call.blocking(() -> create(call)))
			.add(HttpMethod.GET, "/v1/streams/{stream}", Operation.GET_STREAM_CONFIG, this::getConfig)
			.add(HttpMethod.PUT, "/v1/streams/{stream}", Operation.CREATE_STREAM,
					(call) -> call.blocking(() -> ensure(call)))
			.add(HttpMethod.PATCH, "/v1/streams/{stream}", Operation.RECONFIGURE_STREAM,
					(call) -> call.blocking(() -> reconfigure(call)))
			.add(HttpMethod.DELETE, "/v1/streams/{stream}", Operation.DELETE_STREAM,
					(call) -> call.blocking(() -> delete(call)));
	}

	/**
	 * The basin a basin-scoped request names.
	 * @param store the store
	 * @param call the request
	 * @return the basin
	 */
	public static Basin basin(Store store, Call call) {
		return store.basin(Resources.basinName(call.basin(), ErrorCode.BAD_HEADER));
	}

	private void list(Call call) {
		Basin basin = basin(this.store, call);
		String prefix = call.query().string("prefix", "");
		try {
			Names.requireStreamPrefix(prefix);
		}
		catch (ValidationException ex) {
			throw ApiException.of(ErrorCode.BAD_QUERY, ex.getMessage());
		}
		String scoped = call.grant().streamPrefix();
		String startAfter = call.query().string("start_after", "");
		ListPage<Stream> page = Resources
			.page(basin.listStreams(scoped + prefix, startAfter.isEmpty() ? "" : scoped + startAfter, Integer.MAX_VALUE)
				.items(), (stream) -> call.grant().allowsStream(stream.name()), Resources.limit(call));
		ObjectNode json = Json.object();
		ArrayNode streams = json.putArray("streams");
		page.items().forEach((stream) -> streams.add(Resources.streamInfo(stream, scoped)));
		json.put("has_more", page.hasMore());
		call.respondJson(200, json);
	}

	private void create(Call call) {
		Basin basin = basin(this.store, call);
		JsonNode body = Resources.objectBody(call);
		String name = Resources.streamName(call.grant().streamPrefix() + Resources.requiredString(body, "stream"),
				ErrorCode.BAD_JSON);
		Resources.requireInScope(call.grant().allowsStream(name), "Stream `" + name + "`");
		StreamSpec spec = ConfigJson.readStream(body.get("config"));
		Provisioned<Stream> result = basin.createStream(name, spec, Resources.requestToken(call));
		call.respondJson(201, Resources.streamInfo(result.resource(), call.grant().streamPrefix()),
				"s2-provision-result", result.result().headerValue());
	}

	private void ensure(Call call) {
		Basin basin = basin(this.store, call);
		String name = Resources.streamName(call.param("stream"), ErrorCode.BAD_PATH);
		StreamSpec spec = ConfigJson.readStream(configOf(Resources.optionalObjectBody(call)));
		Provisioned<Stream> result = basin.ensureStream(name, spec);
		int status = (result.result() == Provisioned.Result.CREATED) ? 201 : 200;
		call.respondJson(status, Resources.streamInfo(result.resource(), call.grant().streamPrefix()),
				"s2-provision-result", result.result().headerValue());
	}

	private static @Nullable JsonNode configOf(@Nullable JsonNode body) {
		if (body == null) {
			return null;
		}
		for (String field : STREAM_CONFIG_FIELDS) {
			if (body.has(field)) {
				return body;
			}
		}
		return body.get("config");
	}

	private void getConfig(Call call) {
		Basin basin = basin(this.store, call);
		String name = Resources.streamName(call.param("stream"), ErrorCode.BAD_PATH);
		call.respondJson(200, ConfigJson.writeStream(basin.stream(name).spec().resolved()));
	}

	private void reconfigure(Call call) {
		Basin basin = basin(this.store, call);
		String name = Resources.streamName(call.param("stream"), ErrorCode.BAD_PATH);
		JsonNode patch = Resources.objectBody(call);
		Stream stream = basin.reconfigureStream(name, (current) -> ConfigJson.reconfigureStream(current, patch));
		call.respondJson(200, ConfigJson.writeStream(stream.spec().resolved()));
	}

	private void delete(Call call) {
		Basin basin = basin(this.store, call);
		String name = Resources.streamName(call.param("stream"), ErrorCode.BAD_PATH);
		basin.deleteStream(name);
		call.respond(202, null, new byte[0]);
	}

}

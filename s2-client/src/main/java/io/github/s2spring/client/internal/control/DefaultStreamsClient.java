package io.github.s2spring.client.internal.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpMethod;

import io.github.s2spring.client.control.StreamsClient;
import io.github.s2spring.client.control.model.CreateStreamRequest;
import io.github.s2spring.client.control.model.ListRequest;
import io.github.s2spring.client.control.model.Page;
import io.github.s2spring.client.control.model.Provisioned;
import io.github.s2spring.client.control.model.StreamConfig;
import io.github.s2spring.client.control.model.StreamInfo;
import io.github.s2spring.client.control.model.StreamReconfiguration;
import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.limits.Names;

/**
 * The {@link StreamsClient} of a client, over its {@link ControlTransport}.
 */
final class DefaultStreamsClient implements StreamsClient {

	/** The header that names the basin when the basin endpoint is not per basin. */
	static final String BASIN_HEADER = "s2-basin";

	private final ControlTransport transport;

	private final String basin;

	private final Map<String, String> basinHeader;

	DefaultStreamsClient(ControlTransport transport, String basin) {
		this.transport = transport;
		this.basin = ValidationException.check(() -> Names.requireBasinName(basin));
		this.basinHeader = transport.config().endpoints().sendsBasinHeader() ? Map.of(BASIN_HEADER, basin) : Map.of();
	}

	@Override
	public String basin() {
		return this.basin;
	}

	@Override
	public Iterable<StreamInfo> list() {
		return list(ListRequest.all());
	}

	@Override
	public Iterable<StreamInfo> list(ListRequest request) {
		validate(request);
		return new PagedIterable<>(request, this::listPage, StreamInfo::name);
	}

	@Override
	public CompletableFuture<List<StreamInfo>> listAllAsync(ListRequest request) {
		Iterable<StreamInfo> all = list(request);
		return this.transport.supplyAsync(() -> {
			List<StreamInfo> streams = new ArrayList<>();
			all.forEach(streams::add);
			return streams;
		});
	}

	@Override
	public Page<StreamInfo> listPage(ListRequest request) {
		return listPageCall(request).run(this.transport);
	}

	@Override
	public CompletableFuture<Page<StreamInfo>> listPageAsync(ListRequest request) {
		return listPageCall(request).runAsync(this.transport);
	}

	@Override
	public StreamInfo create(CreateStreamRequest request) {
		return createCall(request).run(this.transport);
	}

	@Override
	public CompletableFuture<StreamInfo> createAsync(CreateStreamRequest request) {
		return createCall(request).runAsync(this.transport);
	}

	@Override
	public Provisioned<StreamInfo> ensure(CreateStreamRequest request) {
		return ensureCall(request).run(this.transport);
	}

	@Override
	public CompletableFuture<Provisioned<StreamInfo>> ensureAsync(CreateStreamRequest request) {
		return ensureCall(request).runAsync(this.transport);
	}

	@Override
	public StreamConfig getConfig(String stream) {
		return getConfigCall(stream).run(this.transport);
	}

	@Override
	public CompletableFuture<StreamConfig> getConfigAsync(String stream) {
		return getConfigCall(stream).runAsync(this.transport);
	}

	@Override
	public StreamConfig reconfigure(String stream, StreamReconfiguration change) {
		return reconfigureCall(stream, change).run(this.transport);
	}

	@Override
	public CompletableFuture<StreamConfig> reconfigureAsync(String stream, StreamReconfiguration change) {
		return reconfigureCall(stream, change).runAsync(this.transport);
	}

	@Override
	public void delete(String stream) {
		deleteCall(stream).run(this.transport);
	}

	@Override
	public CompletableFuture<Void> deleteAsync(String stream) {
		return deleteCall(stream).runAsync(this.transport);
	}

	private Call<Page<StreamInfo>> listPageCall(ListRequest request) {
		validate(request);
		ControlRequest http = new ControlRequest("list streams", HttpMethod.GET,
				streams().query("prefix", request.prefix())
					.query("start_after", request.startAfter())
					.query("limit", request.limit())
					.build(),
				this.basinHeader, null);
		return new Call<>(http,
				(response) -> ResourceJson.readPage(response.json(), "streams", ResourceJson::readStreamInfo));
	}

	private Call<StreamInfo> createCall(CreateStreamRequest request) {
		ControlRequest http = new ControlRequest("create stream \"" + request.stream() + "\"", HttpMethod.POST,
				streams().build(), headers(RequestTokens.HEADER, RequestTokens.newToken()),
				ResourceJson.createStream(request));
		return new Call<>(http, (response) -> ResourceJson.readStreamInfo(response.json()));
	}

	private Call<Provisioned<StreamInfo>> ensureCall(CreateStreamRequest request) {
		ControlRequest http = new ControlRequest("ensure stream \"" + request.stream() + "\"", HttpMethod.PUT,
				streams().segment(request.stream()).build(), this.basinHeader,
				(request.config() != null) ? ConfigJson.streamConfig(request.config()) : Json.object());
		return new Call<>(http, (response) -> new Provisioned<>(Provisioning.result(response),
				ResourceJson.readStreamInfo(response.json())));
	}

	private Call<StreamConfig> getConfigCall(String stream) {
		ControlRequest http = new ControlRequest("get stream config \"" + stream + "\"", HttpMethod.GET,
				stream(stream).build(), this.basinHeader, null);
		return new Call<>(http, (response) -> ConfigJson.readStreamConfig(response.json()));
	}

	private Call<StreamConfig> reconfigureCall(String stream, StreamReconfiguration change) {
		ControlRequest http = new ControlRequest("reconfigure stream \"" + stream + "\"", HttpMethod.PATCH,
				stream(stream).build(), this.basinHeader, ConfigJson.streamReconfiguration(change));
		return new Call<>(http, (response) -> ConfigJson.readStreamConfig(response.json()));
	}

	private Call<Void> deleteCall(String stream) {
		ControlRequest http = new ControlRequest("delete stream \"" + stream + "\"", HttpMethod.DELETE,
				stream(stream).build(), this.basinHeader, null);
		return new Call<>(http, (response) -> null);
	}

	private Uris streams() {
		return Uris.on(this.transport.config().endpoints().basin(this.basin)).path("streams");
	}

	private Uris stream(String stream) {
		return streams().segment(ValidationException.check(() -> Names.requireStreamName(stream)));
	}

	private Map<String, String> headers(String name, String value) {
		Map<String, String> headers = new HashMap<>(this.basinHeader);
		headers.put(name, value);
		return headers;
	}

	private static void validate(ListRequest request) {
		ValidationException.check(() -> Names.requireStreamPrefix(request.prefix()));
	}

}

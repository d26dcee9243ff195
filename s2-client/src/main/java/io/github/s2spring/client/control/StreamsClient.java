package io.github.s2spring.client.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpMethod;

import io.github.s2spring.client.S2Exception;
import io.github.s2spring.client.control.model.StreamConfig;
import io.github.s2spring.client.control.model.StreamInfo;
import io.github.s2spring.client.control.model.StreamReconfiguration;
import io.github.s2spring.client.control.model.CreateStreamRequest;
import io.github.s2spring.client.control.model.ListRequest;
import io.github.s2spring.client.control.model.Page;
import io.github.s2spring.client.control.model.Provisioned;
import io.github.s2spring.protocol.limits.Names;

/**
 * The streams of a stream: list, create, ensure, get and change configuration, delete.
 * Every operation exists blocking and as {@code ...Async} returning a
 * {@link CompletableFuture}; failures are {@link S2Exception}s, invalid names are
 * rejected before anything is sent.
 */
public final class StreamsClient {

	/** The header that names the basin when the basin endpoint is not per basin. */
	static final String BASIN_HEADER = "s2-basin";

	private final ControlTransport transport;

	private final String basin;

	private final Map<String, String> basinHeader;

	StreamsClient(ControlTransport transport, String basin) {
		this.transport = transport;
		this.basin = Names.requireBasinName(basin);
		this.basinHeader = transport.config().endpoints().sendsBasinHeader() ? Map.of(BASIN_HEADER, basin) : Map.of();
	}

	/**
	 * The basin whose streams this client manages.
	 * @return the basin name
	 */
	public String basin() {
		return this.basin;
	}

	/**
	 * Every stream, fetched lazily page by page as the iteration proceeds.
	 * @return the streams, sorted by name
	 */
	public Iterable<StreamInfo> list() {
		return list(ListRequest.all());
	}

	/**
	 * Every stream matching a request, fetched lazily page by page.
	 * @param request the prefix, the name to start after and the page size
	 * @return the streams, sorted by name
	 */
	public Iterable<StreamInfo> list(ListRequest request) {
		validate(request);
		return new PagedIterable<>(request, this::listPage, StreamInfo::name);
	}

	/**
	 * Every stream matching a request, all pages collected.
	 * @param request the prefix, the name to start after and the page size
	 * @return the streams, sorted by name
	 */
	public CompletableFuture<List<StreamInfo>> listAllAsync(ListRequest request) {
		Iterable<StreamInfo> all = list(request);
		return this.transport.supplyAsync(() -> {
			List<StreamInfo> streams = new ArrayList<>();
			all.forEach(streams::add);
			return streams;
		});
	}

	/**
	 * One page of streams.
	 * @param request the prefix, the name to start after and the page size
	 * @return the page
	 */
	public Page<StreamInfo> listPage(ListRequest request) {
		return listPageCall(request).run(this.transport);
	}

	/**
	 * One page of streams, asynchronously.
	 * @param request the prefix, the name to start after and the page size
	 * @return the page
	 */
	public CompletableFuture<Page<StreamInfo>> listPageAsync(ListRequest request) {
		return listPageCall(request).runAsync(this.transport);
	}

	/**
	 * Creates a stream. The request carries an idempotency token that is reused when the
	 * call is retried, so a retry after a lost response does not fail as a duplicate.
	 * @param request the stream and its configuration
	 * @return the new stream
	 */
	public StreamInfo create(CreateStreamRequest request) {
		return createCall(request).run(this.transport);
	}

	/**
	 * Creates a stream, asynchronously.
	 * @param request the stream and its configuration
	 * @return the new stream
	 */
	public CompletableFuture<StreamInfo> createAsync(CreateStreamRequest request) {
		return createCall(request).runAsync(this.transport);
	}

	/**
	 * Creates a stream, or sets the configuration of an existing one (PUT).
	 * @param request the stream and its configuration
	 * @return what was done, and the stream
	 */
	public Provisioned<StreamInfo> ensure(CreateStreamRequest request) {
		return ensureCall(request).run(this.transport);
	}

	/**
	 * Creates or updates a stream, asynchronously.
	 * @param request the stream and its configuration
	 * @return what was done, and the stream
	 */
	public CompletableFuture<Provisioned<StreamInfo>> ensureAsync(CreateStreamRequest request) {
		return ensureCall(request).runAsync(this.transport);
	}

	/**
	 * The configuration of a stream.
	 * @param stream the stream name
	 * @return the configuration
	 */
	public StreamConfig getConfig(String stream) {
		return getConfigCall(stream).run(this.transport);
	}

	/**
	 * The configuration of a stream, asynchronously.
	 * @param stream the stream name
	 * @return the configuration
	 */
	public CompletableFuture<StreamConfig> getConfigAsync(String stream) {
		return getConfigCall(stream).runAsync(this.transport);
	}

	/**
	 * Changes the configuration of a stream (PATCH): fields left unchanged are not sent,
	 * reset fields are sent as {@code null}.
	 * @param stream the stream name
	 * @param change the change
	 * @return the configuration after the change
	 */
	public StreamConfig reconfigure(String stream, StreamReconfiguration change) {
		return reconfigureCall(stream, change).run(this.transport);
	}

	/**
	 * Changes the configuration of a stream, asynchronously.
	 * @param stream the stream name
	 * @param change the change
	 * @return the configuration after the change
	 */
	public CompletableFuture<StreamConfig> reconfigureAsync(String stream, StreamReconfiguration change) {
		return reconfigureCall(stream, change).runAsync(this.transport);
	}

	/**
	 * Requests the deletion of a stream; deletion completes in the background.
	 * @param stream the stream name
	 */
	public void delete(String stream) {
		deleteCall(stream).run(this.transport);
	}

	/**
	 * Requests the deletion of a stream, asynchronously.
	 * @param stream the stream name
	 * @return completes when S2 has accepted the deletion
	 */
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
		return streams().segment(Names.requireStreamName(stream));
	}

	private Map<String, String> headers(String name, String value) {
		Map<String, String> headers = new HashMap<>(this.basinHeader);
		headers.put(name, value);
		return headers;
	}

	private static void validate(ListRequest request) {
		Names.requireStreamPrefix(request.prefix());
	}

}

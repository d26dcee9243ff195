package io.github.s2spring.client.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpMethod;

import io.github.s2spring.client.S2Exception;
import io.github.s2spring.client.control.model.BasinConfig;
import io.github.s2spring.client.control.model.BasinInfo;
import io.github.s2spring.client.control.model.BasinReconfiguration;
import io.github.s2spring.client.control.model.CreateBasinRequest;
import io.github.s2spring.client.control.model.ListRequest;
import io.github.s2spring.client.control.model.Page;
import io.github.s2spring.client.control.model.Provisioned;
import io.github.s2spring.protocol.limits.Names;

/**
 * The basins of an account: list, create, ensure, get and change configuration, delete.
 * Every operation exists blocking and as {@code ...Async} returning a
 * {@link CompletableFuture}; failures are {@link S2Exception}s, invalid names are
 * rejected before anything is sent.
 */
public final class BasinsClient {

	private final ControlTransport transport;

	BasinsClient(ControlTransport transport) {
		this.transport = transport;
	}

	/**
	 * Every basin, fetched lazily page by page as the iteration proceeds.
	 * @return the basins, sorted by name
	 */
	public Iterable<BasinInfo> list() {
		return list(ListRequest.all());
	}

	/**
	 * Every basin matching a request, fetched lazily page by page.
	 * @param request the prefix, the name to start after and the page size
	 * @return the basins, sorted by name
	 */
	public Iterable<BasinInfo> list(ListRequest request) {
		validate(request);
		return new PagedIterable<>(request, this::listPage, BasinInfo::name);
	}

	/**
	 * Every basin matching a request, all pages collected.
	 * @param request the prefix, the name to start after and the page size
	 * @return the basins, sorted by name
	 */
	public CompletableFuture<List<BasinInfo>> listAllAsync(ListRequest request) {
		Iterable<BasinInfo> all = list(request);
		return this.transport.supplyAsync(() -> {
			List<BasinInfo> basins = new ArrayList<>();
			all.forEach(basins::add);
			return basins;
		});
	}

	/**
	 * One page of basins.
	 * @param request the prefix, the name to start after and the page size
	 * @return the page
	 */
	public Page<BasinInfo> listPage(ListRequest request) {
		return listPageCall(request).run(this.transport);
	}

	/**
	 * One page of basins, asynchronously.
	 * @param request the prefix, the name to start after and the page size
	 * @return the page
	 */
	public CompletableFuture<Page<BasinInfo>> listPageAsync(ListRequest request) {
		return listPageCall(request).runAsync(this.transport);
	}

	/**
	 * Creates a basin. The request carries an idempotency token that is reused when the
	 * call is retried, so a retry after a lost response does not fail as a duplicate.
	 * @param request the basin, its configuration and location
	 * @return the new basin
	 */
	public BasinInfo create(CreateBasinRequest request) {
		return createCall(request).run(this.transport);
	}

	/**
	 * Creates a basin, asynchronously.
	 * @param request the basin, its configuration and location
	 * @return the new basin
	 */
	public CompletableFuture<BasinInfo> createAsync(CreateBasinRequest request) {
		return createCall(request).runAsync(this.transport);
	}

	/**
	 * Creates a basin, or sets the configuration of an existing one (PUT).
	 * @param request the basin, its configuration and location
	 * @return what was done, and the basin
	 */
	public Provisioned<BasinInfo> ensure(CreateBasinRequest request) {
		return ensureCall(request).run(this.transport);
	}

	/**
	 * Creates or updates a basin, asynchronously.
	 * @param request the basin, its configuration and location
	 * @return what was done, and the basin
	 */
	public CompletableFuture<Provisioned<BasinInfo>> ensureAsync(CreateBasinRequest request) {
		return ensureCall(request).runAsync(this.transport);
	}

	/**
	 * The configuration of a basin.
	 * @param basin the basin name
	 * @return the configuration
	 */
	public BasinConfig getConfig(String basin) {
		return getConfigCall(basin).run(this.transport);
	}

	/**
	 * The configuration of a basin, asynchronously.
	 * @param basin the basin name
	 * @return the configuration
	 */
	public CompletableFuture<BasinConfig> getConfigAsync(String basin) {
		return getConfigCall(basin).runAsync(this.transport);
	}

	/**
	 * Changes the configuration of a basin (PATCH): fields left unchanged are not sent,
	 * reset fields are sent as {@code null}.
	 * @param basin the basin name
	 * @param change the change
	 * @return the configuration after the change
	 */
	public BasinConfig reconfigure(String basin, BasinReconfiguration change) {
		return reconfigureCall(basin, change).run(this.transport);
	}

	/**
	 * Changes the configuration of a basin, asynchronously.
	 * @param basin the basin name
	 * @param change the change
	 * @return the configuration after the change
	 */
	public CompletableFuture<BasinConfig> reconfigureAsync(String basin, BasinReconfiguration change) {
		return reconfigureCall(basin, change).runAsync(this.transport);
	}

	/**
	 * Requests the deletion of a basin and its streams; deletion completes in the
	 * background.
	 * @param basin the basin name
	 */
	public void delete(String basin) {
		deleteCall(basin).run(this.transport);
	}

	/**
	 * Requests the deletion of a basin, asynchronously.
	 * @param basin the basin name
	 * @return completes when S2 has accepted the deletion
	 */
	public CompletableFuture<Void> deleteAsync(String basin) {
		return deleteCall(basin).runAsync(this.transport);
	}

	private Call<Page<BasinInfo>> listPageCall(ListRequest request) {
		validate(request);
		ControlRequest http = new ControlRequest("list basins", HttpMethod.GET,
				basins().query("prefix", request.prefix())
					.query("start_after", request.startAfter())
					.query("limit", request.limit())
					.build(),
				Map.of(), null);
		return new Call<>(http,
				(response) -> ResourceJson.readPage(response.json(), "basins", ResourceJson::readBasinInfo));
	}

	private Call<BasinInfo> createCall(CreateBasinRequest request) {
		ControlRequest http = new ControlRequest("create basin \"" + request.basin() + "\"", HttpMethod.POST,
				basins().build(), Map.of(RequestTokens.HEADER, RequestTokens.newToken()),
				ResourceJson.createBasin(request));
		return new Call<>(http, (response) -> ResourceJson.readBasinInfo(response.json()));
	}

	private Call<Provisioned<BasinInfo>> ensureCall(CreateBasinRequest request) {
		ControlRequest http = new ControlRequest("ensure basin \"" + request.basin() + "\"", HttpMethod.PUT,
				basins().segment(request.basin()).build(), Map.of(), ResourceJson.ensureBasin(request));
		return new Call<>(http, (response) -> new Provisioned<>(Provisioning.result(response),
				ResourceJson.readBasinInfo(response.json())));
	}

	private Call<BasinConfig> getConfigCall(String basin) {
		ControlRequest http = new ControlRequest("get basin config \"" + basin + "\"", HttpMethod.GET,
				basin(basin).build(), Map.of(), null);
		return new Call<>(http, (response) -> ConfigJson.readBasinConfig(response.json()));
	}

	private Call<BasinConfig> reconfigureCall(String basin, BasinReconfiguration change) {
		ControlRequest http = new ControlRequest("reconfigure basin \"" + basin + "\"", HttpMethod.PATCH,
				basin(basin).build(), Map.of(), ConfigJson.basinReconfiguration(change));
		return new Call<>(http, (response) -> ConfigJson.readBasinConfig(response.json()));
	}

	private Call<Void> deleteCall(String basin) {
		ControlRequest http = new ControlRequest("delete basin \"" + basin + "\"", HttpMethod.DELETE,
				basin(basin).build(), Map.of(), null);
		return new Call<>(http, (response) -> null);
	}

	private Uris basins() {
		return Uris.on(this.transport.config().endpoints().account()).path("basins");
	}

	private Uris basin(String basin) {
		return basins().segment(Names.requireBasinName(basin));
	}

	private static void validate(ListRequest request) {
		Names.requireBasinPrefix(request.prefix());
	}

}

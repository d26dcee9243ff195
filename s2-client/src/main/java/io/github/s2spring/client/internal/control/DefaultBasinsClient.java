package io.github.s2spring.client.internal.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpMethod;

import io.github.s2spring.client.control.BasinsClient;
import io.github.s2spring.client.control.model.BasinConfig;
import io.github.s2spring.client.control.model.BasinInfo;
import io.github.s2spring.client.control.model.BasinReconfiguration;
import io.github.s2spring.client.control.model.CreateBasinRequest;
import io.github.s2spring.client.control.model.ListRequest;
import io.github.s2spring.client.control.model.Page;
import io.github.s2spring.client.control.model.Provisioned;
import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.limits.Names;

/**
 * The {@link BasinsClient} of a client, over its {@link ControlTransport}.
 */
final class DefaultBasinsClient implements BasinsClient {

	private final ControlTransport transport;

	DefaultBasinsClient(ControlTransport transport) {
		this.transport = transport;
	}

	@Override
	public Iterable<BasinInfo> list() {
		return list(ListRequest.all());
	}

	@Override
	public Iterable<BasinInfo> list(ListRequest request) {
		validate(request);
		return new PagedIterable<>(request, this::listPage, BasinInfo::name);
	}

	@Override
	public CompletableFuture<List<BasinInfo>> listAllAsync(ListRequest request) {
		Iterable<BasinInfo> all = list(request);
		return this.transport.supplyAsync(() -> {
			List<BasinInfo> basins = new ArrayList<>();
			all.forEach(basins::add);
			return basins;
		});
	}

	@Override
	public Page<BasinInfo> listPage(ListRequest request) {
		return listPageCall(request).run(this.transport);
	}

	@Override
	public CompletableFuture<Page<BasinInfo>> listPageAsync(ListRequest request) {
		return listPageCall(request).runAsync(this.transport);
	}

	@Override
	public BasinInfo create(CreateBasinRequest request) {
		return createCall(request).run(this.transport);
	}

	@Override
	public CompletableFuture<BasinInfo> createAsync(CreateBasinRequest request) {
		return createCall(request).runAsync(this.transport);
	}

	@Override
	public Provisioned<BasinInfo> ensure(CreateBasinRequest request) {
		return ensureCall(request).run(this.transport);
	}

	@Override
	public CompletableFuture<Provisioned<BasinInfo>> ensureAsync(CreateBasinRequest request) {
		return ensureCall(request).runAsync(this.transport);
	}

	@Override
	public BasinConfig getConfig(String basin) {
		return getConfigCall(basin).run(this.transport);
	}

	@Override
	public CompletableFuture<BasinConfig> getConfigAsync(String basin) {
		return getConfigCall(basin).runAsync(this.transport);
	}

	@Override
	public BasinConfig reconfigure(String basin, BasinReconfiguration change) {
		return reconfigureCall(basin, change).run(this.transport);
	}

	@Override
	public CompletableFuture<BasinConfig> reconfigureAsync(String basin, BasinReconfiguration change) {
		return reconfigureCall(basin, change).runAsync(this.transport);
	}

	@Override
	public void delete(String basin) {
		deleteCall(basin).run(this.transport);
	}

	@Override
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
		return basins().segment(ValidationException.check(() -> Names.requireBasinName(basin)));
	}

	private static void validate(ListRequest request) {
		ValidationException.check(() -> Names.requireBasinPrefix(request.prefix()));
	}

}

package io.github.s2spring.client.control;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.s2spring.client.control.model.BasinConfig;
import io.github.s2spring.client.control.model.BasinInfo;
import io.github.s2spring.client.control.model.BasinReconfiguration;
import io.github.s2spring.client.control.model.CreateBasinRequest;
import io.github.s2spring.client.control.model.ListRequest;
import io.github.s2spring.client.control.model.Page;
import io.github.s2spring.client.control.model.Provisioned;
import io.github.s2spring.client.error.S2Exception;

/**
 * The basins of an account: list, create, ensure, get and change configuration, delete.
 * Every operation exists blocking and as {@code ...Async} returning a
 * {@link CompletableFuture}; failures are {@link S2Exception}s, invalid names are
 * rejected before anything is sent.
 */
public interface BasinsClient {

	/**
	 * Every basin, fetched lazily page by page as the iteration proceeds.
	 * @return the basins, sorted by name
	 */
	Iterable<BasinInfo> list();

	/**
	 * Every basin matching a request, fetched lazily page by page.
	 * @param request the prefix, the name to start after and the page size
	 * @return the basins, sorted by name
	 */
	Iterable<BasinInfo> list(ListRequest request);

	/**
	 * Every basin matching a request, all pages collected.
	 * @param request the prefix, the name to start after and the page size
	 * @return the basins, sorted by name
	 */
	CompletableFuture<List<BasinInfo>> listAllAsync(ListRequest request);

	/**
	 * One page of basins.
	 * @param request the prefix, the name to start after and the page size
	 * @return the page
	 */
	Page<BasinInfo> listPage(ListRequest request);

	/**
	 * One page of basins, asynchronously.
	 * @param request the prefix, the name to start after and the page size
	 * @return the page
	 */
	CompletableFuture<Page<BasinInfo>> listPageAsync(ListRequest request);

	/**
	 * Creates a basin. The request carries an idempotency token that is reused when the
	 * call is retried, so a retry after a lost response does not fail as a duplicate.
	 * @param request the basin, its configuration and location
	 * @return the new basin
	 */
	BasinInfo create(CreateBasinRequest request);

	/**
	 * Creates a basin, asynchronously.
	 * @param request the basin, its configuration and location
	 * @return the new basin
	 */
	CompletableFuture<BasinInfo> createAsync(CreateBasinRequest request);

	/**
	 * Creates a basin, or sets the configuration of an existing one (PUT).
	 * @param request the basin, its configuration and location
	 * @return what was done, and the basin
	 */
	Provisioned<BasinInfo> ensure(CreateBasinRequest request);

	/**
	 * Creates or updates a basin, asynchronously.
	 * @param request the basin, its configuration and location
	 * @return what was done, and the basin
	 */
	CompletableFuture<Provisioned<BasinInfo>> ensureAsync(CreateBasinRequest request);

	/**
	 * The configuration of a basin.
	 * @param basin the basin name
	 * @return the configuration
	 */
	BasinConfig getConfig(String basin);

	/**
	 * The configuration of a basin, asynchronously.
	 * @param basin the basin name
	 * @return the configuration
	 */
	CompletableFuture<BasinConfig> getConfigAsync(String basin);

	/**
	 * Changes the configuration of a basin (PATCH): fields left unchanged are not sent,
	 * reset fields are sent as {@code null}.
	 * @param basin the basin name
	 * @param change the change
	 * @return the configuration after the change
	 */
	BasinConfig reconfigure(String basin, BasinReconfiguration change);

	/**
	 * Changes the configuration of a basin, asynchronously.
	 * @param basin the basin name
	 * @param change the change
	 * @return the configuration after the change
	 */
	CompletableFuture<BasinConfig> reconfigureAsync(String basin, BasinReconfiguration change);

	/**
	 * Requests the deletion of a basin and its streams; deletion completes in the
	 * background.
	 * @param basin the basin name
	 */
	void delete(String basin);

	/**
	 * Requests the deletion of a basin, asynchronously.
	 * @param basin the basin name
	 * @return completes when S2 has accepted the deletion
	 */
	CompletableFuture<Void> deleteAsync(String basin);

}

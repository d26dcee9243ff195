package io.github.s2spring.client.control;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.github.s2spring.client.control.model.CreateStreamRequest;
import io.github.s2spring.client.control.model.ListRequest;
import io.github.s2spring.client.control.model.Page;
import io.github.s2spring.client.control.model.Provisioned;
import io.github.s2spring.client.control.model.StreamConfig;
import io.github.s2spring.client.control.model.StreamInfo;
import io.github.s2spring.client.control.model.StreamReconfiguration;
import io.github.s2spring.client.error.S2Exception;

/**
 * The streams of a stream: list, create, ensure, get and change configuration, delete.
 * Every operation exists blocking and as {@code ...Async} returning a
 * {@link CompletableFuture}; failures are {@link S2Exception}s, invalid names are
 * rejected before anything is sent.
 */
public interface StreamsClient {

	/**
	 * The basin whose streams this client manages.
	 * @return the basin name
	 */
	String basin();

	/**
	 * Every stream, fetched lazily page by page as the iteration proceeds.
	 * @return the streams, sorted by name
	 */
	Iterable<StreamInfo> list();

	/**
	 * Every stream matching a request, fetched lazily page by page.
	 * @param request the prefix, the name to start after and the page size
	 * @return the streams, sorted by name
	 */
	Iterable<StreamInfo> list(ListRequest request);

	/**
	 * Every stream matching a request, all pages collected.
	 * @param request the prefix, the name to start after and the page size
	 * @return the streams, sorted by name
	 */
	CompletableFuture<List<StreamInfo>> listAllAsync(ListRequest request);

	/**
	 * One page of streams.
	 * @param request the prefix, the name to start after and the page size
	 * @return the page
	 */
	Page<StreamInfo> listPage(ListRequest request);

	/**
	 * One page of streams, asynchronously.
	 * @param request the prefix, the name to start after and the page size
	 * @return the page
	 */
	CompletableFuture<Page<StreamInfo>> listPageAsync(ListRequest request);

	/**
	 * Creates a stream. The request carries an idempotency token that is reused when the
	 * call is retried, so a retry after a lost response does not fail as a duplicate.
	 * @param request the stream and its configuration
	 * @return the new stream
	 */
	StreamInfo create(CreateStreamRequest request);

	/**
	 * Creates a stream, asynchronously.
	 * @param request the stream and its configuration
	 * @return the new stream
	 */
	CompletableFuture<StreamInfo> createAsync(CreateStreamRequest request);

	/**
	 * Creates a stream, or sets the configuration of an existing one (PUT).
	 * @param request the stream and its configuration
	 * @return what was done, and the stream
	 */
	Provisioned<StreamInfo> ensure(CreateStreamRequest request);

	/**
	 * Creates or updates a stream, asynchronously.
	 * @param request the stream and its configuration
	 * @return what was done, and the stream
	 */
	CompletableFuture<Provisioned<StreamInfo>> ensureAsync(CreateStreamRequest request);

	/**
	 * The configuration of a stream.
	 * @param stream the stream name
	 * @return the configuration
	 */
	StreamConfig getConfig(String stream);

	/**
	 * The configuration of a stream, asynchronously.
	 * @param stream the stream name
	 * @return the configuration
	 */
	CompletableFuture<StreamConfig> getConfigAsync(String stream);

	/**
	 * Changes the configuration of a stream (PATCH): fields left unchanged are not sent,
	 * reset fields are sent as {@code null}.
	 * @param stream the stream name
	 * @param change the change
	 * @return the configuration after the change
	 */
	StreamConfig reconfigure(String stream, StreamReconfiguration change);

	/**
	 * Changes the configuration of a stream, asynchronously.
	 * @param stream the stream name
	 * @param change the change
	 * @return the configuration after the change
	 */
	CompletableFuture<StreamConfig> reconfigureAsync(String stream, StreamReconfiguration change);

	/**
	 * Requests the deletion of a stream; deletion completes in the background.
	 * @param stream the stream name
	 */
	void delete(String stream);

	/**
	 * Requests the deletion of a stream, asynchronously.
	 * @param stream the stream name
	 * @return completes when S2 has accepted the deletion
	 */
	CompletableFuture<Void> deleteAsync(String stream);

}

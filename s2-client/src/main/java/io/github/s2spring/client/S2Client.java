package io.github.s2spring.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.control.AccessTokensClient;
import io.github.s2spring.client.control.BasinsClient;
import io.github.s2spring.client.control.LocationsClient;
import io.github.s2spring.client.control.MetricsClient;
import io.github.s2spring.client.error.TransportException;
import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.client.internal.control.ControlPlane;
import io.github.s2spring.client.internal.data.DataPlane;
import io.github.s2spring.client.internal.transport.Http2Transport;
import io.github.s2spring.protocol.limits.Names;

/**
 * The entry point of the S2 SDK. One client holds the connections and threads of all
 * calls made through it; share one per application and close it when done, which releases
 * every connection and thread.
 *
 * <pre>{@code
 * try (S2Client client = S2Client.create(S2ClientConfig.fromEnvironment())) {
 *     S2Basin basin = client.basin("my-basin");
 * }
 * }</pre>
 */
public final class S2Client implements AutoCloseable {

	private final S2ClientConfig config;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final Http2Transport transport;

	private final DataPlane dataPlane;

	private final ControlPlane control;

	private S2Client(S2ClientConfig config) {
		this.config = config;
		this.transport = new Http2Transport(config);
		this.dataPlane = new DataPlane(this.transport, config);
		this.control = new ControlPlane(config);
	}

	/**
	 * Creates a client.
	 * @param config the configuration
	 * @return the client
	 */
	public static S2Client create(S2ClientConfig config) {
		return new S2Client(config);
	}

	/**
	 * The configuration.
	 * @return the configuration
	 */
	public S2ClientConfig config() {
		return this.config;
	}

	/**
	 * A basin by name. No request is made.
	 * @param name the basin name
	 * @return the basin
	 * @throws io.github.s2spring.client.error.ValidationException if the name is not a
	 * valid basin name
	 */
	public S2Basin basin(String name) {
		requireOpen();
		return new S2Basin(this, ValidationException.check(() -> Names.requireBasinName(name)));
	}

	/**
	 * The basins of the account (control plane).
	 * @return the basins client
	 */
	public BasinsClient basins() {
		requireOpen();
		return this.control.basins();
	}

	/**
	 * The access tokens of the account (control plane).
	 * @return the access tokens client
	 */
	public AccessTokensClient accessTokens() {
		requireOpen();
		return this.control.accessTokens();
	}

	/**
	 * The metrics of the account, its basins and streams (control plane).
	 * @return the metrics client
	 */
	public MetricsClient metrics() {
		requireOpen();
		return this.control.metrics();
	}

	/**
	 * The locations of the account (control plane).
	 * @return the locations client
	 */
	public LocationsClient locations() {
		requireOpen();
		return this.control.locations();
	}

	ControlPlane control() {
		return this.control;
	}

	/**
	 * Whether {@link #close()} was called.
	 * @return whether closed
	 */
	public boolean isClosed() {
		return this.closed.get();
	}

	/**
	 * The data plane shared by all stream handles of this client.
	 * @return the data plane
	 */
	DataPlane dataPlane() {
		return this.dataPlane;
	}

	/**
	 * What this client holds open now: its data-plane connections and sessions.
	 * @return a snapshot
	 */
	public ClientStats stats() {
		List<ClientStats.Connection> connections = new ArrayList<>();
		this.transport.forEachConnection((origin, connection) -> connections
			.add(new ClientStats.Connection(origin, connection.activeStreams(), connection.streamLimit())));
		return new ClientStats(connections, this.dataPlane.openSessions());
	}

	/**
	 * The number of open data-plane connections.
	 * @return the count
	 */
	public int connectionCount() {
		return this.transport.connectionCount();
	}

	void requireOpen() {
		if (this.closed.get()) {
			throw TransportException.closed("S2 client");
		}
	}

	/**
	 * Closes the client: open sessions fail, connections are closed and threads stop (the
	 * client's own delivery pool after running the callbacks already queued). Idempotent.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.control.close();
			this.transport.close();
			this.dataPlane.close();
		}
	}

	@Override
	public String toString() {
		return "S2Client[" + this.config.endpoints() + "]";
	}

}

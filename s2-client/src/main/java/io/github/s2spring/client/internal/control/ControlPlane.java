package io.github.s2spring.client.internal.control;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.control.AccessTokensClient;
import io.github.s2spring.client.control.BasinsClient;
import io.github.s2spring.client.control.LocationsClient;
import io.github.s2spring.client.control.MetricsClient;
import io.github.s2spring.client.control.StreamsClient;
import io.github.s2spring.client.error.TransportException;

/**
 * The control plane of one client: the entry to basins, streams, access tokens, metrics
 * and locations. It owns the HTTP client and the small executor of the asynchronous
 * calls, both created on first use; closing it stops them.
 */
public final class ControlPlane implements AutoCloseable {

	private final S2ClientConfig config;

	private volatile @Nullable ControlTransport transport;

	private boolean closed;

	/**
	 * Creates the control plane of a configuration. Nothing is opened until the first
	 * call.
	 * @param config the configuration
	 */
	public ControlPlane(S2ClientConfig config) {
		this.config = config;
	}

	/**
	 * The basins of the account.
	 * @return the basins client
	 */
	public BasinsClient basins() {
		return new DefaultBasinsClient(transport());
	}

	/**
	 * The streams of a basin.
	 * @param basin the basin name
	 * @return the streams client
	 */
	public StreamsClient streams(String basin) {
		return new DefaultStreamsClient(transport(), basin);
	}

	/**
	 * The access tokens of the account.
	 * @return the access tokens client
	 */
	public AccessTokensClient accessTokens() {
		return new DefaultAccessTokensClient(transport());
	}

	/**
	 * The metrics of the account, its basins and streams.
	 * @return the metrics client
	 */
	public MetricsClient metrics() {
		return new DefaultMetricsClient(transport());
	}

	/**
	 * The locations of the account.
	 * @return the locations client
	 */
	public LocationsClient locations() {
		return new DefaultLocationsClient(transport());
	}

	private ControlTransport transport() {
		ControlTransport current = this.transport;
		if (current == null) {
			synchronized (this) {
				if (this.closed) {
					throw TransportException.closed("S2 client");
				}
				current = this.transport;
				if (current == null) {
					current = new ControlTransport(this.config);
					this.transport = current;
				}
			}
		}
		return current;
	}

	/**
	 * Stops the HTTP client and executor; later calls fail. Idempotent.
	 */
	@Override
	public synchronized void close() {
		this.closed = true;
		ControlTransport current = this.transport;
		if (current != null) {
			current.close();
		}
	}

}

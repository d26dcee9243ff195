package io.github.s2spring.client.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.netty.channel.ChannelFuture;
import org.jspecify.annotations.Nullable;

/**
 * The connections to one origin. A new stream goes to the first connection with a free
 * slot; a new connection is opened only when every one is full (or none accepts streams),
 * and at most one connection is being opened at a time.
 */
final class ConnectionPool {

	private final String origin;

	private final Function<ConnectionPool, Http2Connection> connector;

	private final List<Http2Connection> connections = new ArrayList<>();

	private @Nullable CompletableFuture<Http2Connection> connecting;

	private boolean closed;

	ConnectionPool(String origin, Function<ConnectionPool, Http2Connection> connector) {
		this.origin = origin;
		this.connector = connector;
	}

	CompletableFuture<H2Stream> openStream(StreamListener listener) {
		CompletableFuture<Http2Connection> pending;
		synchronized (this) {
			if (this.closed) {
				return CompletableFuture.failedFuture(new StreamClosedException("The transport is closed"));
			}
			for (Http2Connection connection : this.connections) {
				if (connection.tryReserve()) {
					return connection.openReserved(listener);
				}
			}
			if (this.connecting == null) {
				Http2Connection connection = this.connector.apply(this);
				this.connections.add(connection);
				CompletableFuture<Http2Connection> ready = connection.ready();
				this.connecting = ready;
				ready.whenComplete((c, ex) -> connectFinished(ready));
			}
			pending = this.connecting;
		}
		return pending.thenCompose((connection) -> openStream(listener));
	}

	private synchronized void connectFinished(CompletableFuture<Http2Connection> ready) {
		if (this.connecting == ready) {
			this.connecting = null;
		}
	}

	void remove(Http2Connection connection) {
		synchronized (this) {
			this.connections.remove(connection);
		}
	}

	synchronized int size() {
		return this.connections.size();
	}

	synchronized List<Http2Connection> connections() {
		return List.copyOf(this.connections);
	}

	List<ChannelFuture> close() {
		List<Http2Connection> toClose;
		synchronized (this) {
			this.closed = true;
			toClose = List.copyOf(this.connections);
		}
		List<ChannelFuture> futures = new ArrayList<>();
		for (Http2Connection connection : toClose) {
			ChannelFuture future = connection.close();
			if (future != null) {
				futures.add(future);
			}
		}
		return futures;
	}

	@Override
	public String toString() {
		return "ConnectionPool[" + this.origin + ", " + size() + " connections]";
	}

}

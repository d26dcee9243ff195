package io.github.s2spring.client.internal.transport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import org.jspecify.annotations.Nullable;

/**
 * The connections to one origin. A new stream goes to the first connection with a free
 * slot (each connection carries as many streams as the server and the configured cap
 * allow); a new connection is opened only when every one is full (or none accepts
 * streams), and at most one connection is being opened at a time. Streams that wait for
 * that connection are queued and served in a loop once it is ready (never by recursion,
 * so thousands of waiters cannot overflow the stack); those it cannot hold wait for the
 * next one.
 */
final class ConnectionPool {

	private final String origin;

	private final EventLoop loop;

	private final Function<ConnectionPool, Http2Connection> connector;

	private final List<Http2Connection> connections = new ArrayList<>();

	private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();

	private boolean connecting;

	private boolean closed;

	ConnectionPool(String origin, EventLoop loop, Function<ConnectionPool, Http2Connection> connector) {
		this.origin = origin;
		this.loop = loop;
		this.connector = connector;
	}

	/**
	 * The event loop every connection of this pool runs on.
	 * @return the event loop
	 */
	EventLoop loop() {
		return this.loop;
	}

	CompletableFuture<H2Stream> openStream(StreamListener listener) {
		Waiter waiter = new Waiter(listener);
		boolean connect;
		synchronized (this) {
			if (this.closed) {
				return CompletableFuture.failedFuture(new StreamClosedException("The transport is closed"));
			}
			Http2Connection free = reserve();
			if (free != null) {
				return free.openReserved(listener);
			}
			this.waiters.add(waiter);
			connect = !this.connecting;
			this.connecting = true;
		}
		if (connect) {
			connect();
		}
		return waiter.stream;
	}

	private @Nullable Http2Connection reserve() {
		for (Http2Connection connection : this.connections) {
			if (connection.tryReserve()) {
				return connection;
			}
		}
		return null;
	}

	private void connect() {
		Http2Connection connection;
		try {
			connection = this.connector.apply(this);
		}
		catch (RuntimeException ex) {
			connectFinished(ex);
			return;
		}
		synchronized (this) {
			if (!connection.ready().isCompletedExceptionally()) {
				this.connections.add(connection);
			}
		}
		connection.ready().whenComplete((ready, ex) -> connectFinished((ex != null) ? ex : refusesStreams(connection)));
	}

	/**
	 * A server that allows no stream at all on a fresh connection fails the waiters,
	 * rather than making the pool open connection after connection.
	 */
	private static @Nullable Throwable refusesStreams(Http2Connection connection) {
		if (connection.streamLimit() > 0) {
			return null;
		}
		connection.close();
		return new StreamClosedException("The server allows no streams (SETTINGS_MAX_CONCURRENT_STREAMS is 0)");
	}

	/**
	 * Serves the queued streams once a connection attempt ended: on success as many as
	 * the connections hold (another connection is opened for the rest), on failure all of
	 * them fail with its cause.
	 */
	private void connectFinished(@Nullable Throwable failure) {
		List<Waiter> failed = new ArrayList<>();
		List<Waiter> granted = new ArrayList<>();
		List<Http2Connection> grantedOn = new ArrayList<>();
		boolean again = false;
		synchronized (this) {
			this.connecting = false;
			if (failure != null || this.closed) {
				failed.addAll(this.waiters);
				this.waiters.clear();
			}
			else {
				while (!this.waiters.isEmpty()) {
					Http2Connection free = reserve();
					if (free == null) {
						break;
					}
					granted.add(this.waiters.poll());
					grantedOn.add(free);
				}
				again = !this.waiters.isEmpty();
				this.connecting = again;
			}
		}
		Throwable cause = (failure != null) ? failure : new StreamClosedException("The transport is closed");
		for (Waiter waiter : failed) {
			waiter.stream.completeExceptionally(cause);
		}
		for (int i = 0; i < granted.size(); i++) {
			Waiter waiter = granted.get(i);
			grantedOn.get(i).openReserved(waiter.listener).whenComplete((stream, ex) -> {
				if (ex != null) {
					waiter.stream.completeExceptionally(ex);
				}
				else {
					waiter.stream.complete(stream);
				}
			});
		}
		if (again) {
			connect();
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

	/**
	 * A stream waiting for a connection.
	 */
	private static final class Waiter {

		final StreamListener listener;

		final CompletableFuture<H2Stream> stream = new CompletableFuture<>();

		Waiter(StreamListener listener) {
			this.listener = listener;
		}

	}

}

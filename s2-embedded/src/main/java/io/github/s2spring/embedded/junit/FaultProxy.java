package io.github.s2spring.embedded.junit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy between a client and a server that injects faults on real connections, for
 * tests: reset (RST), blackhole (bytes silently dropped, connection kept open), added
 * latency, a bandwidth limit, and writes sliced into 1-byte pieces.
 */
public final class FaultProxy implements AutoCloseable {

	private final ServerSocket listener;

	private final InetSocketAddress target;

	private final Set<Link> links = ConcurrentHashMap.newKeySet();

	private final AtomicInteger accepted = new AtomicInteger();

	private final Thread acceptor;

	private volatile long latencyMillis;

	private volatile long bytesPerSecond;

	private volatile boolean sliced;

	private volatile boolean refusing;

	private volatile boolean closed;

	/**
	 * Starts a proxy on a free local port.
	 * @param targetPort the server's port on 127.0.0.1
	 * @throws IOException if the port cannot be bound
	 */
	public FaultProxy(int targetPort) throws IOException {
		this.target = new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort);
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.acceptor = new Thread(this::accept, "fault-proxy-accept");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	/**
	 * The proxy's base URL.
	 * @return {@code http://127.0.0.1:PORT}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.listener.getLocalPort();
	}

	/**
	 * Resets every open connection (TCP RST on both sides).
	 */
	public void reset() {
		for (Link link : this.links) {
			link.reset();
		}
	}

	/**
	 * Silently drops every byte on the currently open connections, in both directions,
	 * while keeping them open. New connections are not affected.
	 */
	public void blackhole() {
		for (Link link : this.links) {
			link.blackholed = true;
		}
	}

	/**
	 * Delays every forwarded chunk.
	 * @param millis the delay
	 */
	public void latency(long millis) {
		this.latencyMillis = millis;
	}

	/**
	 * Limits the throughput of each direction of each connection.
	 * @param rate bytes per second, 0 for unlimited
	 */
	public void bandwidth(long rate) {
		this.bytesPerSecond = rate;
	}

	/**
	 * Writes forwarded bytes one at a time.
	 * @param slice whether to slice
	 */
	public void slice(boolean slice) {
		this.sliced = slice;
	}

	/**
	 * Resets every new connection at once (the server stays unreachable through the
	 * proxy) until called with {@code false}; open connections are not affected.
	 * @param refuse whether to refuse
	 */
	public void refuse(boolean refuse) {
		this.refusing = refuse;
	}

	/**
	 * The connections open now.
	 * @return the count
	 */
	public int openConnections() {
		return this.links.size();
	}

	/**
	 * The connections accepted so far.
	 * @return the count
	 */
	public int acceptedConnections() {
		return this.accepted.get();
	}

	private void accept() {
		while (!this.closed) {
			try {
				Socket client = this.listener.accept();
				if (this.refusing) {
					client.setSoLinger(true, 0);
					client.close();
					continue;
				}
				Socket server = new Socket();
				server.connect(this.target, 2000);
				client.setTcpNoDelay(true);
				server.setTcpNoDelay(true);
				this.accepted.incrementAndGet();
				Link link = new Link(client, server);
				this.links.add(link);
				link.start();
			}
			catch (IOException ex) {
				if (this.closed) {
					return;
				}
			}
		}
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		this.listener.close();
		for (Link link : this.links) {
			link.close();
		}
	}

	/**
	 * One proxied connection: two pumps.
	 */
	private final class Link {

		private final Socket client;

		private final Socket server;

		volatile boolean blackholed;

		private final AtomicInteger pumpsLeft = new AtomicInteger(2);

		Link(Socket client, Socket server) {
			this.client = client;
			this.server = server;
		}

		void start() {
			pump(this.client, this.server, "up");
			pump(this.server, this.client, "down");
		}

		private void pump(Socket from, Socket to, String direction) {
			Thread thread = new Thread(() -> {
				byte[] buffer = new byte[16 * 1024];
				try (InputStream in = from.getInputStream()) {
					OutputStream out = to.getOutputStream();
					int read;
					while ((read = in.read(buffer)) >= 0) {
						if (this.blackholed) {
							continue;
						}
						forward(out, buffer, read);
					}
					if (this.blackholed) {
						close();
					}
					else {
						to.shutdownOutput();
					}
				}
				catch (IOException | InterruptedException ex) {
					close();
				}
				finally {
					if (this.pumpsLeft.decrementAndGet() == 0) {
						close();
					}
				}
			}, "fault-proxy-" + direction);
			thread.setDaemon(true);
			thread.start();
		}

		private void forward(OutputStream out, byte[] buffer, int length) throws IOException, InterruptedException {
			long latency = FaultProxy.this.latencyMillis;
			if (latency > 0) {
				Thread.sleep(latency);
			}
			long rate = FaultProxy.this.bytesPerSecond;
			int chunk = (rate > 0) ? (int) Math.max(1, Math.min(length, rate / 20)) : length;
			for (int offset = 0; offset < length; offset += chunk) {
				int size = Math.min(chunk, length - offset);
				if (FaultProxy.this.sliced) {
					for (int i = 0; i < size; i++) {
						out.write(buffer[offset + i]);
						out.flush();
					}
				}
				else {
					out.write(buffer, offset, size);
					out.flush();
				}
				if (rate > 0) {
					Thread.sleep(Math.max(1, size * 1000L / rate));
				}
			}
		}

		void reset() {
			try {
				this.client.setSoLinger(true, 0);
				this.server.setSoLinger(true, 0);
			}
			catch (IOException ex) {
				// already closed
			}
			close();
		}

		void close() {
			FaultProxy.this.links.remove(this);
			try {
				this.client.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
			try {
				this.server.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}

	}

}

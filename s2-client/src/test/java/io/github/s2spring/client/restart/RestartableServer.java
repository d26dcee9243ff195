package io.github.s2spring.client.restart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import io.github.s2spring.client.TestServers;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.config.BasinSpec;
import io.github.s2spring.embedded.config.StreamSpec;

/**
 * An embedded server in this JVM that keeps its port and data directory across
 * {@link #restart() restarts}: a graceful {@link S2EmbeddedServer#close()} (open sessions
 * are told to reconnect, then connections close) followed by a new server.
 */
final class RestartableServer implements AutoCloseable {

	private final int port;

	private final Path dataDir;

	private S2EmbeddedServer server;

	private RestartableServer(int port, Path dataDir) {
		this.port = port;
		this.dataDir = dataDir;
		this.server = start();
	}

	static RestartableServer start(Path dataDir) {
		return new RestartableServer(freePort(), dataDir);
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private S2EmbeddedServer start() {
		S2EmbeddedServer started = S2EmbeddedServer.builder().port(this.port).dataDir(this.dataDir).build().start();
		started.store().ensureBasin(TestServers.BASIN, new BasinSpec(StreamSpec.EMPTY, null, true, true));
		return started;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	S2EmbeddedServer server() {
		return this.server;
	}

	/**
	 * Closes the server gracefully and starts a new one on the same port and data
	 * directory.
	 */
	synchronized void restart() {
		this.server.close();
		this.server = start();
	}

	/**
	 * Closes the server gracefully; {@link #startAgain()} starts a new one.
	 */
	synchronized void stop() {
		this.server.close();
	}

	synchronized void startAgain() {
		this.server = start();
	}

	@Override
	public synchronized void close() {
		this.server.close();
	}

}

package io.github.s2spring.client.restart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.s2spring.client.TestServers;

/**
 * {@code S2EmbeddedMain} in a child JVM (the running {@code java} with this JVM's class
 * path) on a fixed port with a data directory, that a test can kill with SIGKILL
 * ({@link Process#destroyForcibly()}) and start again: nothing of the server gets to wind
 * down, only what it had written to disk survives.
 */
final class ServerProcess implements AutoCloseable {

	private final int port;

	private final Path dataDir;

	private final Path initFile;

	private Process process;

	ServerProcess(Path dataDir) throws IOException {
		this.port = RestartableServer.freePort();
		this.dataDir = dataDir.resolve("data");
		this.initFile = dataDir.resolve("init.json");
		Files.writeString(this.initFile, "{\"basins\":[{\"name\":\"" + TestServers.BASIN
				+ "\",\"config\":{\"create_stream_on_append\":true,\"create_stream_on_read\":true}}]}");
		this.process = launch();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	private Process launch() {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		ProcessBuilder builder = new ProcessBuilder(
				List.of(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
						"io.github.s2spring.embedded.S2EmbeddedMain", "--port", Integer.toString(this.port),
						"--data-dir", this.dataDir.toString(), "--init-file", this.initFile.toString()))
			.redirectErrorStream(true);
		try {
			Process started = builder.start();
			awaitListening(started);
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void awaitListening(Process started) {
		CompletableFuture<Void> listening = new CompletableFuture<>();
		Thread pump = new Thread(() -> {
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = out.readLine()) != null) {
					if (line.contains("listening on")) {
						listening.complete(null);
					}
				}
				listening
					.completeExceptionally(new IllegalStateException("The server process ended before it listened"));
			}
			catch (IOException ex) {
				listening.completeExceptionally(ex);
			}
		}, "server-process-output");
		pump.setDaemon(true);
		pump.start();
		listening.orTimeout(30, TimeUnit.SECONDS).join();
	}

	/**
	 * Kills the server with SIGKILL and waits until it is gone.
	 */
	synchronized void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Starts the server again on the same port and data directory.
	 */
	synchronized void start() {
		this.process = launch();
	}

	@Override
	public synchronized void close() {
		kill();
	}

}

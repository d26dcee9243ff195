package io.github.s2spring.embedded.record;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.s2spring.embedded.config.Json;

/**
 * Writes each recorded request as one line of JSON to a file. Decoding and writing run on
 * one thread of the recorder's own, in the order requests arrive, so event loops only
 * hand requests over; every line is flushed as it is written.
 */
final class JsonLinesRecorder implements RequestRecorder {

	private static final long CLOSE_TIMEOUT_SECONDS = 10;

	private final Path file;

	private final BufferedWriter writer;

	private final ExecutorService thread = Executors.newSingleThreadExecutor((task) -> {
		Thread writerThread = new Thread(task, "s2-embedded-recorder");
		writerThread.setDaemon(true);
		return writerThread;
	});

	private volatile boolean failed;

	JsonLinesRecorder(Path file) {
		this.file = file;
		try {
			this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			this.thread.shutdown();
			throw new UncheckedIOException("Cannot write the recording to " + file, ex);
		}
	}

	@Override
	public void record(RecordedRequest request) {
		try {
			this.thread.execute(() -> write(request));
		}
		catch (RejectedExecutionException ex) {
			// Closed: requests that arrive while the server stops are not recorded.
		}
	}

	private void write(RecordedRequest request) {
		if (this.failed) {
			return;
		}
		try {
			this.writer.write(new String(Json.write(RequestJson.of(request)), StandardCharsets.UTF_8));
			this.writer.newLine();
			this.writer.flush();
		}
		catch (IOException ex) {
			this.failed = true;
			System.err.println("s2-embedded: recording to " + this.file + " stopped: " + ex.getMessage());
		}
	}

	@Override
	public void close() {
		this.thread.shutdown();
		try {
			this.thread.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try {
			this.writer.close();
		}
		catch (IOException ex) {
			System.err.println("s2-embedded: closing the recording " + this.file + " failed: " + ex.getMessage());
		}
	}

}

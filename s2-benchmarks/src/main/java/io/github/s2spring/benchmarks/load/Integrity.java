package io.github.s2spring.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import s2.v1.SequencedRecord;

import io.github.s2spring.benchmarks.raw.RawConnection;
import io.github.s2spring.benchmarks.raw.RawReadSession;

/**
 * Reads a stream back after a scenario and checks that it holds records {@code 0..n-1},
 * each exactly once and in order, at sequence numbers {@code 0..n-1}.
 */
final class Integrity {

	private Integrity() {
	}

	/**
	 * Verifies a stream.
	 * @param baseUrl the server's base URL
	 * @param basin the basin
	 * @param stream the stream
	 * @param expected the number of records the driver reported as acknowledged
	 * @return the number of records verified, equal to {@code expected}
	 * @throws Exception if the stream holds anything else
	 */
	private static final Pattern TAIL = Pattern.compile("\"seq_num\"\\s*:\\s*(\\d+)");

	static long tail(URI baseUrl, String basin, String stream) throws IOException, InterruptedException {
		HttpResponse<String> response = BenchServer.HTTP
			.send(HttpRequest.newBuilder(URI.create(baseUrl + "/streams/" + stream + "/records/tail"))
				.header("s2-basin", basin)
				.header("authorization", "Bearer bench")
				.build(), HttpResponse.BodyHandlers.ofString());
		Matcher matcher = TAIL.matcher(response.body());
		if (response.statusCode() != 200 || !matcher.find()) {
			throw new IOException(
					"check tail of " + stream + " failed: " + response.statusCode() + " " + response.body());
		}
		return Long.parseLong(matcher.group(1));
	}

	static long verify(URI baseUrl, String basin, String stream, long expected) throws Exception {
		AtomicLong next = new AtomicLong();
		AtomicReference<String> problem = new AtomicReference<>();
		CountDownLatch done = new CountDownLatch(1);
		try (RawConnection connection = RawConnection.open(baseUrl, basin);
				RawReadSession reader = new RawReadSession(connection, stream, "seq_num=0&count=" + expected,
						(batch) -> {
							for (SequencedRecord record : batch.getRecordsList()) {
								long at = next.getAndIncrement();
								if (record.getSeqNum() != at || Records.index(record.getBody()) != at) {
									problem.compareAndSet(null, "record " + at + " has seq num " + record.getSeqNum()
											+ " and index " + Records.index(record.getBody()));
								}
							}
							if (next.get() >= expected) {
								done.countDown();
							}
						})) {
			if (expected > 0 && !done.await(120, TimeUnit.SECONDS)) {
				throw new IllegalStateException("integrity: read " + next.get() + " of " + expected + " records of "
						+ stream + ", " + reader.ended());
			}
		}
		if (problem.get() != null) {
			throw new IllegalStateException("integrity of " + stream + ": " + problem.get());
		}
		long tail = tail(baseUrl, basin, stream);
		if (tail != expected) {
			throw new IllegalStateException(
					"integrity of " + stream + ": tail is " + tail + " but " + expected + " records were acknowledged");
		}
		return next.get();
	}

}

package io.github.s2spring.benchmarks.load;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.PooledByteBufAllocator;

import io.github.s2spring.benchmarks.raw.RawAppendSession;
import io.github.s2spring.benchmarks.raw.RawConnection;
import io.github.s2spring.protocol.s2s.Compression;
import io.github.s2spring.protocol.s2s.S2sFrame;
import io.github.s2spring.protocol.s2s.S2sFrameEncoder;

/**
 * Fills a stream with an exact number of records before a read scenario.
 */
final class Fill {

	private Fill() {
	}

	/**
	 * Appends records {@code 0..count-1}.
	 * @param baseUrl the server's base URL
	 * @param basin the basin
	 * @param stream the stream
	 * @param count how many records
	 * @param workload record size and batch size
	 * @return the number of records appended
	 * @throws Exception if an append fails
	 */
	static long records(URI baseUrl, String basin, String stream, int count, Workload workload) throws Exception {
		S2sFrameEncoder encoder = new S2sFrameEncoder(Compression.NONE);
		try (RawConnection connection = RawConnection.open(baseUrl, basin);
				RawAppendSession session = new RawAppendSession(connection, stream, 8 * 1024 * 1024)) {
			CompletableFuture<Long> last = CompletableFuture.completedFuture(0L);
			for (int first = 0; first < count; first += workload.batchRecords()) {
				int size = Math.min(workload.batchRecords(), count - first);
				last = session.submit(encoder.encode(S2sFrame.of(Records.batch(first, size, 0, workload.recordBytes())),
						PooledByteBufAllocator.DEFAULT));
			}
			last.get(120, TimeUnit.SECONDS);
		}
		return count;
	}

}

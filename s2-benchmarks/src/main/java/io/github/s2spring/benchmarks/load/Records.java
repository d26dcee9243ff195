package io.github.s2spring.benchmarks.load;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;

import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendBatchBuilder;

/**
 * The records every driver writes: record {@code i}'s body starts with {@code i} (8
 * bytes, big-endian) and, in latency scenarios, the send time in nanoseconds.
 */
public final class Records {

	private static final Map<Integer, byte[]> FILLERS = new ConcurrentHashMap<>();

	private Records() {
	}

	/**
	 * A body of {@code bytes} bytes starting with {@code index} and {@code nanos}.
	 * @param index the record's index in the scenario
	 * @param nanos a {@link System#nanoTime()} stamp, or 0
	 * @param bytes the body size, at least 16
	 * @return the body
	 */
	public static byte[] body(long index, long nanos, int bytes) {
		return stamp(Arrays.copyOf(filler(Math.max(16, bytes)), Math.max(16, bytes)), index, nanos);
	}

	/**
	 * Rewrites the index and send time a body starts with, in place.
	 * @param body a body of at least 16 bytes
	 * @param index the record's index in the scenario
	 * @param nanos a {@link System#nanoTime()} stamp, or 0
	 * @return the body
	 */
	public static byte[] stamp(byte[] body, long index, long nanos) {
		ByteBuffer.wrap(body).putLong(index).putLong(nanos);
		return body;
	}

	private static byte[] filler(int bytes) {
		byte[] filler = FILLERS.get(bytes);
		if (filler == null) {
			filler = new byte[bytes];
			for (int i = 0; i < bytes; i++) {
				filler[i] = (byte) ('a' + (i % 26));
			}
			FILLERS.put(bytes, filler);
		}
		return filler;
	}

	/**
	 * The index a body starts with.
	 * @param body the body
	 * @return the index
	 */
	public static long index(ByteString body) {
		ByteBuffer buffer = body.asReadOnlyByteBuffer();
		return buffer.getLong(buffer.position());
	}

	/**
	 * The send time a body carries.
	 * @param body the body
	 * @return the {@link System#nanoTime()} stamp
	 */
	public static long nanos(ByteString body) {
		return nanos(body.asReadOnlyByteBuffer());
	}

	/**
	 * The send time a body carries.
	 * @param body the body, from its position
	 * @return the {@link System#nanoTime()} stamp
	 */
	public static long nanos(ByteBuffer body) {
		return body.getLong(body.position() + 8);
	}

	/**
	 * A batch of consecutive records.
	 * @param firstIndex the index of the first record
	 * @param count the number of records
	 * @param nanos the send time stamp for every record
	 * @param bytes the body size
	 * @return the batch
	 */
	/**
	 * A batch of consecutive records, for the SDK.
	 * @param firstIndex the index of the first record
	 * @param count the number of records
	 * @param nanos the send time stamp for every record
	 * @param bytes the body size
	 * @return the batch
	 */
	public static AppendBatch appendBatch(long firstIndex, int count, long nanos, int bytes) {
		AppendBatchBuilder builder = AppendBatch.builder();
		for (int i = 0; i < count; i++) {
			builder.add(body(firstIndex + i, nanos, bytes));
		}
		return builder.build();
	}

	/**
	 * A batch of consecutive records, as protobuf.
	 * @param firstIndex the index of the first record
	 * @param count the number of records
	 * @param nanos the send time stamp for every record
	 * @param bytes the body size
	 * @return the batch
	 */
	public static AppendInput batch(long firstIndex, int count, long nanos, int bytes) {
		AppendInput.Builder builder = AppendInput.newBuilder();
		for (int i = 0; i < count; i++) {
			builder.addRecords(AppendRecord.newBuilder()
				.setBody(UnsafeByteOperations.unsafeWrap(body(firstIndex + i, nanos, bytes))));
		}
		return builder.build();
	}

}

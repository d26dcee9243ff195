package io.github.s2spring.benchmarks.load;

import java.util.function.IntSupplier;

import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * One way of talking to S2 under test: the Java SDK, the raw reference or the TypeScript
 * SDK. Every method runs one scenario on a stream of its own and reports what it
 * measured.
 */
public interface Driver extends AutoCloseable {

	/**
	 * The column of this driver in the report.
	 * @return {@code java}, {@code raw} or {@code ts}
	 */
	String name();

	/**
	 * Appends batches through one append session, pipelined, for the workload's duration.
	 * Record {@code i}'s body starts with {@code i} as 8 big-endian bytes so that the
	 * harness can check the stream afterwards.
	 * @param stream the stream
	 * @param workload the workload
	 * @return records and bytes appended and the time until the last ack
	 * @throws Exception if the scenario fails
	 */
	Throughput appendThroughput(String stream, Workload workload) throws Exception;

	/**
	 * Appends one batch at a time at the workload's fixed rate and records each ack
	 * latency.
	 * @param stream the stream
	 * @param workload the workload
	 * @return ack latencies in microseconds
	 * @throws Exception if the scenario fails
	 */
	Histogram ackLatency(String stream, Workload workload) throws Exception;

	/**
	 * Tails the stream with a read session while appending at a fixed rate, and records
	 * the time from append to delivery.
	 * @param stream the stream
	 * @param workload the workload
	 * @return delivery latencies in microseconds
	 * @throws Exception if the scenario fails
	 */
	Histogram endToEndLatency(String stream, Workload workload) throws Exception;

	/**
	 * Reads {@code records} records of a stream that already holds them, from the
	 * beginning, through one read session.
	 * @param stream the stream
	 * @param records how many records to read
	 * @return records and bytes read and the time taken
	 * @throws Exception if the scenario fails
	 */
	Throughput catchUpRead(String stream, int records) throws Exception;

	/**
	 * Opens an append session and a read session on each stream, appends one record
	 * through each and waits until every read session received it, then measures what is
	 * held.
	 * @param streamPrefix prefix of the stream names
	 * @param workload the workload
	 * @param connections counts every TCP connection the server holds (-1 if unknown);
	 * the driver reports how many it added
	 * @return the cost of holding the sessions
	 * @throws Exception if the scenario fails
	 */
	ScaleResult scale(String streamPrefix, Workload workload, IntSupplier connections) throws Exception;

	/**
	 * Writes one message of the workload's size through the patterns writer and reads it
	 * back through the patterns reader.
	 * @param stream the stream
	 * @param workload the workload
	 * @return the message bytes and the time from the first write to the reassembled
	 * message, or {@code null} if this driver has no patterns layer
	 * @throws Exception if the scenario fails
	 */
	@Nullable Throughput patternsRoundTrip(String stream, Workload workload) throws Exception;

	/**
	 * Releases what the driver holds.
	 */
	@Override
	void close();

}

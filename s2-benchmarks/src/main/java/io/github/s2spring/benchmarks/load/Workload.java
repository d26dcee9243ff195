package io.github.s2spring.benchmarks.load;

import java.time.Duration;

/**
 * The shape of the load every driver applies, so that the three columns of a row measure
 * the same work.
 *
 * @param recordBytes body size of each record
 * @param batchRecords records per append batch
 * @param duration how long a timed scenario runs
 * @param ratePerSecond batches per second in the fixed-rate latency scenarios
 * @param catchUpRecords records read back in the catch-up scenario
 * @param streams streams held open in the scale scenario
 * @param messageBytes size of the one message of the patterns scenario
 * @param messageRate messages per second in the listener latency scenario
 * @param messageDuration how long the listener latency scenario is measured, after a
 * warm-up of half that
 * @param sendWindow sends the template throughput scenario keeps outstanding, which is
 * also the bound of its appender's queue
 */
public record Workload(int recordBytes, int batchRecords, Duration duration, int ratePerSecond, int catchUpRecords,
		int streams, int messageBytes, int messageRate, Duration messageDuration, int sendWindow) {

	/**
	 * The workload of {@code --quick}: every scenario briefly.
	 * @return the workload
	 */
	public static Workload quick() {
		return new Workload(1024, 1000, Duration.ofSeconds(5), 100, 100_000, 1000, 100 * 1024 * 1024, 2000,
				Duration.ofSeconds(3), 5000);
	}

	/**
	 * The full workload: durations long enough for stable numbers.
	 * @return the workload
	 */
	public static Workload full() {
		return new Workload(1024, 1000, Duration.ofSeconds(30), 100, 1_000_000, 10_000, 100 * 1024 * 1024, 2000,
				Duration.ofSeconds(10), 5000);
	}

	/**
	 * A tiny workload for the smoke test.
	 * @return the workload
	 */
	public static Workload smoke() {
		return new Workload(256, 50, Duration.ofMillis(600), 50, 2_000, 20, 3 * 1024 * 1024, 200,
				Duration.ofMillis(500), 200);
	}

	/**
	 * Metered bytes of one record of this workload (no headers).
	 * @return the metered size
	 */
	public long recordMeteredBytes() {
		return 8L + this.recordBytes;
	}

	/**
	 * This workload with another duration.
	 * @param newDuration the duration of each timed scenario
	 * @return the workload
	 */
	public Workload withDuration(Duration newDuration) {
		return new Workload(this.recordBytes, this.batchRecords, newDuration, this.ratePerSecond, this.catchUpRecords,
				this.streams, this.messageBytes, this.messageRate, this.messageDuration, this.sendWindow);
	}

	/**
	 * This workload with another number of streams in the scale scenario.
	 * @param newStreams the number of streams
	 * @return the workload
	 */
	public Workload withStreams(int newStreams) {
		return new Workload(this.recordBytes, this.batchRecords, this.duration, this.ratePerSecond, this.catchUpRecords,
				newStreams, this.messageBytes, this.messageRate, this.messageDuration, this.sendWindow);
	}

	/**
	 * This workload with another rate and measured duration of the listener latency
	 * scenario.
	 * @param newRate messages per second
	 * @param newDuration the measured duration
	 * @return the workload
	 */
	public Workload withMessages(int newRate, Duration newDuration) {
		return new Workload(this.recordBytes, this.batchRecords, this.duration, this.ratePerSecond, this.catchUpRecords,
				this.streams, this.messageBytes, newRate, newDuration, this.sendWindow);
	}

	/**
	 * This workload with another window of outstanding template sends.
	 * @param newSendWindow the window, at least 1
	 * @return the workload
	 */
	public Workload withSendWindow(int newSendWindow) {
		return new Workload(this.recordBytes, this.batchRecords, this.duration, this.ratePerSecond, this.catchUpRecords,
				this.streams, this.messageBytes, this.messageRate, this.messageDuration, Math.max(1, newSendWindow));
	}

	/**
	 * The fixed-rate loop of the listener latency scenario as a latency workload: one
	 * message (or one record) per slot, {@link #messageRate()} slots per second, for
	 * {@link #messageDuration()}.
	 * @return the workload whose {@link #ratePerSecond()} and {@link #duration()} are
	 * those of the listener scenario
	 */
	public Workload listenerLoop() {
		return new Workload(this.recordBytes, 1, this.messageDuration, this.messageRate, this.catchUpRecords,
				this.streams, this.messageBytes, this.messageRate, this.messageDuration, this.sendWindow);
	}

	/**
	 * The unmeasured warm-up of the listener latency scenario: the same loop for half the
	 * measured duration.
	 * @return the warm-up workload
	 */
	public Workload listenerWarmUp() {
		return listenerLoop().withDuration(this.messageDuration.dividedBy(2));
	}

	/**
	 * How many interleaved rounds the throughput scenario is split into: rounds of about
	 * five seconds, and at least two, so that no column runs only at the start or only at
	 * the end.
	 * @return the number of rounds
	 */
	public int throughputRounds() {
		return (int) Math.max(2, this.duration.toSeconds() / 5);
	}

	/**
	 * How many unmeasured rounds of the throughput scenario warm every driver up: a third
	 * of the measured rounds, at least one.
	 * @return the number of rounds
	 */
	public int warmUpRounds() {
		return Math.max(1, throughputRounds() / 3);
	}

	/**
	 * The most unmeasured rounds a scenario that warms up until it settles may run: four
	 * times {@link #warmUpRounds()}.
	 * @return the number of rounds
	 */
	public int maxWarmUpRounds() {
		return 4 * warmUpRounds();
	}

}

package io.github.s2spring.benchmarks.load;

/**
 * Bytes and records moved in some time.
 *
 * @param records records appended or read
 * @param bodyBytes body bytes of those records
 * @param nanos elapsed time
 */
public record Throughput(long records, long bodyBytes, long nanos) {

	/**
	 * Body throughput in MiB/s.
	 * @return MiB per second
	 */
	public double mibPerSecond() {
		return (this.nanos == 0) ? 0 : (this.bodyBytes / (1024.0 * 1024.0)) / (this.nanos / 1e9);
	}

	/**
	 * Records per second.
	 * @return records per second
	 */
	public double recordsPerSecond() {
		return (this.nanos == 0) ? 0 : this.records / (this.nanos / 1e9);
	}

}

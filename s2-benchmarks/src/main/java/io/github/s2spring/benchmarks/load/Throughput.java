package io.github.s2spring.benchmarks.load;

/**
 * Bytes and records moved in some time, and the CPU time it took.
 *
 * @param records records appended or read
 * @param bodyBytes body bytes of those records
 * @param nanos elapsed time
 * @param cpuNanos CPU time: what the driver reports it used outside this JVM, until
 * {@link #withCpu} adds what this JVM (the Java drivers and the in-process server) used
 */
public record Throughput(long records, long bodyBytes, long nanos, long cpuNanos) {

	/**
	 * A measurement whose CPU time is all spent in this JVM.
	 * @param records records appended or read
	 * @param bodyBytes body bytes of those records
	 * @param nanos elapsed time
	 */
	public Throughput(long records, long bodyBytes, long nanos) {
		this(records, bodyBytes, nanos, 0);
	}

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

	/**
	 * CPU seconds spent per GiB of bodies.
	 * @return CPU seconds per GiB
	 */
	public double cpuSecondsPerGib() {
		return (this.bodyBytes == 0) ? 0 : (this.cpuNanos / 1e9) / (this.bodyBytes / (1024.0 * 1024.0 * 1024.0));
	}

	/**
	 * This measurement with more CPU time added.
	 * @param moreCpuNanos CPU time used in this JVM while it was taken
	 * @return the measurement
	 */
	public Throughput withCpu(long moreCpuNanos) {
		return new Throughput(this.records, this.bodyBytes, this.nanos, this.cpuNanos + moreCpuNanos);
	}

	/**
	 * The sum of two measurements taken one after the other.
	 * @param other the other measurement
	 * @return records, bytes, time and CPU time added up
	 */
	public Throughput plus(Throughput other) {
		return new Throughput(this.records + other.records, this.bodyBytes + other.bodyBytes, this.nanos + other.nanos,
				this.cpuNanos + other.cpuNanos);
	}

}

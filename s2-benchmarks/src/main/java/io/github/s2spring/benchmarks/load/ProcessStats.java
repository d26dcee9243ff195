package io.github.s2spring.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * What the current JVM holds.
 */
final class ProcessStats {

	private ProcessStats() {
	}

	/**
	 * Heap in use after a full GC, in MiB.
	 * @return the heap in MiB
	 */
	static double heapAfterGcMib() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
	}

	/**
	 * CPU time this JVM has used so far, all threads, or 0 where the platform does not
	 * report it.
	 * @return CPU nanoseconds
	 */
	static long cpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return Math.max(0, os.getProcessCpuTime());
		}
		return 0;
	}

}

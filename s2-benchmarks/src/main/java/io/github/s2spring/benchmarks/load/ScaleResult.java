package io.github.s2spring.benchmarks.load;

/**
 * What holding many sessions open cost a driver.
 *
 * @param streams streams each holding an append session and a read session
 * @param connections TCP connections the server had accepted while the sessions were
 * open, or -1 if they could not be counted
 * @param heapMib heap in use after a GC, in MiB
 * @param threads live threads of the process
 * @param echoed records appended through every session and received by every read session
 */
public record ScaleResult(int streams, int connections, double heapMib, int threads, long echoed) {
}

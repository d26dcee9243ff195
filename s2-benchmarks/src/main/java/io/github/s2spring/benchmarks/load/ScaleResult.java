package io.github.s2spring.benchmarks.load;

/**
 * What holding many sessions open cost a driver.
 *
 * @param streams streams each holding an append session and a read session
 * @param connections TCP connections the server had accepted while the sessions were
 * open, or -1 if they could not be counted
 * @param heapMib heap the sessions hold: in-process drivers report the growth of the heap
 * in use after a GC (the server shares their JVM), the TypeScript driver the growth of
 * its V8 heap
 * @param threads live threads of the process, or 0 where not measured
 * @param echoed records appended through every session and received by every read session
 */
public record ScaleResult(int streams, int connections, double heapMib, int threads, long echoed) {
}

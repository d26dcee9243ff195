package io.github.s2spring.client;

import java.util.List;

/**
 * A snapshot of what an {@link S2Client} holds open, for tests, benchmarks and health
 * checks.
 *
 * @param connections the open data-plane connections (HTTP/2), by origin
 * @param openSessions the append and read sessions created and neither closed nor ended
 */
public record ClientStats(List<Connection> connections, int openSessions) {

	/**
	 * Creates a snapshot; the list is copied.
	 * @param connections the connections
	 * @param openSessions the number of open sessions
	 */
	public ClientStats {
		connections = List.copyOf(connections);
	}

	/**
	 * The number of open connections.
	 * @return the count
	 */
	public int connectionCount() {
		return this.connections.size();
	}

	/**
	 * The open connections to one origin.
	 * @param origin scheme, host and port, such as {@code http://127.0.0.1:4243}
	 * @return the connections
	 */
	public List<Connection> connectionsTo(String origin) {
		return this.connections.stream().filter((connection) -> connection.origin().equals(origin)).toList();
	}

	/**
	 * One open HTTP/2 connection.
	 *
	 * @param origin scheme, host and port
	 * @param activeStreams the HTTP/2 streams open on it (sessions and unary calls)
	 * @param streamLimit how many streams it may carry now: the smaller of the configured
	 * cap and the server's {@code SETTINGS_MAX_CONCURRENT_STREAMS}
	 * ({@link Integer#MAX_VALUE} if neither sets one)
	 */
	public record Connection(String origin, int activeStreams, int streamLimit) {
	}

}

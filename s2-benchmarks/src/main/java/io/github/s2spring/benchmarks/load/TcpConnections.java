package io.github.s2spring.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Counts the established TCP connections whose local port is the server's port, from the
 * kernel's socket tables: the connections as the server sees them, whatever process holds
 * them. Linux only.
 */
final class TcpConnections {

	private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

	private static final String ESTABLISHED = "01";

	private TcpConnections() {
	}

	/**
	 * Whether the socket tables can be read on this machine.
	 * @return whether counting works
	 */
	static boolean supported() {
		return Files.isReadable(TABLES.get(0));
	}

	/**
	 * Counts established connections accepted on a local port.
	 * @param port the server's port
	 * @return the number of connections
	 */
	static int acceptedOn(int port) {
		String hexPort = String.format(":%04X", port);
		int count = 0;
		for (Path table : TABLES) {
			try {
				for (String line : Files.readAllLines(table)) {
					String[] fields = line.trim().split("\\s+");
					if (fields.length > 3 && fields[1].endsWith(hexPort) && fields[3].equals(ESTABLISHED)) {
						count++;
					}
				}
			}
			catch (IOException ex) {
				// a missing table (no IPv6) counts as no connections
			}
		}
		return count;
	}

}

package io.github.s2spring.client.restart;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions across a graceful restart of an embedded server in this JVM (same port, same
 * data directory).
 */
class GracefulRestartTests {

	@TempDir
	Path dataDir;

	@Test
	void readAndAppendSessionsCarryOnAcrossAGracefulRestartWithNothingLostOrRepeated() throws Exception {
		try (RestartableServer server = RestartableServer.start(this.dataDir)) {
			RestartScenario.run(server.baseUrl(), server::restart, true);
		}
	}

}

package io.github.s2spring.client.restart;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions across a crash: the server runs in a child JVM that is killed with SIGKILL and
 * started again on the same port and data directory.
 */
class KillNineTests {

	@TempDir
	Path dir;

	@Test
	void everyAcknowledgedRecordIsReadOnceInOrderAcrossAKillNine() throws Exception {
		try (ServerProcess server = new ServerProcess(this.dir)) {
			RestartScenario.run(server.baseUrl(), () -> {
				server.kill();
				server.start();
			}, false);
		}
	}

}

package io.github.s2spring.client.control;

import org.junit.jupiter.api.AfterEach;

import io.github.s2spring.client.S2Client;

/**
 * Base of the control-plane tests that script a {@link TestHttpServer}: every test gets a
 * fresh server and a client with quick retries pointed at it, both closed after the test.
 */
abstract class ScriptedServerTests {

	final TestHttpServer server = TestHttpServer.start();

	final S2Client client = ControlTestSupport.client(this.server.endpoint());

	@AfterEach
	void closeClientAndServer() {
		this.client.close();
		this.server.close();
	}

}

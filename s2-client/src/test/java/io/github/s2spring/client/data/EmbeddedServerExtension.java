package io.github.s2spring.client.data;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.TestServers;
import io.github.s2spring.embedded.S2EmbeddedServer;

/**
 * One embedded server and one client for all tests of a class: started before the first
 * test, closed after the last. Register it on a static field.
 */
final class EmbeddedServerExtension implements BeforeAllCallback, AfterAllCallback {

	private S2EmbeddedServer server;

	private S2Client client;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.server = TestServers.start();
		this.client = S2Client.create(TestServers.config(this.server.baseUrl()).build());
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.client.close();
		this.server.close();
	}

	S2EmbeddedServer server() {
		return this.server;
	}

	S2Client client() {
		return this.client;
	}

	/**
	 * A stream of {@link TestServers#BASIN}.
	 * @param name the stream name
	 * @return the stream
	 */
	S2Stream stream(String name) {
		return this.client.basin(TestServers.BASIN).stream(name);
	}

}

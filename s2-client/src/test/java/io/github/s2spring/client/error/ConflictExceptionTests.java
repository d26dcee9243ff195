package io.github.s2spring.client.error;

import org.junit.jupiter.api.Test;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.TestServers;
import io.github.s2spring.client.control.model.BasinConfig;
import io.github.s2spring.client.control.model.CreateBasinRequest;
import io.github.s2spring.embedded.S2EmbeddedServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * HTTP 409 answers become a {@link ConflictException} that says which conflict it was.
 */
class ConflictExceptionTests {

	@Test
	void everyConflictCodeIsTyped() {
		ConflictException exists = (ConflictException) S2Exception.fromResponse(409,
				"{\"code\":\"resource_already_exists\",\"message\":\"exists\"}");
		ConflictException pending = (ConflictException) S2Exception.fromResponse(409,
				"{\"code\":\"stream_deletion_pending\",\"message\":\"being deleted\"}");
		ConflictException transaction = (ConflictException) S2Exception.fromResponse(409,
				"{\"code\":\"transaction_conflict\",\"message\":\"again\"}");

		assertThat(exists.isAlreadyExists()).isTrue();
		assertThat(exists.isDeletionPending()).isFalse();
		assertThat(exists.retryable()).isFalse();
		assertThat(pending.isDeletionPending()).isTrue();
		assertThat(pending.isAlreadyExists()).isFalse();
		assertThat(transaction.retryable()).isTrue();
		assertThat(transaction.noSideEffects()).isTrue();
		assertThat(transaction.status()).isEqualTo(409);
	}

	@Test
	void theEmbeddedServersConflictArrivesTyped() {
		try (S2EmbeddedServer server = TestServers.start();
				S2Client client = S2Client.create(TestServers.config(server.baseUrl()).build())) {
			client.basins().create(CreateBasinRequest.of("conflict-basin"));

			assertThatExceptionOfType(ConflictException.class)
				.isThrownBy(() -> client.basins()
					.create(CreateBasinRequest.of("conflict-basin")
						.withConfig(BasinConfig.builder().createStreamOnRead(true).build())))
				.satisfies((ex) -> assertThat(ex.isAlreadyExists()).isTrue());
		}
	}

}

package io.github.s2spring.client;

import org.junit.jupiter.api.Test;

import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.error.TransportException;
import io.github.s2spring.client.error.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class S2ClientTests {

	@Test
	void basinNamesAreValidatedBeforeAnyRequest() {
		try (S2Client client = S2Client.create(S2ClientConfig.builder("t").build())) {
			assertThat(client.basin("my-basin-1").name()).isEqualTo("my-basin-1");
			assertThat(client.basin("my-basin-1").client()).isSameAs(client);
			assertThat(client.basin("my-basin-1").toString()).contains("my-basin-1");
			assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> client.basin("Bad_Basin"))
				.withMessageContaining("Bad_Basin");
		}
	}

	@Test
	void aClosedClientRefusesWork() {
		S2Client client = S2Client.create(S2ClientConfig.builder("t").build());
		assertThat(client.toString()).contains("a.s2.dev");
		assertThat(client.config().accessToken()).isEqualTo("t");
		client.close();
		client.close();
		assertThat(client.isClosed()).isTrue();
		assertThatExceptionOfType(TransportException.class).isThrownBy(() -> client.basin("my-basin-1"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(TransportException.CLOSED));
	}

}

package io.github.s2spring.core;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import io.github.s2spring.client.error.NotFoundException;
import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.control.model.BasinConfig;
import io.github.s2spring.client.control.model.BasinInfo;
import io.github.s2spring.client.control.model.RetentionPolicy;
import io.github.s2spring.client.control.model.StreamConfig;
import io.github.s2spring.client.control.model.StreamInfo;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.junit.S2EmbeddedExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Declared basins and streams exist, with their configuration, once the context started.
 */
@ExtendWith(S2EmbeddedExtension.class)
class S2AdminIntegrationTests {

	private S2Client client;

	@BeforeEach
	void connect(S2EmbeddedServer server) {
		this.client = S2Client.create(S2ClientConfig.builder("").endpoints(server.baseUrl(), server.baseUrl()).build());
	}

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void declaredBasinsAndStreamsAreCreatedAtStartup() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.registerBean(S2Admin.class, () -> new S2Admin(this.client, "admin-basin-1"));
			context.registerBean("stream", S2StreamDeclaration.class, () -> S2StreamDeclaration.of("orders")
				.withConfig(StreamConfig.builder().retentionPolicy(RetentionPolicy.age(Duration.ofDays(3))).build()));
			context.registerBean("otherStream", S2StreamDeclaration.class,
					() -> S2StreamDeclaration.of("audit").inBasin("admin-basin-2"));
			context.registerBean("basin1", S2BasinDeclaration.class, () -> S2BasinDeclaration.of("admin-basin-1")
				.withConfig(BasinConfig.builder().createStreamOnAppend(true).build()));
			context.registerBean("basin2", S2BasinDeclaration.class, () -> S2BasinDeclaration.of("admin-basin-2"));
			context.refresh();
		}
		assertThat(this.client.basins().list()).extracting(BasinInfo::name)
			.containsExactly("admin-basin-1", "admin-basin-2");
		assertThat(this.client.basins().getConfig("admin-basin-1").createStreamOnAppend()).isTrue();
		assertThat(this.client.basin("admin-basin-1").streams().list()).extracting(StreamInfo::name)
			.containsExactly("orders");
		assertThat(this.client.basin("admin-basin-1").streams().getConfig("orders").retentionPolicy())
			.isEqualTo(RetentionPolicy.age(Duration.ofDays(3)));
		assertThat(this.client.basin("admin-basin-2").streams().list()).extracting(StreamInfo::name)
			.containsExactly("audit");
	}

	@Test
	void declaringTwiceLeavesOneStream() {
		S2Admin admin = new S2Admin(this.client, "twice-basin");
		admin.declare(S2BasinDeclaration.of("twice-basin"), S2StreamDeclaration.of("s"));
		admin.declare(S2BasinDeclaration.of("twice-basin"), S2StreamDeclaration.of("s"));
		assertThat(this.client.basin("twice-basin").streams().list()).extracting(StreamInfo::name).containsExactly("s");
	}

	@Test
	void streamOfAMissingBasinFailsWithTheS2Error() {
		S2Admin admin = new S2Admin(this.client, "missing-basin");
		assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> admin.declare(S2StreamDeclaration.of("s")));
	}

	@Test
	void streamWithoutBasinNeedsADefaultBasin() {
		S2Admin admin = new S2Admin(this.client, null);
		assertThatIllegalArgumentException().isThrownBy(() -> admin.declare(S2StreamDeclaration.of("orders")))
			.withMessage("S2 stream 'orders' is declared without a basin and no default basin is set (s2.basin)");
		assertThatIllegalArgumentException().isThrownBy(() -> admin.declare("orders"))
			.withMessage("Not an S2 declaration: orders");
	}

}

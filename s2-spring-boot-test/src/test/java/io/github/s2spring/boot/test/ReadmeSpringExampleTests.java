package io.github.s2spring.boot.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.s2spring.client.control.model.RetentionPolicy;
import io.github.s2spring.client.control.model.StreamConfig;
import io.github.s2spring.core.S2ReceivedMessage;
import io.github.s2spring.core.S2SendResult;
import io.github.s2spring.core.S2StreamDeclaration;
import io.github.s2spring.core.S2Subscription;
import io.github.s2spring.core.S2Template;
import io.github.s2spring.support.S2StartPosition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Spring Boot examples of the README, run against an embedded S2.
 */
@SpringBootTest(classes = ReadmeSpringExampleTests.Application.class)
@EmbeddedS2(basin = "orders-basin")
class ReadmeSpringExampleTests {

	@Autowired
	S2Template template;

	@Test
	void templateExamplesWork() {
		S2SendResult placed = this.template.send("orders", new Order("o-1", 42)).join();
		assertThat(placed.seqNum()).isZero();
		this.template.send("orders", new Order("o-2", 7), Map.of("tenant", "acme")).join();
		this.template.newMessage(new Order("o-3", 1)).toStream("orders").matchSeqNum(2).send().join();
		this.template.sendBatch("orders", List.of(new Order("o-4", 4), new Order("o-5", 5))).join();
		this.template.flush().join();
		List<S2ReceivedMessage<Order>> history = this.template.read("orders", Order.class, S2StartPosition.beginning(),
				100);
		assertThat(history).extracting(S2ReceivedMessage::payload)
			.extracting(Order::id)
			.containsExactly("o-1", "o-2", "o-3", "o-4", "o-5");
		assertThat(history.get(1).metadata().headers()).containsEntry("tenant", "acme");
		List<Order> live = new CopyOnWriteArrayList<>();
		S2Subscription subscription = this.template.listen("orders", Order.class, S2StartPosition.tail(),
				(order, meta) -> live.add(order));
		try {
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				CompletableFuture<S2SendResult> sent = this.template.send("orders", new Order("o-live", 0));
				sent.join();
				assertThat(live).isNotEmpty();
			});
			assertThat(live).allSatisfy((order) -> assertThat(order.id()).isEqualTo("o-live"));
		}
		finally {
			subscription.stop();
		}
		assertThat(this.template.getClient().basin("orders-basin").streams().getConfig("orders").retentionPolicy())
			.isEqualTo(RetentionPolicy.age(Duration.ofDays(30)));
	}

	record Order(String id, int amount) {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

		@Bean
		S2StreamDeclaration orders() {
			return S2StreamDeclaration.of("orders")
				.withConfig(StreamConfig.builder().retentionPolicy(RetentionPolicy.age(Duration.ofDays(30))).build());
		}

	}

}

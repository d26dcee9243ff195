package io.github.s2spring.listener;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.util.backoff.FixedBackOff;

import io.github.s2spring.core.S2ReceivedMessage;
import io.github.s2spring.listener.S2ErrorHandler.Action;
import io.github.s2spring.listener.S2ErrorHandler.Decision;
import io.github.s2spring.support.S2ConversionException;
import io.github.s2spring.support.S2RecordMetadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The decisions of {@link DefaultS2ErrorHandler}: retries as the back-off says, then the
 * recoverer or a stop; no retry for what cannot succeed again.
 */
class DefaultS2ErrorHandlerTests {

	private final List<S2FailedDelivery> recovered = new CopyOnWriteArrayList<>();

	@Test
	void retriesAsTheBackOffSaysThenRecovers() {
		DefaultS2ErrorHandler handler = new DefaultS2ErrorHandler(new FixedBackOff(25, 2), this.recovered::add);
		S2FailedDelivery failure = failure(new IllegalStateException("boom"));
		assertThat(handler.handle(failure)).isEqualTo(Decision.retry(Duration.ofMillis(25)));
		failure.failedAgain(new IllegalStateException("boom again"));
		assertThat(handler.handle(failure)).isEqualTo(Decision.retry(Duration.ofMillis(25)));
		failure.failedAgain(new IllegalStateException("still"));
		assertThat(handler.handle(failure).action()).isEqualTo(Action.RECOVERED);
		assertThat(this.recovered).containsExactly(failure);
		assertThat(failure.getAttempts()).isEqualTo(3);
		assertThat(failure.getException()).hasMessage("still");
	}

	@Test
	void defaultsDeliverThreeTimesThenStop() {
		DefaultS2ErrorHandler handler = new DefaultS2ErrorHandler();
		S2FailedDelivery failure = failure(new IllegalStateException("boom"));
		assertThat(handler.handle(failure)).isEqualTo(Decision.retry(Duration.ofSeconds(1)));
		failure.failedAgain(new IllegalStateException("boom"));
		assertThat(handler.handle(failure)).isEqualTo(Decision.retry(Duration.ofSeconds(2)));
		failure.failedAgain(new IllegalStateException("boom"));
		assertThat(handler.handle(failure)).isEqualTo(Decision.stop());
	}

	@Test
	void conversionFailuresAreNeverRetried() {
		DefaultS2ErrorHandler handler = new DefaultS2ErrorHandler(new FixedBackOff(25, 5), this.recovered::add);
		assertThat(handler.handle(failure(new S2ConversionException("bad json", null))))
			.isEqualTo(Decision.recovered());
		assertThat(handler.handle(failure(new RuntimeException(new MessageConversionException("nested")))))
			.isEqualTo(Decision.recovered());
		assertThat(handler.handle(failure(new ClassCastException()))).isEqualTo(Decision.recovered());
		assertThat(new DefaultS2ErrorHandler(new FixedBackOff(25, 5)).handle(failure(new ClassCastException())))
			.isEqualTo(Decision.stop());
	}

	@Test
	void applicationExceptionsCanBeMadeNotRetryable() {
		DefaultS2ErrorHandler handler = new DefaultS2ErrorHandler(new FixedBackOff(25, 5), this.recovered::add);
		handler.addNotRetryableException(UnsupportedOperationException.class);
		assertThat(handler.handle(failure(new UnsupportedOperationException()))).isEqualTo(Decision.recovered());
		assertThat(handler.handle(failure(new IllegalStateException())).action()).isEqualTo(Action.RETRY);
	}

	@Test
	void recovererThatFailsStopsTheContainer() {
		DefaultS2ErrorHandler handler = new DefaultS2ErrorHandler(new FixedBackOff(0, 0), (failure) -> {
			throw new IllegalStateException("dead-letter stream unreachable");
		});
		assertThat(handler.handle(failure(new IllegalStateException("boom")))).isEqualTo(Decision.stop());
	}

	@Test
	void decisionsAndFailedDeliveriesDescribeThemselves() {
		assertThatIllegalArgumentException().isThrownBy(() -> Decision.retry(Duration.ofMillis(-1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new S2FailedDelivery("id", List.of(), new IllegalStateException()));
		S2FailedDelivery failure = failure(new IllegalStateException());
		failure.setState("state");
		assertThat(failure.getState()).isEqualTo("state");
		assertThat(failure.getListenerId()).isEqualTo("orders-listener");
		assertThat(failure.getMessages()).hasSize(1);
		assertThat(failure).hasToString("listener 'orders-listener' on b/orders at seq num 7, attempt 1");
		S2FailedDelivery batch = new S2FailedDelivery("id", List.of(message(1), message(2)), new RuntimeException());
		assertThat(batch.toString()).contains("(2 messages)");
	}

	private static S2FailedDelivery failure(Throwable exception) {
		return new S2FailedDelivery("orders-listener", List.of(message(7)), exception);
	}

	private static S2ReceivedMessage<byte[]> message(long seqNum) {
		return new S2ReceivedMessage<>(new byte[] { 1 },
				new S2RecordMetadata("b", "orders", seqNum, seqNum, 0, Map.of(), null));
	}

}

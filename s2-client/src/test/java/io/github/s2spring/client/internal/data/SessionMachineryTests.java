package io.github.s2spring.client.internal.data;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.github.s2spring.client.data.AppendSessionOptions;
import io.github.s2spring.client.data.ReadSessionOptions;
import io.github.s2spring.client.data.SessionEvent;
import io.github.s2spring.client.data.SessionListener;
import io.github.s2spring.client.data.SessionState;
import io.github.s2spring.client.error.OverloadedException;
import io.github.s2spring.client.error.TransportException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The small parts sessions are made of: the admission bounds, the monitor of phases and
 * events, and the options.
 */
class SessionMachineryTests {

	@Test
	void admissionKeepsWithinItsBoundsAndNumbersEntriesInOrder() {
		List<Long> numbers = new ArrayList<>();
		AppendAdmission<Long> admission = new AppendAdmission<>(100, 3, 1, (bytes) -> bytes,
				(entry, order) -> numbers.add(order));
		assertThat(admission.tryAdmit(60L)).isTrue();
		assertThat(admission.tryAdmit(50L)).isFalse();
		assertThat(admission.admitOrQueue(40L)).isTrue();
		assertThat(admission.admitOrQueue(50L)).isFalse();
		assertThatExceptionOfType(OverloadedException.class).isThrownBy(() -> admission.admitOrQueue(1L));
		assertThat(admission.tryAdmit(0L)).isFalse();
		assertThat(admission.release(60L)).containsExactly(50L);
		assertThat(admission.inflightBatches()).isEqualTo(2);
		assertThat(admission.inflightBytes()).isEqualTo(90);
		assertThat(admission.acknowledged()).isEqualTo(1);
		assertThat(numbers).containsExactly(0L, 1L, 2L);
		assertThat(admission.clear()).isEmpty();
		assertThat(admission.isEmpty()).isTrue();
	}

	@Test
	void aMonitorTellsNothingAfterTheSessionEnded() {
		List<SessionEvent> events = new CopyOnWriteArrayList<>();
		SessionMonitor monitor = new SessionMonitor(Runnable::run, events::add);
		monitor.connecting(1);
		monitor.connected();
		monitor.idle(TransportException.sessionEnded("append session"));
		assertThat(monitor.phase()).isEqualTo(SessionState.Phase.IDLE);
		monitor.connecting(1);
		monitor.connected();
		assertThat(monitor.reconnects()).isEqualTo(1);
		monitor.closed();
		monitor.failed(TransportException.closed("x"));
		monitor.reconnecting(2, Duration.ZERO, TransportException.closed("x"));
		monitor.tellNow(new SessionEvent.Closed());
		assertThat(events).containsExactly(new SessionEvent.Connecting(1), new SessionEvent.Connected(1),
				new SessionEvent.Connecting(1), new SessionEvent.Connected(1), new SessionEvent.Closed());
		assertThat(monitor.phase().isTerminal()).isTrue();
		assertThat(monitor.lastFailure().code()).isEqualTo(TransportException.SESSION_ENDED);
	}

	@Test
	void optionsRefuseValuesOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> AppendSessionOptions.defaults().withMaxQueuedBatches(-1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReadSessionOptions.defaults().withHeartbeatTimeout(Duration.ZERO));
		SessionListener listener = (event) -> {
		};
		AppendSessionOptions append = AppendSessionOptions.defaults()
			.withMaxInflightBytes(2 * 1024 * 1024)
			.withCompletionExecutor(Runnable::run)
			.withListener(listener)
			.withMaxQueuedBatches(0);
		assertThat(append.maxQueuedBatches()).isZero();
		assertThat(append.listener()).isSameAs(listener);
		assertThat(append.withCompletionOnEventLoop().completeOnEventLoop()).isTrue();
		assertThat(append.withCompletionOnEventLoop().completionExecutor()).isNull();
		ReadSessionOptions read = ReadSessionOptions.defaults()
			.withListener(listener)
			.withHeartbeatTimeout(Duration.ofSeconds(1));
		assertThat(read.withDeliveryOnEventLoop().deliverOnEventLoop()).isTrue();
		assertThat(read.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(1));
	}

}

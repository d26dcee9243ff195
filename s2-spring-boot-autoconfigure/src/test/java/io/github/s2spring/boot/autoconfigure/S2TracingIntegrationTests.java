package io.github.s2spring.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import brave.handler.MutableSpan;
import brave.handler.SpanHandler;
import brave.propagation.TraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import io.github.s2spring.annotation.S2Listener;
import io.github.s2spring.core.S2Operations;
import io.github.s2spring.core.S2StreamDeclaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace from {@code template.send} to the {@code @S2Listener} method, with Boot's
 * Brave tracing on the default embedded S2: the sender writes {@code traceparent} into
 * the record's headers and the receiver continues the trace from it.
 */
@SpringBootTest(classes = S2TracingIntegrationTests.App.class,
		properties = { "s2.observation-enabled=true", "management.tracing.sampling.probability=1.0" })
class S2TracingIntegrationTests {

	@Autowired
	private S2Operations template;

	@Autowired
	private Tracer tracer;

	@Autowired
	private Spans spans;

	@Autowired
	private Traced traced;

	@Test
	void theListenersSpanContinuesTheTraceOfTheSend() throws Exception {
		Span parent = this.tracer.nextSpan().name("request").start();
		Tracer.SpanInScope scope = this.tracer.withSpan(parent);
		try {
			this.template.send("traced", "hello").get(10, TimeUnit.SECONDS);
		}
		finally {
			scope.close();
			parent.end();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.traced.seen.size() == 1);
		await().atMost(Duration.ofSeconds(5)).until(() -> span("traced process") != null);

		MutableSpan send = span("traced send");
		MutableSpan process = span("traced process");
		String traceId = parent.context().traceId();
		assertThat(send.traceId()).isEqualTo(traceId);
		assertThat(send.parentId()).isEqualTo(parent.context().spanId());
		assertThat(process.traceId()).isEqualTo(traceId);
		assertThat(process.parentId()).isEqualTo(send.id());
		assertThat(this.traced.seen).containsExactly(new Seen("hello", traceId, process.id()));
		assertThat(send.kind()).isEqualTo(brave.Span.Kind.PRODUCER);
		assertThat(process.kind()).isEqualTo(brave.Span.Kind.CONSUMER);
	}

	private MutableSpan span(String name) {
		return this.spans.finished.stream().filter((span) -> name.equals(span.name())).findFirst().orElse(null);
	}

	record Seen(String message, String traceId, String spanId) {
	}

	static class Spans extends SpanHandler {

		final List<MutableSpan> finished = new CopyOnWriteArrayList<>();

		@Override
		public boolean end(TraceContext context, MutableSpan span, Cause cause) {
			this.finished.add(span);
			return true;
		}

	}

	static class Traced {

		private final Tracer tracer;

		final List<Seen> seen = new CopyOnWriteArrayList<>();

		Traced(Tracer tracer) {
			this.tracer = tracer;
		}

		@S2Listener(id = "traced", value = "traced", from = "beginning")
		void onMessage(String message) {
			Span current = this.tracer.currentSpan();
			this.seen.add(new Seen(message, (current != null) ? current.context().traceId() : "none",
					(current != null) ? current.context().spanId() : "none"));
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		S2StreamDeclaration tracedStream() {
			return S2StreamDeclaration.of("traced");
		}

		@Bean
		Spans spans() {
			return new Spans();
		}

		@Bean
		Traced traced(Tracer tracer) {
			return new Traced(tracer);
		}

	}

}

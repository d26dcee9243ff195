package io.github.s2spring.benchmarks.load;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.config.DefaultS2ListenerContainerFactory;
import io.github.s2spring.core.S2AppenderOptions;
import io.github.s2spring.core.S2AppenderRegistry;
import io.github.s2spring.core.S2OverloadedException;
import io.github.s2spring.core.S2Subscription;
import io.github.s2spring.core.S2Template;
import io.github.s2spring.support.DefaultS2MessageConverter;
import io.github.s2spring.support.S2StartPosition;

/**
 * The Spring layer, built as an application's beans would be but without a context: one
 * {@link S2Client}, an {@link S2Template} on its own appender registry with the default
 * (Jackson) converter, and a {@link DefaultS2ListenerContainerFactory} that starts the
 * template's programmatic listeners. Its column in the report is {@code spring}.
 */
public final class SpringDriver implements AutoCloseable {

	/**
	 * How long an appender stays open without sends: short, because every round writes a
	 * stream of its own and deletes it afterwards.
	 */
	private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(2);

	private final S2Client client;

	private final S2AppenderRegistry appenders;

	private final DefaultS2ListenerContainerFactory listeners;

	private final S2Template template;

	private final String padding;

	/**
	 * Creates the driver.
	 * @param origin the server's origin, without {@code /v1}
	 * @param basin the basin
	 * @param workload the workload: its record size is the JSON size of a message, its
	 * send window the bound of the appenders' queues
	 */
	public SpringDriver(String origin, String basin, Workload workload) {
		this.client = S2Client.create(S2ClientConfig.builder("bench").endpoints(origin, origin).build());
		this.appenders = new S2AppenderRegistry(this.client,
				S2AppenderOptions.defaults().withMaxQueueSize(workload.sendWindow()).withIdleTimeout(IDLE_TIMEOUT));
		DefaultS2MessageConverter converter = new DefaultS2MessageConverter();
		this.listeners = new DefaultS2ListenerContainerFactory(this.client);
		this.listeners.setDefaultBasin(basin);
		this.template = new S2Template(this.client, this.appenders, converter, basin);
		this.template.setSubscriber(this.listeners);
		this.padding = BenchMessage.padding(converter, workload.recordBytes());
	}

	/**
	 * The column of this driver in the report.
	 * @return {@code spring}
	 */
	public String name() {
		return "spring";
	}

	/**
	 * Sends messages with {@link S2Template#send} to one stream for the workload's
	 * duration, keeping {@link Workload#sendWindow()} sends outstanding, and records the
	 * time from each send to its acknowledgement.
	 * @param stream the stream
	 * @param workload the workload
	 * @return what was acknowledged, the latencies, and how many sends were refused as
	 * overloaded
	 * @throws Exception if a send fails for another reason, or the last acknowledgements
	 * take over a minute
	 */
	TemplateRun templateThroughput(String stream, Workload workload) throws Exception {
		Recorder latencies = new Recorder(3);
		Semaphore window = new Semaphore(workload.sendWindow());
		LongAdder acknowledged = new LongAdder();
		LongAdder overloaded = new LongAdder();
		AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
		long start = System.nanoTime();
		long deadline = start + workload.duration().toNanos();
		long index = 0;
		while (System.nanoTime() < deadline && failure.get() == null) {
			window.acquire();
			long sentAt = System.nanoTime();
			this.template.send(stream, new BenchMessage(index++, sentAt, this.padding)).whenComplete((result, ex) -> {
				if (ex == null) {
					latencies.recordValue(Math.max(0, (System.nanoTime() - sentAt) / 1000));
					acknowledged.increment();
				}
				else if (unwrap(ex) instanceof S2OverloadedException) {
					overloaded.increment();
				}
				else {
					failure.compareAndSet(null, unwrap(ex));
				}
				window.release();
			});
		}
		if (!window.tryAcquire(workload.sendWindow(), 60, TimeUnit.SECONDS)) {
			throw new IllegalStateException("template sends still outstanding after a minute: "
					+ (workload.sendWindow() - window.availablePermits()));
		}
		long nanos = System.nanoTime() - start;
		Throwable failed = failure.get();
		if (failed != null) {
			throw new IllegalStateException("a template send failed: " + failed, failed);
		}
		long messages = acknowledged.sum();
		return new TemplateRun(new Throughput(messages, messages * workload.recordBytes(), nanos),
				latencies.getIntervalHistogram(), overloaded.sum());
	}

	/**
	 * Starts a listener with {@link S2Template#listen} from the beginning of the stream,
	 * waits until a probe message went through, then sends one message per slot at the
	 * loop's fixed rate and records the time from each slot's intended send time to the
	 * listener method.
	 * @param stream the stream
	 * @param loop the loop ({@link Workload#listenerLoop()})
	 * @return the latencies in microseconds
	 * @throws Exception if a send fails or messages are missing after a minute
	 */
	Histogram listenerLatency(String stream, Workload loop) throws Exception {
		Histogram histogram = new Histogram(3);
		CountDownLatch received = new CountDownLatch((int) Latency.slots(loop));
		CountDownLatch probed = new CountDownLatch(1);
		AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
		S2Subscription subscription = this.template.listen(stream, BenchMessage.class, S2StartPosition.beginning(),
				(message, metadata) -> {
					long now = System.nanoTime();
					if (message.index() < 0) {
						probed.countDown();
						return;
					}
					Latency.record(histogram, now - message.sentAt());
					received.countDown();
				});
		try {
			this.template.send(stream, new BenchMessage(-1, System.nanoTime(), this.padding)).get(30, TimeUnit.SECONDS);
			if (!probed.await(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the listener did not receive the probe message: " + subscription);
			}
			Latency.delivered(loop, received,
					(i, sentAt) -> this.template.send(stream, new BenchMessage(i, sentAt, this.padding))
						.whenComplete((result, ex) -> {
							if (ex != null) {
								failure.compareAndSet(null, unwrap(ex));
							}
						}),
					() -> "send failure " + failure.get() + ", listener running " + subscription.isRunning());
		}
		finally {
			subscription.stop();
		}
		return histogram;
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable cause = ex;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	@Override
	public void close() {
		this.listeners.destroy();
		this.template.destroy();
		this.appenders.destroy();
		this.client.close();
	}

}

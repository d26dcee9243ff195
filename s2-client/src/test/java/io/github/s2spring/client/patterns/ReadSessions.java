package io.github.s2spring.client.patterns;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Flow;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.RecordReader;
import io.github.s2spring.client.error.S2Exception;

/**
 * Read sessions in memory for the reader's unit tests: dynamic proxies answering only
 * {@code batches()} and {@code subscribe}, the two methods the reader uses, so that they
 * do not depend on the interface's other methods.
 */
final class ReadSessions {

	private ReadSessions() {
	}

	/**
	 * A session whose blocking reader gives these batches, then ends (or fails).
	 */
	static ReadSession of(List<ReadBatch> batches, @Nullable S2Exception failure) {
		Queue<ReadBatch> remaining = new ArrayDeque<>(batches);
		RecordReader reader = new RecordReader() {

			@Override
			public @Nullable ReadBatch next() {
				ReadBatch batch = remaining.poll();
				if (batch == null && failure != null) {
					throw failure;
				}
				return batch;
			}

			@Override
			public @Nullable ReadBatch next(Duration timeout) {
				return next();
			}

		};
		return proxy(reader, null);
	}

	/**
	 * A session that publishes what a publisher publishes.
	 */
	static ReadSession publishing(Flow.Publisher<ReadBatch> publisher) {
		return proxy(null, publisher);
	}

	@SuppressWarnings("unchecked")
	private static ReadSession proxy(@Nullable RecordReader reader, Flow.@Nullable Publisher<ReadBatch> publisher) {
		return (ReadSession) Proxy.newProxyInstance(ReadSession.class.getClassLoader(),
				new Class<?>[] { ReadSession.class }, (proxy, method, args) -> switch (method.getName()) {
					case "batches" -> reader;
					case "subscribe" -> {
						publisher.subscribe((Flow.Subscriber<? super ReadBatch>) args[0]);
						yield null;
					}
					default -> throw new UnsupportedOperationException(method.getName());
				});
	}

}

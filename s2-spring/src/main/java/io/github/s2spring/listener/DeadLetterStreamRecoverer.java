package io.github.s2spring.listener;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.s2spring.client.error.NotFoundException;
import io.github.s2spring.core.S2Operations;
import io.github.s2spring.core.S2ReceivedMessage;
import io.github.s2spring.support.S2Headers;
import io.github.s2spring.support.S2RecordMetadata;

/**
 * Publishes messages a listener failed on to a dead-letter stream in the same basin,
 * {@code <stream>.dlt} by default: the original bytes and headers, plus the error's class
 * and message, the original stream and seq num and the listener id (see
 * {@link S2Headers}). Returns once every message is durable, so that the container
 * commits past them only then.
 */
public class DeadLetterStreamRecoverer implements S2MessageRecoverer {

	/** The default suffix of dead-letter streams. */
	public static final String DEFAULT_SUFFIX = ".dlt";

	private static final int MAX_HEADER_CHARS = 4096;

	private final Supplier<? extends S2Operations> operations;

	private Function<S2RecordMetadata, String> destinationResolver = (metadata) -> metadata.stream() + DEFAULT_SUFFIX;

	private Duration timeout = Duration.ofSeconds(30);

	/**
	 * Creates a recoverer.
	 * @param operations sends to the dead-letter stream
	 */
	public DeadLetterStreamRecoverer(S2Operations operations) {
		this(() -> operations);
	}

	/**
	 * Creates a recoverer that looks up its operations when it first publishes.
	 * @param operations supplies the operations that send to the dead-letter stream
	 */
	public DeadLetterStreamRecoverer(Supplier<? extends S2Operations> operations) {
		this.operations = operations;
	}

	/**
	 * Sets how the dead-letter stream is named, {@code <stream>.dlt} by default.
	 * @param destinationResolver the dead-letter stream of a message, in its basin
	 */
	public void setDestinationResolver(Function<S2RecordMetadata, String> destinationResolver) {
		this.destinationResolver = destinationResolver;
	}

	/**
	 * Sets how long a publish may take before the container stops, 30 s by default.
	 * @param timeout the timeout
	 */
	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	@Override
	public void recover(S2FailedDelivery failure) throws Exception {
		S2Operations operations = this.operations.get();
		for (S2ReceivedMessage<byte[]> message : failure.getMessages()) {
			S2RecordMetadata metadata = message.metadata();
			Map<String, String> headers = new LinkedHashMap<>(metadata.headers());
			Throwable exception = failure.getException();
			headers.put(S2Headers.DLT_EXCEPTION_CLASS, exception.getClass().getName());
			headers.put(S2Headers.DLT_EXCEPTION_MESSAGE, truncate(String.valueOf(exception.getMessage())));
			headers.put(S2Headers.DLT_ORIGINAL_STREAM, metadata.stream());
			headers.put(S2Headers.DLT_ORIGINAL_SEQ_NUM, Long.toString(metadata.seqNum()));
			headers.put(S2Headers.DLT_LISTENER_ID, failure.getListenerId());
			S2Operations target = metadata.basin().equals(operations.getBasin()) ? operations
					: operations.inBasin(metadata.basin());
			String destination = this.destinationResolver.apply(metadata);
			try {
				publish(target, destination, message.payload(), headers);
			}
			catch (NotFoundException ex) {
				target.ensureStream(destination);
				publish(target, destination, message.payload(), headers);
			}
		}
	}

	private void publish(S2Operations target, String stream, byte[] payload, Map<String, String> headers)
			throws Exception {
		try {
			target.send(stream, payload, headers).get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

	private static String truncate(String text) {
		return (text.length() <= MAX_HEADER_CHARS) ? text : text.substring(0, MAX_HEADER_CHARS) + "…";
	}

	@Override
	public String toString() {
		return "DeadLetterStreamRecoverer";
	}

}

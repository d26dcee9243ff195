package io.github.s2spring.core;

import java.util.concurrent.CompletableFuture;

import io.github.s2spring.client.patterns.S2Serializer;

/**
 * A message being prepared for sending, for the options the {@code send} methods do not
 * take. Obtained from {@link S2Operations#newMessage(Object)}; not thread-safe, use once.
 *
 * <pre class="code">
 * template.newMessage(order)
 *     .toStream("orders")
 *     .header("tenant", "acme")
 *     .matchSeqNum(42)
 *     .send();
 * </pre>
 */
public interface S2MessageBuilder {

	/**
	 * The stream to send to (required).
	 * @param stream the stream name
	 * @return this builder
	 */
	S2MessageBuilder toStream(String stream);

	/**
	 * Adds a header, carried on the message's first record.
	 * @param name the header name, not empty and not starting with {@code _}
	 * @param value the value
	 * @return this builder
	 */
	S2MessageBuilder header(String name, String value);

	/**
	 * The timestamp of the message's records, milliseconds since the Unix epoch (how S2
	 * uses it depends on the stream's timestamping mode).
	 * @param timestamp the timestamp
	 * @return this builder
	 */
	S2MessageBuilder timestamp(long timestamp);

	/**
	 * Appends only while the stream's fencing token equals this one.
	 * @param fencingToken the token, at most 36 bytes
	 * @return this builder
	 */
	S2MessageBuilder fencingToken(String fencingToken);

	/**
	 * Appends only if the message's first record gets this seq num (optimistic
	 * concurrency); otherwise the send fails with
	 * {@link io.github.s2spring.client.error.SeqNumMismatchException}.
	 * @param seqNum the expected seq num
	 * @return this builder
	 */
	S2MessageBuilder matchSeqNum(long seqNum);

	/**
	 * Serializes the payload with this serializer instead of the template's converter.
	 * @param <T> the payload type
	 * @param serializer the serializer
	 * @return this builder
	 */
	<T> S2MessageBuilder serializer(S2Serializer<T> serializer);

	/**
	 * Sends the message.
	 * @return completes once S2 made the message durable, or fails with the reason
	 */
	CompletableFuture<S2SendResult> send();

}

package io.github.s2spring.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.patterns.S2Serializer;

/**
 * The {@link S2MessageBuilder} of {@link S2Template}.
 */
final class DefaultS2MessageBuilder implements S2MessageBuilder {

	private final S2Template template;

	private final Object payload;

	private final Map<String, String> headers = new LinkedHashMap<>();

	private @Nullable String stream;

	private @Nullable Long timestamp;

	private @Nullable Long matchSeqNum;

	private @Nullable String fencingToken;

	private @Nullable S2Serializer<?> serializer;

	DefaultS2MessageBuilder(S2Template template, Object payload) {
		this.template = template;
		this.payload = payload;
	}

	@Override
	public S2MessageBuilder toStream(String stream) {
		this.stream = stream;
		return this;
	}

	@Override
	public S2MessageBuilder header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	@Override
	public S2MessageBuilder timestamp(long timestamp) {
		this.timestamp = timestamp;
		return this;
	}

	@Override
	public S2MessageBuilder fencingToken(String fencingToken) {
		this.fencingToken = fencingToken;
		return this;
	}

	@Override
	public S2MessageBuilder matchSeqNum(long seqNum) {
		this.matchSeqNum = seqNum;
		return this;
	}

	@Override
	public <T> S2MessageBuilder serializer(S2Serializer<T> serializer) {
		this.serializer = serializer;
		return this;
	}

	@Override
	public CompletableFuture<S2SendResult> send() {
		String target = this.stream;
		if (target == null) {
			return CompletableFuture.failedFuture(new IllegalStateException("No stream: call toStream(...) first"));
		}
		return this.template.send(target, List.of(this.payload), this.headers, this.timestamp, this.serializer,
				this.matchSeqNum, this.fencingToken, false);
	}

}

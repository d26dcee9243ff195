package io.github.s2spring.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.control.model.CreateStreamRequest;
import io.github.s2spring.client.control.model.ProvisionResult;
import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.Header;
import io.github.s2spring.core.S2ClientCallback;
import io.github.s2spring.core.S2MessageBuilder;
import io.github.s2spring.core.S2Operations;
import io.github.s2spring.core.S2ReceivedMessage;
import io.github.s2spring.core.S2SendResult;
import io.github.s2spring.support.DefaultS2MessageConverter;
import io.github.s2spring.support.S2StartPosition;

/**
 * A stand-in for the template in listener tests, until it exists: sends a message as one
 * record with its headers by a unary append, so that dead-letter and reply streams can be
 * read back exactly. Only {@code send}, {@code getBasin} and {@code inBasin} work.
 */
public class TestS2Operations implements S2Operations {

	private final S2Client client;

	private final String basin;

	private final DefaultS2MessageConverter converter = new DefaultS2MessageConverter();

	public TestS2Operations(S2Client client, String basin) {
		this.client = client;
		this.basin = basin;
	}

	@Override
	public CompletableFuture<S2SendResult> send(String stream, Object message) {
		return send(stream, message, Map.of());
	}

	@Override
	public CompletableFuture<S2SendResult> send(String stream, Object message, Map<String, String> headers) {
		Map<String, String> all = new LinkedHashMap<>(headers);
		byte[] body = this.converter.toBytes(message, all);
		List<Header> recordHeaders = new ArrayList<>();
		all.forEach((name, value) -> recordHeaders.add(Header.of(name, value)));
		return this.client.basin(this.basin)
			.stream(stream)
			.appendAsync(AppendBatch.of(AppendRecord.of(body).withHeaders(recordHeaders)))
			.thenApply((AppendAck ack) -> new S2SendResult(this.basin, stream, ack.start().seqNum(),
					ack.end().seqNum() - 1, ack.start().timestamp(), ack.tail()));
	}

	@Override
	public S2Operations inBasin(String basin) {
		return new TestS2Operations(this.client, basin);
	}

	@Override
	public String getBasin() {
		return this.basin;
	}

	@Override
	public S2MessageBuilder newMessage(Object payload) {
		throw new UnsupportedOperationException();
	}

	@Override
	public CompletableFuture<S2SendResult> sendBatch(String stream, List<?> messages) {
		throw new UnsupportedOperationException();
	}

	@Override
	public CompletableFuture<Void> flush() {
		throw new UnsupportedOperationException();
	}

	@Override
	public CompletableFuture<Void> flush(String stream) {
		throw new UnsupportedOperationException();
	}

	@Override
	public <T> List<S2ReceivedMessage<T>> read(String stream, Class<T> type, S2StartPosition from, int count) {
		throw new UnsupportedOperationException();
	}

	@Override
	public void createStream(String stream) {
		throw new UnsupportedOperationException();
	}

	@Override
	public boolean ensureStream(String stream) {
		return this.client.basin(this.basin)
			.streams()
			.ensure(CreateStreamRequest.of(stream))
			.result() == ProvisionResult.CREATED;
	}

	@Override
	public void deleteStream(String stream) {
		throw new UnsupportedOperationException();
	}

	@Override
	public <R> R execute(S2ClientCallback<R> callback) {
		throw new UnsupportedOperationException();
	}

}

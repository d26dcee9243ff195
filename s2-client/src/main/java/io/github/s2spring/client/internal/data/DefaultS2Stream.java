package io.github.s2spring.client.internal.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.handler.codec.http2.Http2Headers;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import io.github.s2spring.client.config.AppendRetryPolicy;
import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.AppendSessionOptions;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.ReadSessionOptions;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.error.TransportException;
import io.github.s2spring.client.error.ValidationException;
import io.github.s2spring.protocol.StreamPosition;
import io.github.s2spring.protocol.limits.Limits;
import io.github.s2spring.protocol.limits.Names;

/**
 * The {@link S2Stream} of a client: unary calls through the {@link DataPlane}, sessions
 * on the basin's event loop.
 */
final class DefaultS2Stream implements S2Stream {

	private static final String PROTOBUF = "application/protobuf";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final DataPlane plane;

	private final String basin;

	private final String name;

	DefaultS2Stream(DataPlane plane, String basin, String name) {
		this.plane = plane;
		this.basin = basin;
		this.name = ValidationException.check(() -> Names.requireStreamName(name));
	}

	@Override
	public String basin() {
		return this.basin;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public AppendAck append(AppendBatch batch) {
		return DataPlane.join(appendAsync(batch));
	}

	@Override
	public CompletableFuture<AppendAck> appendAsync(AppendBatch batch) {
		ByteBuffer body = batch.encoded();
		boolean retryAll = this.plane.config().appendRetryPolicy() == AppendRetryPolicy.ALL;
		return this.plane.withRetries(() -> {
			Http2Headers headers = this.plane.headers("POST", this.basin, this.name, "/records", null);
			headers.add("content-type", PROTOBUF);
			headers.add("accept", PROTOBUF);
			return this.plane
				.exchange(this.basin, headers, body, this.plane.config().requestTimeout().toMillis(), "append")
				.thenApply(decode((bytes) -> ProtoRecords.appendAck(s2.v1.AppendAck.parseFrom(bytes))));
		}, (failure) -> retryAll || failure.noSideEffects());
	}

	@Override
	public ReadBatch read(ReadOptions options) {
		return DataPlane.join(readAsync(options));
	}

	@Override
	public CompletableFuture<ReadBatch> readAsync(ReadOptions options) {
		int waitSeconds = (options.waitSeconds() != null)
				? Math.min(options.waitSeconds(), Limits.MAX_UNARY_READ_WAIT_SECONDS) : 0;
		long timeout = this.plane.config().requestTimeout().toMillis() + waitSeconds * 1000L;
		return this.plane.withRetries(() -> {
			Http2Headers headers = this.plane.headers("GET", this.basin, this.name, "/records",
					options.toQueryString());
			headers.add("accept", PROTOBUF);
			return this.plane.exchange(this.basin, headers, null, timeout, "read")
				.thenApply(decode((bytes) -> ProtoRecords.readBatch(s2.v1.ReadBatch.parseFrom(bytes))));
		}, (failure) -> true);
	}

	@Override
	public StreamPosition checkTail() {
		return DataPlane.join(checkTailAsync());
	}

	@Override
	public CompletableFuture<StreamPosition> checkTailAsync() {
		return this.plane.withRetries(() -> {
			Http2Headers headers = this.plane.headers("GET", this.basin, this.name, "/records/tail", null);
			headers.add("accept", "application/json");
			return this.plane
				.exchange(this.basin, headers, null, this.plane.config().requestTimeout().toMillis(), "check tail")
				.thenApply(decode(DefaultS2Stream::parseTail));
		}, (failure) -> true);
	}

	@Override
	public AppendAck fence(String newToken, @Nullable String currentToken) {
		return DataPlane.join(fenceAsync(newToken, currentToken));
	}

	@Override
	public CompletableFuture<AppendAck> fenceAsync(String newToken, @Nullable String currentToken) {
		AppendBatch batch = AppendBatch.of(AppendRecord.fence(newToken));
		return appendAsync((currentToken != null) ? batch.withFencingToken(currentToken) : batch);
	}

	@Override
	public AppendAck trim(long trimPoint) {
		return DataPlane.join(trimAsync(trimPoint));
	}

	@Override
	public CompletableFuture<AppendAck> trimAsync(long trimPoint) {
		return appendAsync(AppendBatch.of(AppendRecord.trim(trimPoint)));
	}

	@Override
	public AppendSession appendSession() {
		return appendSession(AppendSessionOptions.defaults());
	}

	@Override
	public AppendSession appendSession(AppendSessionOptions options) {
		return new DefaultAppendSession(this.plane, this, options);
	}

	@Override
	public ReadSession readSession(ReadOptions options) {
		return readSession(options, ReadSessionOptions.defaults());
	}

	@Override
	public ReadSession readSession(ReadOptions options, ReadSessionOptions sessionOptions) {
		return new DefaultReadSession(this.plane, this, options, sessionOptions);
	}

	@Override
	public String toString() {
		return "S2Stream[" + this.basin + "/" + this.name + "]";
	}

	private static StreamPosition parseTail(byte[] body) {
		JsonNode tail = JSON.readTree(body).get("tail");
		if (tail == null || !tail.has("seq_num")) {
			throw new IllegalArgumentException("no tail in " + new String(body, StandardCharsets.UTF_8));
		}
		return new StreamPosition(tail.get("seq_num").asLong(),
				tail.has("timestamp") ? tail.get("timestamp").asLong() : 0);
	}

	private static <T> Function<UnaryResponse, T> decode(Decoder<T> decoder) {
		return (response) -> {
			if (response.status() != 200) {
				throw S2Exception.fromResponse(response.status(), new String(response.body(), StandardCharsets.UTF_8));
			}
			try {
				return decoder.decode(response.body());
			}
			catch (InvalidProtocolBufferException | RuntimeException ex) {
				throw new TransportException(TransportException.PROTOCOL_ERROR,
						"Malformed response body: " + ex.getMessage(), false, false, ex);
			}
		};
	}

	@FunctionalInterface
	private interface Decoder<T> {

		T decode(byte[] body) throws InvalidProtocolBufferException;

	}

}

package io.github.s2spring.client.data;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.handler.codec.http2.Http2Headers;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import io.github.s2spring.client.AppendRetryPolicy;
import io.github.s2spring.client.S2Exception;
import io.github.s2spring.client.TransportException;
import io.github.s2spring.protocol.StreamPosition;
import io.github.s2spring.protocol.limits.CommandRecords;
import io.github.s2spring.protocol.limits.Limits;
import io.github.s2spring.protocol.limits.Names;

/**
 * A stream of a basin: unary append, read and check-tail (each blocking and
 * asynchronous), fence and trim commands, and append and read sessions. Cheap to create;
 * holds no resources of its own.
 */
public final class S2Stream {

	private static final String PROTOBUF = "application/protobuf";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final DataPlane plane;

	private final String basin;

	private final String name;

	S2Stream(DataPlane plane, String basin, String name) {
		this.plane = plane;
		this.basin = basin;
		this.name = Names.requireStreamName(name);
	}

	/**
	 * The basin name.
	 * @return the basin
	 */
	public String basin() {
		return this.basin;
	}

	/**
	 * The stream name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Appends a batch and waits for its acknowledgement.
	 * @param batch the batch
	 * @return the acknowledgement
	 * @throws S2Exception if the append failed (after retries the policy allows)
	 */
	public AppendAck append(AppendBatch batch) {
		return DataPlane.join(appendAsync(batch));
	}

	/**
	 * Appends a batch.
	 * @param batch the batch
	 * @return the acknowledgement, or a failure with an {@link S2Exception}
	 */
	public CompletableFuture<AppendAck> appendAsync(AppendBatch batch) {
		byte[] body = batch.toByteArray();
		boolean retryAll = this.plane.config().appendRetryPolicy() == AppendRetryPolicy.ALL;
		return this.plane.withRetries(() -> {
			Http2Headers headers = this.plane.headers("POST", this.basin, this.name, "/records", null);
			headers.add("content-type", PROTOBUF);
			headers.add("accept", PROTOBUF);
			return this.plane
				.exchange(this.basin, headers, body, this.plane.config().requestTimeout().toMillis(), "append")
				.thenApply(decode((bytes) -> AppendAck.of(s2.v1.AppendAck.parseFrom(bytes))));
		}, (failure) -> retryAll || failure.noSideEffects());
	}

	/**
	 * Reads one batch (at most 1000 records and 1 MiB).
	 * @param options where to start and when to stop
	 * @return the batch, possibly empty
	 * @throws S2Exception if the read failed, for example
	 * {@link io.github.s2spring.client.RangeNotSatisfiableException}
	 */
	public ReadBatch read(ReadOptions options) {
		return DataPlane.join(readAsync(options));
	}

	/**
	 * Reads one batch.
	 * @param options where to start and when to stop
	 * @return the batch, or a failure with an {@link S2Exception}
	 */
	public CompletableFuture<ReadBatch> readAsync(ReadOptions options) {
		int waitSeconds = (options.waitSeconds() != null)
				? Math.min(options.waitSeconds(), Limits.MAX_UNARY_READ_WAIT_SECONDS) : 0;
		long timeout = this.plane.config().requestTimeout().toMillis() + waitSeconds * 1000L;
		return this.plane.withRetries(() -> {
			Http2Headers headers = this.plane.headers("GET", this.basin, this.name, "/records",
					options.toQueryString());
			headers.add("accept", PROTOBUF);
			return this.plane.exchange(this.basin, headers, null, timeout, "read")
				.thenApply(decode((bytes) -> ReadBatch.of(s2.v1.ReadBatch.parseFrom(bytes))));
		}, (failure) -> true);
	}

	/**
	 * The stream's tail: the next sequence number and the last record's timestamp.
	 * @return the tail
	 * @throws S2Exception if the call failed
	 */
	public StreamPosition checkTail() {
		return DataPlane.join(checkTailAsync());
	}

	/**
	 * The stream's tail.
	 * @return the tail, or a failure with an {@link S2Exception}
	 */
	public CompletableFuture<StreamPosition> checkTailAsync() {
		return this.plane.withRetries(() -> {
			Http2Headers headers = this.plane.headers("GET", this.basin, this.name, "/records/tail", null);
			headers.add("accept", "application/json");
			return this.plane
				.exchange(this.basin, headers, null, this.plane.config().requestTimeout().toMillis(), "check tail")
				.thenApply(decode(S2Stream::parseTail));
		}, (failure) -> true);
	}

	/**
	 * Sets the stream's fencing token with a fence command record.
	 * @param newToken the new token (at most 36 bytes; empty removes the fence)
	 * @param currentToken the current token, required if the stream is fenced
	 * @return the acknowledgement
	 * @throws S2Exception if the command failed, for example
	 * {@link io.github.s2spring.client.FencingTokenMismatchException}
	 */
	public AppendAck fence(String newToken, @Nullable String currentToken) {
		return DataPlane.join(fenceAsync(newToken, currentToken));
	}

	/**
	 * Sets the stream's fencing token with a fence command record.
	 * @param newToken the new token (at most 36 bytes; empty removes the fence)
	 * @param currentToken the current token, required if the stream is fenced
	 * @return the acknowledgement, or a failure with an {@link S2Exception}
	 */
	public CompletableFuture<AppendAck> fenceAsync(String newToken, @Nullable String currentToken) {
		AppendBatch batch = AppendBatch.of(CommandRecords.fence(newToken));
		return appendAsync((currentToken != null) ? batch.withFencingToken(currentToken) : batch);
	}

	/**
	 * Trims the stream: records before the trim point are eventually deleted.
	 * @param trimPoint the first sequence number to keep
	 * @return the acknowledgement
	 * @throws S2Exception if the command failed
	 */
	public AppendAck trim(long trimPoint) {
		return DataPlane.join(trimAsync(trimPoint));
	}

	/**
	 * Trims the stream: records before the trim point are eventually deleted.
	 * @param trimPoint the first sequence number to keep
	 * @return the acknowledgement, or a failure with an {@link S2Exception}
	 */
	public CompletableFuture<AppendAck> trimAsync(long trimPoint) {
		return appendAsync(AppendBatch.of(CommandRecords.trim(trimPoint)));
	}

	/**
	 * Opens an append session with default options. The HTTP/2 stream opens with the
	 * first batch.
	 * @return the session
	 */
	public AppendSession appendSession() {
		return appendSession(AppendSessionOptions.defaults());
	}

	/**
	 * Opens an append session.
	 * @param options the session options
	 * @return the session
	 */
	public AppendSession appendSession(AppendSessionOptions options) {
		return new AppendSession(this.plane, this, options);
	}

	/**
	 * Opens a read session: a stream of batches that resumes after failures.
	 * @param options where to start and when to stop
	 * @return the session
	 */
	public ReadSession readSession(ReadOptions options) {
		return new ReadSession(this.plane, this, options);
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

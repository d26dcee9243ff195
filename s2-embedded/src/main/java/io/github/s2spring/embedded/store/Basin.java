package io.github.s2spring.embedded.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.config.BasinSpec;
import io.github.s2spring.embedded.config.ConfigJson;
import io.github.s2spring.embedded.config.Json;
import io.github.s2spring.embedded.config.StreamSpec;
import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.storage.JournalEntry;
import io.github.s2spring.protocol.error.ErrorCode;

/**
 * A basin: its configuration and its streams. Stream creation and deletion are serialized
 * per basin; appends and reads go to the streams and never take the basin's lock.
 */
public final class Basin {

	private final Store store;

	private final String name;

	private final Instant createdAt;

	private volatile BasinSpec spec;

	private volatile @Nullable Instant deletedAt;

	private final @Nullable String requestToken;

	private final BasinSpec requestedSpec;

	private final ConcurrentSkipListMap<String, Stream> streams = new ConcurrentSkipListMap<>();

	private final Map<String, Creation> streamCreations = new ConcurrentSkipListMap<>();

	Basin(Store store, String name, BasinSpec spec, Instant createdAt, @Nullable String requestToken) {
		this.store = store;
		this.name = name;
		this.spec = spec;
		this.requestedSpec = spec;
		this.createdAt = createdAt;
		this.requestToken = requestToken;
	}

	/**
	 * The basin's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * When the basin was created.
	 * @return the instant
	 */
	public Instant createdAt() {
		return this.createdAt;
	}

	/**
	 * When the basin's deletion was requested, if it was.
	 * @return the instant or {@code null}
	 */
	public @Nullable Instant deletedAt() {
		return this.deletedAt;
	}

	/**
	 * The basin's configuration.
	 * @return the configuration
	 */
	public BasinSpec spec() {
		return this.spec;
	}

	void spec(BasinSpec spec) {
		this.spec = spec;
	}

	boolean createdWith(@Nullable String token, BasinSpec requested) {
		return token != null && token.equals(this.requestToken) && requested.equals(this.requestedSpec);
	}

	void markDeleted(Instant at) {
		this.deletedAt = at;
		this.streams.values().forEach((stream) -> stream.markDeleted(at));
	}

	Iterable<Stream> streams() {
		return this.streams.values();
	}

	/**
	 * Lists streams.
	 * @param prefix names must start with this
	 * @param startAfter names must sort after this
	 * @param limit most items
	 * @return the page
	 */
	public ListPage<Stream> listStreams(String prefix, String startAfter, int limit) {
		List<Stream> items = new ArrayList<>();
		String from = (startAfter.compareTo(prefix) > 0) ? startAfter : prefix;
		boolean hasMore = false;
		for (Map.Entry<String, Stream> entry : this.streams.tailMap(from, true).entrySet()) {
			String streamName = entry.getKey();
			if (!streamName.startsWith(prefix)) {
				break;
			}
			if (streamName.equals(startAfter)) {
				continue;
			}
			if (items.size() == limit) {
				hasMore = true;
				break;
			}
			items.add(entry.getValue());
		}
		return new ListPage<>(items, hasMore);
	}

	/**
	 * Creates a stream; a retry with the same request token and configuration is a no-op.
	 * @param streamName the name
	 * @param requested the configuration asked for
	 * @param token the {@code s2-request-token}, or {@code null}
	 * @return the stream and what happened
	 */
	public synchronized Provisioned<Stream> createStream(String streamName, StreamSpec requested,
			@Nullable String token) {
		requireActive();
		Stream existing = this.streams.get(streamName);
		if (existing != null) {
			Creation creation = this.streamCreations.get(streamName);
			if (existing.deletedAt() == null && token != null && creation != null && creation.token().equals(token)
					&& creation.spec().equals(requested)) {
				return new Provisioned<>(existing, Provisioned.Result.NOOP);
			}
			if (existing.deletedAt() != null) {
				throw ApiException.of(ErrorCode.STREAM_DELETION_PENDING, "Stream is being deleted: " + streamName);
			}
			throw ApiException.of(ErrorCode.RESOURCE_ALREADY_EXISTS, "Stream already exists: " + streamName);
		}
		Stream stream = put(streamName, requested.orElse(this.spec.defaultStreamConfig()), this.store.clock().millis());
		if (token != null) {
			this.streamCreations.put(streamName, new Creation(token, requested));
		}
		return new Provisioned<>(stream, Provisioned.Result.CREATED);
	}

	/**
	 * Creates a stream or sets its configuration to the one asked for.
	 * @param streamName the name
	 * @param requested the configuration asked for
	 * @return the stream and what happened
	 */
	public synchronized Provisioned<Stream> ensureStream(String streamName, StreamSpec requested) {
		requireActive();
		StreamSpec effective = requested.orElse(this.spec.defaultStreamConfig());
		Stream existing = this.streams.get(streamName);
		if (existing == null) {
			return new Provisioned<>(put(streamName, effective, this.store.clock().millis()),
					Provisioned.Result.CREATED);
		}
		requireActive(existing);
		if (existing.spec().resolved().equals(effective.resolved())) {
			return new Provisioned<>(existing, Provisioned.Result.NOOP);
		}
		existing.spec(effective);
		journalStream(existing);
		return new Provisioned<>(existing, Provisioned.Result.UPDATED);
	}

	/**
	 * Reconfigures a stream.
	 * @param streamName the name
	 * @param change the change to apply to its configuration
	 * @return the stream
	 */
	public synchronized Stream reconfigureStream(String streamName, UnaryOperator<StreamSpec> change) {
		Stream stream = stream(streamName);
		stream.spec(change.apply(stream.spec()));
		journalStream(stream);
		return stream;
	}

	/**
	 * Requests deletion of a stream; it disappears shortly after.
	 * @param streamName the name
	 */
	public void deleteStream(String streamName) {
		Stream stream;
		synchronized (this) {
			stream = stream(streamName);
			stream.markDeleted(Instant.ofEpochMilli(this.store.clock().millis()));
			this.store.journal().append(new JournalEntry.StreamDeleted(this.name, streamName)).join();
		}
		this.store.later(() -> removeStream(stream));
	}

	void removeStream(Stream stream) {
		this.streams.remove(stream.name(), stream);
		this.streamCreations.remove(stream.name());
	}

	/**
	 * An active stream.
	 * @param streamName the name
	 * @return the stream
	 * @throws ApiException 404 if missing, 409 if being deleted
	 */
	public Stream stream(String streamName) {
		requireActive();
		Stream stream = this.streams.get(streamName);
		if (stream == null) {
			throw ApiException.of(ErrorCode.STREAM_NOT_FOUND, "Stream not found: " + streamName);
		}
		requireActive(stream);
		return stream;
	}

	/**
	 * An active stream, created with the basin's defaults if missing and the basin allows
	 * it.
	 * @param streamName the name
	 * @param forAppend whether the caller appends ({@code create_stream_on_append}) or
	 * reads ({@code create_stream_on_read})
	 * @param requested the configuration of a stream created now (over the basin's
	 * defaults), from the {@code s2-stream-config} header
	 * @return the stream
	 */
	public Stream streamOrCreate(String streamName, boolean forAppend, StreamSpec requested) {
		BasinSpec current = this.spec;
		boolean create = forAppend ? current.createStreamOnAppend() : current.createStreamOnRead();
		if (!create) {
			return stream(streamName);
		}
		synchronized (this) {
			requireActive();
			Stream stream = this.streams.get(streamName);
			if (stream == null) {
				return put(streamName, requested.orElse(current.defaultStreamConfig()), this.store.clock().millis());
			}
			requireActive(stream);
			return stream;
		}
	}

	private Stream put(String streamName, StreamSpec spec, long createdAtMillis) {
		Stream stream = new Stream(this.name, streamName, spec, Instant.ofEpochMilli(createdAtMillis),
				this.store.journal(), this.store.clock(), this.store.committer());
		this.streams.put(streamName, stream);
		journalStream(stream);
		return stream;
	}

	Stream replayStream(String streamName, StreamSpec spec, long createdAtMillis) {
		Stream existing = this.streams.get(streamName);
		if (existing != null) {
			existing.spec(spec);
			return existing;
		}
		Stream stream = new Stream(this.name, streamName, spec, Instant.ofEpochMilli(createdAtMillis),
				this.store.journal(), this.store.clock(), this.store.committer());
		this.streams.put(streamName, stream);
		return stream;
	}

	@Nullable Stream existingStream(String streamName) {
		return this.streams.get(streamName);
	}

	private void journalStream(Stream stream) {
		this.store.journal()
			.append(new JournalEntry.StreamPut(this.name, stream.name(),
					Json.write(ConfigJson.writeStream(stream.spec())), stream.createdAt().toEpochMilli()))
			.join();
	}

	private void requireActive() {
		if (this.deletedAt != null) {
			throw ApiException.of(ErrorCode.BASIN_DELETION_PENDING, "Basin is being deleted: " + this.name);
		}
	}

	private static void requireActive(Stream stream) {
		if (stream.deletedAt() != null) {
			throw ApiException.of(ErrorCode.STREAM_DELETION_PENDING, "Stream is being deleted: " + stream.name());
		}
	}

	@Override
	public String toString() {
		return "Basin[" + this.name + "]";
	}

	private record Creation(String token, StreamSpec spec) {

		Creation {
			Objects.requireNonNull(token);
		}

	}

}

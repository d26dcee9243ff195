package io.github.s2spring.embedded.store;

import java.time.Instant;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.embedded.config.BasinSpec;
import io.github.s2spring.embedded.config.ConfigJson;
import io.github.s2spring.embedded.config.Json;
import io.github.s2spring.embedded.config.StreamSpec;
import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.storage.JournalEntry;

/**
 * A basin: its configuration and its streams. Stream creation and deletion are serialized
 * per basin; appends and reads go to the streams and take no basin-wide lock.
 */
public final class Basin extends Resource<BasinSpec> {

	private final Store store;

	private final Registry<Stream, StreamSpec> streams;

	Basin(Store store, String name, BasinSpec spec, Instant createdAt) {
		super(name, spec, createdAt);
		this.store = store;
		this.streams = new Registry<>(store, Registry.Kind.STREAM);
	}

	@Override
	boolean configuredAs(BasinSpec requested) {
		return spec().equals(requested);
	}

	@Override
	void markDeleted(Instant at) {
		super.markDeleted(at);
		this.streams.all().forEach((stream) -> stream.markDeleted(at));
	}

	@Override
	JournalEntry putEntry() {
		return new JournalEntry.BasinPut(name(), Json.write(ConfigJson.writeBasin(spec())), createdAt().toEpochMilli());
	}

	@Override
	JournalEntry deletedEntry() {
		return new JournalEntry.BasinDeleted(name());
	}

	Iterable<Stream> streams() {
		return this.streams.all();
	}

	/**
	 * Lists streams.
	 * @param prefix names must start with this
	 * @param startAfter names must sort after this
	 * @param limit most items
	 * @return the page
	 */
	public ListPage<Stream> listStreams(String prefix, String startAfter, int limit) {
		return this.streams.list(prefix, startAfter, limit);
	}

	/**
	 * Creates a stream; a retry with the same request token and configuration is a no-op.
	 * @param streamName the name
	 * @param requested the configuration asked for
	 * @param token the {@code s2-request-token}, or {@code null}
	 * @return the stream and what happened
	 */
	public Provisioned<Stream> createStream(String streamName, StreamSpec requested, @Nullable String token) {
		requireActive();
		return this.streams.create(streamName, requested, token,
				() -> newStream(streamName, requested.orElse(spec().defaultStreamConfig())));
	}

	/**
	 * Creates a stream or sets its configuration to the one asked for.
	 * @param streamName the name
	 * @param requested the configuration asked for
	 * @return the stream and what happened
	 */
	public Provisioned<Stream> ensureStream(String streamName, StreamSpec requested) {
		requireActive();
		StreamSpec effective = requested.orElse(spec().defaultStreamConfig());
		return this.streams.ensure(streamName, effective, () -> newStream(streamName, effective));
	}

	/**
	 * Reconfigures a stream.
	 * @param streamName the name
	 * @param change the change to apply to its configuration
	 * @return the stream
	 */
	public Stream reconfigureStream(String streamName, UnaryOperator<StreamSpec> change) {
		requireActive();
		return this.streams.reconfigure(streamName, change);
	}

	/**
	 * Requests deletion of a stream; it disappears shortly after. Asking again while the
	 * deletion is pending succeeds.
	 * @param streamName the name
	 */
	public void deleteStream(String streamName) {
		requireActive();
		this.streams.delete(streamName);
	}

	void removeStream(Stream stream) {
		this.streams.remove(stream);
	}

	/**
	 * An active stream.
	 * @param streamName the name
	 * @return the stream
	 * @throws ApiException 404 if missing, 409 if being deleted
	 */
	public Stream stream(String streamName) {
		requireActive();
		return this.streams.active(streamName);
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
		BasinSpec current = spec();
		boolean create = forAppend ? current.createStreamOnAppend() : current.createStreamOnRead();
		if (!create) {
			return stream(streamName);
		}
		requireActive();
		return this.streams.activeOrCreate(streamName,
				() -> newStream(streamName, requested.orElse(current.defaultStreamConfig())));
	}

	private Stream newStream(String streamName, StreamSpec spec) {
		return newStream(streamName, spec, this.store.clock().millis());
	}

	private Stream newStream(String streamName, StreamSpec spec, long createdAtMillis) {
		return new Stream(name(), streamName, spec, Instant.ofEpochMilli(createdAtMillis), this.store.journal(),
				this.store.clock(), this.store.committer());
	}

	void replayStream(String streamName, StreamSpec spec, long createdAtMillis) {
		this.streams.replay(streamName, spec, () -> newStream(streamName, spec, createdAtMillis));
	}

	/**
	 * An active stream, if there is one.
	 * @param streamName the name
	 * @return the stream, or {@code null} if it is missing or being deleted
	 */
	public @Nullable Stream findStream(String streamName) {
		Stream stream = this.streams.get(streamName);
		return (stream != null && stream.deletedAt() == null) ? stream : null;
	}

	@Nullable Stream existingStream(String streamName) {
		return this.streams.get(streamName);
	}

	private void requireActive() {
		this.store.requireActive(this);
	}

	@Override
	public String toString() {
		return "Basin[" + name() + "]";
	}

}

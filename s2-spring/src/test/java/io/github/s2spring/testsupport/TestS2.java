package io.github.s2spring.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.control.model.CreateBasinRequest;
import io.github.s2spring.client.control.model.CreateStreamRequest;
import io.github.s2spring.client.data.AppendAck;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.AppendSession;
import io.github.s2spring.client.data.AppendTicket;
import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.data.SessionState;
import io.github.s2spring.client.error.RangeNotSatisfiableException;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.patterns.MessageWriterOptions;
import io.github.s2spring.client.patterns.S2Serializer;
import io.github.s2spring.client.patterns.SerializingAppendSession;
import io.github.s2spring.support.DefaultS2MessageConverter;

/**
 * A client on an embedded S2 for listener tests: creates basins and streams, writes
 * messages through the SDK's patterns writer (framing and dedupe are real) and reads
 * records back.
 */
public final class TestS2 implements AutoCloseable {

	private static final AtomicInteger basins = new AtomicInteger();

	private final S2Client client;

	public TestS2(String baseUrl) {
		this(baseUrl, Duration.ofSeconds(20));
	}

	public TestS2(String baseUrl, Duration heartbeatTimeout) {
		this.client = S2Client.create(
				S2ClientConfig.builder("test").endpoints(baseUrl, baseUrl).heartbeatTimeout(heartbeatTimeout).build());
	}

	public S2Client client() {
		return this.client;
	}

	public String createBasin() {
		String name = "listener-test-" + ProcessHandle.current().pid() + "-" + basins.incrementAndGet();
		this.client.basins().create(CreateBasinRequest.of(name));
		return name;
	}

	public void createStream(String basin, String stream) {
		this.client.basin(basin).streams().create(CreateStreamRequest.of(stream));
	}

	public Writer writer(String basin, String stream) {
		return new Writer(this.client.basin(basin).stream(stream).appendSession());
	}

	/**
	 * A writer whose every batch is appended twice, as after an acknowledgement lost on
	 * the way: readers must drop the copies.
	 * @param basin the basin
	 * @param stream the stream
	 * @return the writer
	 */
	public Writer duplicatingWriter(String basin, String stream) {
		return new Writer(new DuplicatingAppendSession(this.client.basin(basin).stream(stream).appendSession()));
	}

	public void appendRaw(String basin, String stream, String body, Map<String, String> headers) {
		this.client.basin(basin).stream(stream).append(AppendBatch.of(withHeaders(AppendRecord.of(body), headers)));
	}

	public List<SequencedRecord> read(String basin, String stream) {
		List<SequencedRecord> records = new ArrayList<>();
		long next = 0;
		try {
			while (true) {
				ReadBatch batch = this.client.basin(basin).stream(stream).read(ReadOptions.fromSeqNum(next));
				records.addAll(batch.records());
				next = batch.nextSeqNum();
			}
		}
		catch (RangeNotSatisfiableException ex) {
			return records;
		}
	}

	public static Map<String, String> headers(SequencedRecord record) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (Header header : record.headers()) {
			headers.put(header.nameAsString(), header.valueAsString());
		}
		return headers;
	}

	private static AppendRecord withHeaders(AppendRecord record, Map<String, String> headers) {
		List<Header> all = new ArrayList<>(record.headers());
		headers.forEach((name, value) -> all.add(Header.of(name, value)));
		return record.withHeaders(all);
	}

	@Override
	public void close() {
		this.client.close();
	}

	/**
	 * Sends converted payloads through the SDK's patterns writer, one message at a time,
	 * with headers on each message's first record.
	 */
	public static final class Writer implements AutoCloseable {

		private final SerializingAppendSession<byte[]> writer;

		private final DefaultS2MessageConverter converter = new DefaultS2MessageConverter();

		Writer(AppendSession session) {
			this.writer = SerializingAppendSession.of(session, S2Serializer.bytes(), MessageWriterOptions.defaults());
		}

		public void send(Object payload) {
			send(payload, Map.of());
		}

		public void send(Object payload, Map<String, String> headers) {
			Map<String, String> all = new LinkedHashMap<>(headers);
			byte[] bytes = this.converter.toBytes(payload, all);
			List<Header> recordHeaders = new ArrayList<>();
			all.forEach((name, value) -> recordHeaders.add(Header.of(name, value)));
			this.writer.send(bytes, recordHeaders).join();
		}

		@Override
		public void close() {
			this.writer.close();
		}

	}

	/**
	 * An append session that appends every batch twice, as a writer does whose
	 * acknowledgement was lost: readers must drop the copy by its stamps.
	 */
	private static final class DuplicatingAppendSession implements AppendSession {

		private final AppendSession delegate;

		DuplicatingAppendSession(AppendSession delegate) {
			this.delegate = delegate;
		}

		@Override
		public CompletableFuture<AppendTicket> submit(AppendBatch batch) {
			this.delegate.appendAsync(batch);
			return this.delegate.submit(batch);
		}

		@Override
		public AppendTicket trySubmit(AppendBatch batch) {
			throw new UnsupportedOperationException();
		}

		@Override
		public CompletableFuture<AppendAck> appendAsync(AppendBatch batch) {
			return submit(batch).thenCompose(AppendTicket::ack);
		}

		@Override
		public AppendAck append(AppendBatch batch) {
			return appendAsync(batch).join();
		}

		@Override
		public CompletableFuture<Void> closeAsync() {
			return this.delegate.closeAsync();
		}

		@Override
		public void close() {
			this.delegate.close();
		}

		@Override
		public @Nullable S2Exception failure() {
			return this.delegate.failure();
		}

		@Override
		public SessionState state() {
			return this.delegate.state();
		}

	}

}

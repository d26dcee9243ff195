package io.github.s2spring.client.patterns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.config.S2ClientConfig;
import io.github.s2spring.client.data.AppendBatch;
import io.github.s2spring.client.data.AppendRecord;
import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.ReadOptions;
import io.github.s2spring.client.data.ReadSession;
import io.github.s2spring.client.data.S2Stream;
import io.github.s2spring.client.data.SequencedRecord;
import io.github.s2spring.client.patterns.ReadOutcome.Message;
import io.github.s2spring.embedded.S2EmbeddedServer;
import io.github.s2spring.embedded.config.BasinSpec;
import io.github.s2spring.embedded.config.StreamSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Interoperability with the official TypeScript patterns (2.1.4) through s2-embedded:
 * Java writer to TypeScript reader, TypeScript writer to Java reader, and the exact
 * record bytes.
 */
class PatternsInteropTests {

	private static final String BASIN = "patterns-interop";

	private static S2EmbeddedServer server;

	private static S2Client client;

	record Event(String id, String body) {
	}

	record A(String a) {
	}

	record B(int b) {
	}

	record C(String c) {
	}

	@BeforeAll
	static void start() throws Exception {
		NodeScripts.ensureInstalled();
		server = S2EmbeddedServer.builder().port(0).build().start();
		server.store().createBasin(BASIN, new BasinSpec(StreamSpec.EMPTY, null, true, true), null);
		client = S2Client
			.create(S2ClientConfig.builder("patterns-interop").endpoints(server.baseUrl(), server.baseUrl()).build());
	}

	@AfterAll
	static void stop() {
		if (client != null) {
			client.close();
		}
		if (server != null) {
			server.close();
		}
	}

	@Test
	void javaWriterWithHeadersToTypeScriptReaderIncludingThreeMebibytesAndDuplicates() throws Exception {
		S2Stream stream = client.basin(BASIN).stream("java-to-ts");
		List<Event> events = List.of(new Event("m1", "hello from Java"), new Event("big", text(3 * 1024 * 1024)),
				new Event("m3", "after the big one"));
		// headers of every message, and on the big one a header large enough to shorten
		// its
		// first chunk
		List<Header> headers = List.of(Header.of("content-type", "application/json"),
				Header.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
		List<Header> bigHeaders = List.of(headers.get(0), Header.of("x-padding", "p".repeat(50_000)));
		SerializingAppendSession<Event> writer = SerializingAppendSession.of(stream.appendSession(),
				S2Serializer.json(Event.class), MessageWriterOptions.defaults());
		List<CompletableFuture<MessageAck>> acks = new ArrayList<>();
		events.forEach((event) -> acks.add(writer.send(event, event.id().equals("big") ? bigHeaders : headers)));
		CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
		assertThat(acks.get(1).join().records()).isEqualTo(4);
		// a resend after a lost ack: the last chunk of the big message and m3, again
		List<SequencedRecord> again = stream.read(ReadOptions.fromSeqNum(4).withCount(2)).records();
		assertThat(again.get(0).bodyAsString()).doesNotContain("after the big one");
		List<AppendRecord> copies = again.stream()
			.map((record) -> new AppendRecord(record.headers(), record.body(), null))
			.toList();
		stream.append(AppendBatch.of(copies));
		writer.send(new Event("m4", "after the duplicates"), headers).get(30, TimeUnit.SECONDS);
		writer.send(new Event("end", "")).get(30, TimeUnit.SECONDS);
		writer.close();
		SequencedRecord firstOfBig = stream.read(ReadOptions.fromSeqNum(1).withCount(1)).records().get(0);
		assertThat(firstOfBig.meteredBytes()).isEqualTo(1024 * 1024);
		assertThat(firstOfBig.headers().subList(4, 6)).isEqualTo(bigHeaders);

		List<String> expected = new ArrayList<>(events.stream().map(PatternsInteropTests::summary).toList());
		expected.add(summary(new Event("m4", "after the duplicates")));
		expected.add(summary(new Event("end", "")));
		assertThat(NodeScripts.node("ts-read.mjs", server.baseUrl(), BASIN, "java-to-ts"))
			.containsExactlyElementsOf(expected);
		List<Message<Event>> read = readWithSession(stream);
		assertThat(read).extracting((message) -> summary(message.value())).containsExactlyElementsOf(expected);
		assertThat(read).extracting(Message::headers).containsExactly(headers, bigHeaders, headers, headers, List.of());
	}

	@Test
	void typeScriptWriterToJavaReader() throws Exception {
		List<String> written = NodeScripts.node("ts-write.mjs", server.baseUrl(), BASIN, "ts-to-java");
		assertThat(written).hasSize(5);
		S2Stream stream = client.basin(BASIN).stream("ts-to-java");
		assertThat(readWithSession(stream)).extracting((message) -> summary(message.value()))
			.containsExactlyElementsOf(written);
		MessageReader<Event> unary = new MessageReader<>(S2Serializer.json(Event.class));
		List<ReadOutcome<Event>> outcomes = new ArrayList<>();
		long next = 0;
		long tail = stream.checkTail().seqNum();
		while (next < tail) {
			io.github.s2spring.client.data.ReadBatch batch = stream.read(ReadOptions.fromSeqNum(next));
			outcomes.addAll(unary.read(batch));
			next = batch.nextSeqNum();
		}
		assertThat(outcomes).allMatch((outcome) -> outcome instanceof Message<Event>);
		assertThat(MessageReaderTests.values(outcomes)).extracting(PatternsInteropTests::summary)
			.containsExactlyElementsOf(written);
		assertThat(unary.duplicatesDropped()).isEqualTo(2);
	}

	@Test
	void recordsAreByteForByteThoseOfTheTypeScriptWriter() throws Exception {
		NodeScripts.node("ts-layout.mjs", server.baseUrl(), BASIN, "layout");
		List<SequencedRecord> typescript = client.basin(BASIN)
			.stream("layout")
			.read(ReadOptions.fromSeqNum(0))
			.records();
		assertThat(typescript).hasSize(10);
		String firstWriter = writerId(typescript.get(0));
		String secondWriter = writerId(typescript.get(7));
		assertThat(firstWriter).matches("[A-Za-z0-9_-]{12}").isNotEqualTo(secondWriter);
		MessageFramer first = new MessageFramer(
				MessageWriterOptions.builder().chunkBytes(4).writerId(new WriterId(firstWriter)).build());
		MessageFramer second = new MessageFramer(MessageWriterOptions.builder()
			.chunkBytes(4)
			.firstDedupeSeq(100)
			.writerId(new WriterId(secondWriter))
			.build());
		List<AppendRecord> java = TestRecords.appendRecords(
				first.frame(S2Serializer.json(A.class).serialize(new A("0123456789"))),
				first.frame(S2Serializer.json(B.class).serialize(new B(1))),
				second.frame(S2Serializer.json(C.class).serialize(new C("xyz"))));
		assertThat(java).hasSize(10);
		for (int i = 0; i < 10; i++) {
			assertThat(java.get(i).headers()).as("headers of record %d", i).isEqualTo(typescript.get(i).headers());
			assertThat(java.get(i).body()).as("body of record %d", i).isEqualTo(typescript.get(i).body());
		}
	}

	private static List<Message<Event>> readWithSession(S2Stream stream) throws Exception {
		MessageReader<Event> reader = new MessageReader<>(S2Serializer.json(Event.class));
		List<Message<Event>> messages = new ArrayList<>();
		try (ReadSession session = stream.readSession(ReadOptions.fromSeqNum(0))) {
			Iterator<ReadOutcome<Event>> outcomes = reader.iterate(session);
			while (outcomes.hasNext()) {
				ReadOutcome<Event> outcome = outcomes.next();
				assertThat(outcome).isInstanceOf(Message.class);
				Message<Event> message = (Message<Event>) outcome;
				messages.add(message);
				if (message.value().id().equals("end")) {
					break;
				}
			}
		}
		return messages;
	}

	private static String writerId(SequencedRecord record) {
		return record.headers()
			.stream()
			.filter((header) -> header.nameAsString().equals(PatternHeaders.WRITER_ID))
			.findFirst()
			.orElseThrow()
			.valueAsString();
	}

	static String summary(Event event) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(event.body().getBytes(StandardCharsets.UTF_8));
			return event.id() + ":" + event.body().length() + ":" + HexFormat.of().formatHex(digest);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(int size) {
		Random random = new Random(7);
		StringBuilder text = new StringBuilder(size);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ";
		for (int i = 0; i < size; i++) {
			text.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

}

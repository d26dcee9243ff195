package io.github.s2spring.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the default converter writes for each kind of payload, with which content type,
 * and how it reads it back.
 */
class DefaultS2MessageConverterTests {

	private final DefaultS2MessageConverter converter = new DefaultS2MessageConverter();

	@Test
	void recordsAreJson() {
		Map<String, String> headers = new LinkedHashMap<>();
		byte[] bytes = this.converter.toBytes(new Greeting("alice", "hi", 3), headers);
		assertThat(new String(bytes, StandardCharsets.UTF_8))
			.isEqualTo("{\"user\":\"alice\",\"text\":\"hi\",\"count\":3}");
		assertThat(headers).containsExactly(Map.entry("content-type", "application/json"));
		assertThat(this.converter.fromBytes(bytes, headers, Greeting.class)).isEqualTo(new Greeting("alice", "hi", 3));
	}

	@Test
	void stringsAreUtf8Text() {
		Map<String, String> headers = new LinkedHashMap<>();
		byte[] bytes = this.converter.toBytes("héllo", headers);
		assertThat(bytes).isEqualTo("héllo".getBytes(StandardCharsets.UTF_8));
		assertThat(headers).containsEntry("content-type", "text/plain;charset=utf-8");
		assertThat(this.converter.fromBytes(bytes, headers, String.class)).isEqualTo("héllo");
		assertThat(this.converter.fromBytes(bytes, headers, Object.class)).isEqualTo("héllo");
	}

	@Test
	void bytesAreThemselves() {
		Map<String, String> headers = new LinkedHashMap<>();
		byte[] payload = { 0, 1, (byte) 0xff };
		assertThat(this.converter.toBytes(payload, headers)).isSameAs(payload);
		assertThat(headers).containsEntry("content-type", "application/octet-stream");
		assertThat(this.converter.fromBytes(payload, headers, byte[].class)).isSameAs(payload);
		assertThat(this.converter.fromBytes(payload, headers, Object.class)).isSameAs(payload);
	}

	@Test
	void protobufMessagesAreTheirEncoding() {
		s2.v1.StreamPosition position = s2.v1.StreamPosition.newBuilder().setSeqNum(42).setTimestamp(7).build();
		Map<String, String> headers = new LinkedHashMap<>();
		byte[] bytes = this.converter.toBytes(position, headers);
		assertThat(bytes).isEqualTo(position.toByteArray());
		assertThat(headers).containsEntry("content-type", "application/x-protobuf");
		assertThat(this.converter.fromBytes(bytes, headers, s2.v1.StreamPosition.class)).isEqualTo(position);
	}

	@Test
	void genericTypesAreRead() {
		byte[] bytes = "[{\"user\":\"a\",\"text\":\"b\",\"count\":1}]".getBytes(StandardCharsets.UTF_8);
		Object read = this.converter.fromBytes(bytes, Map.of(), new ParameterizedTypeReference<List<Greeting>>() {
		}.getType());
		assertThat(read).isEqualTo(List.of(new Greeting("a", "b", 1)));
	}

	@Test
	void unknownPropertiesAreIgnoredSoOlderAndForeignRecordsStillRead() {
		byte[] bytes = "{\"user\":\"a\",\"text\":\"b\",\"count\":1,\"emoji\":\"x\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(this.converter.fromBytes(bytes, Map.of(), Greeting.class)).isEqualTo(new Greeting("a", "b", 1));
	}

	@Test
	void jsonWithoutTargetClassIsReadAsATree() {
		byte[] bytes = "{\"a\":[1,2]}".getBytes(StandardCharsets.UTF_8);
		assertThat(this.converter.fromBytes(bytes, Map.of("content-type", "application/json"), Object.class))
			.isEqualTo(Map.of("a", List.of(1, 2)));
	}

	@Test
	void existingContentTypeIsKept() {
		Map<String, String> headers = new LinkedHashMap<>(Map.of("content-type", "application/vnd.chat+json"));
		this.converter.toBytes(new Greeting("a", "b", 1), headers);
		assertThat(headers).containsExactly(Map.entry("content-type", "application/vnd.chat+json"));
	}

	@Test
	void unreadableJsonFailsNamingTheType() {
		byte[] bytes = "not json".getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(S2ConversionException.class)
			.isThrownBy(() -> this.converter.fromBytes(bytes, Map.of(), Greeting.class))
			.withMessageContaining("8 bytes as JSON of " + Greeting.class.getName());
	}

	@Test
	void unreadableProtobufFailsNamingTheType() {
		assertThatExceptionOfType(S2ConversionException.class)
			.isThrownBy(
					() -> this.converter.fromBytes(new byte[] { (byte) 0xff }, Map.of(), s2.v1.StreamPosition.class))
			.withMessageContaining("as protobuf s2.v1.StreamPosition");
	}

	@Test
	void unwritablePayloadFailsNamingItsType() {
		assertThatExceptionOfType(S2ConversionException.class)
			.isThrownBy(() -> this.converter.toBytes(new Unwritable(), new LinkedHashMap<>()))
			.withMessageContaining("Cannot write a " + Unwritable.class.getName() + " as JSON")
			.withMessageContaining("not today");
	}

	@Test
	void strictMapperIsRespected() {
		DefaultS2MessageConverter strict = new DefaultS2MessageConverter(
				JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
		byte[] bytes = "{\"user\":\"a\",\"text\":\"b\",\"count\":1,\"x\":1}".getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(S2ConversionException.class)
			.isThrownBy(() -> strict.fromBytes(bytes, Map.of(), Greeting.class));
	}

	record Greeting(String user, String text, int count) {
	}

	static class Unwritable {

		public String getValue() {
			throw new IllegalStateException("not today");
		}

	}

}

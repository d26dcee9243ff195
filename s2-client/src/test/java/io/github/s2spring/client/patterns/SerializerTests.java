package io.github.s2spring.client.patterns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.s2spring.client.data.Header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SerializerTests {

	record Event(String name, int n) {
	}

	static final class Broken {

		public String getValue() {
			throw new IllegalStateException("no value");
		}

	}

	@Test
	void jsonWritesCompactJsonLikeJsonStringify() {
		S2Serializer<Event> json = S2Serializer.json(Event.class);
		byte[] bytes = json.serialize(new Event("a", 1));
		assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"a\",\"n\":1}");
		assertThat(json.deserialize(bytes)).isEqualTo(new Event("a", 1));
		assertThat(S2Serializer.json(JsonMapper.builder().build(), Event.class).deserialize(bytes))
			.isEqualTo(new Event("a", 1));
	}

	@Test
	void jsonErrorsAreSerializationExceptions() {
		S2Serializer<Event> json = S2Serializer.json(Event.class);
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> json.deserialize("{".getBytes()))
			.withMessageContaining("Cannot read 1 bytes of JSON as ");
		S2Serializer<Broken> broken = S2Serializer.json(Broken.class);
		assertThatExceptionOfType(SerializationException.class).isThrownBy(() -> broken.serialize(new Broken()))
			.withMessageContaining("Cannot write " + Broken.class.getName() + " as JSON");
	}

	@Test
	void stringIsUtf8() {
		assertThat(S2Serializer.string().serialize("é")).containsExactly(0xC3, 0xA9);
		assertThat(S2Serializer.string().deserialize(new byte[] { (byte) 0xC3, (byte) 0xA9 })).isEqualTo("é");
	}

	@Test
	void bytesAreNotCopied() {
		byte[] original = { 1, 2 };
		assertThat(S2Serializer.bytes().serialize(original)).isSameAs(original);
		assertThat(S2Serializer.bytes().deserialize(original)).isSameAs(original);
	}

	@Test
	void headersAreLeftAloneByDefault() {
		List<Header> headers = new ArrayList<>(List.of(Header.of("a", "b")));
		S2Serializer<Event> json = S2Serializer.json(Event.class);
		byte[] bytes = json.serialize(new Event("a", 1), headers);
		assertThat(headers).containsExactly(Header.of("a", "b"));
		assertThat(json.deserialize(bytes, headers)).isEqualTo(new Event("a", 1));
		assertThat(S2Serializer.string().serialize("x", headers)).containsExactly('x');
		assertThat(S2Serializer.string().deserialize(new byte[] { 'y' }, headers)).isEqualTo("y");
	}

	@Test
	void protobufUsesTheBinaryEncoding() {
		S2Serializer<s2.v1.Header> protobuf = S2Serializer.of(s2.v1.Header::toByteArray, s2.v1.Header::parseFrom);
		s2.v1.Header header = s2.v1.Header.newBuilder().setName(ByteString.copyFromUtf8("k")).build();
		byte[] bytes = protobuf.serialize(header);
		assertThat(bytes).isEqualTo(header.toByteArray());
		assertThat(protobuf.deserialize(bytes)).isEqualTo(header);
		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> protobuf.deserialize(new byte[] { (byte) 0xFF }))
			.withMessageStartingWith("Cannot deserialize 1 bytes: ");
	}

}

package io.github.s2spring.client.patterns;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON with Jackson 3.
 *
 * @param <T> the type of the messages
 */
final class JsonSerializer<T> implements S2Serializer<T> {

	static final ObjectMapper DEFAULT_MAPPER = JsonMapper.builder().build();

	private final ObjectMapper mapper;

	private final Class<T> type;

	JsonSerializer(ObjectMapper mapper, Class<T> type) {
		this.mapper = mapper;
		this.type = type;
	}

	@Override
	public byte[] serialize(T message) {
		try {
			return this.mapper.writeValueAsBytes(message);
		}
		catch (JacksonException ex) {
			throw new SerializationException("Cannot write " + this.type.getName() + " as JSON", ex);
		}
	}

	@Override
	public T deserialize(byte[] bytes) {
		try {
			return this.mapper.readValue(bytes, this.type);
		}
		catch (JacksonException ex) {
			throw new SerializationException("Cannot read " + bytes.length + " bytes of JSON as " + this.type.getName(),
					ex);
		}
	}

}

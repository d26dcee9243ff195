package io.github.s2spring.embedded.record;

import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MessageOrBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.github.s2spring.embedded.config.Json;

/**
 * Prints a protobuf message as JSON, field by field in field-number order, under the
 * fields' names as declared ({@code match_seq_num}): only the fields present (an
 * {@code optional} field set to zero is present), bytes in base64, unsigned 64-bit values
 * as numbers.
 */
final class ProtoJson {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private ProtoJson() {
	}

	static ObjectNode print(MessageOrBuilder message) {
		ObjectNode json = Json.object();
		for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
			FieldDescriptor descriptor = field.getKey();
			if (descriptor.isRepeated()) {
				ArrayNode values = json.putArray(descriptor.getName());
				for (Object value : (List<?>) field.getValue()) {
					values.add(value(descriptor, value));
				}
			}
			else {
				json.set(descriptor.getName(), value(descriptor, field.getValue()));
			}
		}
		return json;
	}

	private static JsonNode value(FieldDescriptor field, Object value) {
		return switch (field.getJavaType()) {
			case MESSAGE -> print((MessageOrBuilder) value);
			case BYTE_STRING ->
				NODES.stringNode(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
			case LONG -> unsigned(field) ? NODES.numberNode(new BigInteger(Long.toUnsignedString((Long) value)))
					: NODES.numberNode((Long) value);
			case INT -> NODES.numberNode((Integer) value);
			case BOOLEAN -> NODES.booleanNode((Boolean) value);
			case ENUM -> NODES.stringNode(((EnumValueDescriptor) value).getName());
			default -> NODES.stringNode(String.valueOf(value));
		};
	}

	private static boolean unsigned(FieldDescriptor field) {
		return field.getType() == FieldDescriptor.Type.UINT64 || field.getType() == FieldDescriptor.Type.FIXED64;
	}

}

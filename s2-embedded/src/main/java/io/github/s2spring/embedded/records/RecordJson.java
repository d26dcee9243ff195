package io.github.s2spring.embedded.records;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;
import s2.v1.AppendAck;
import s2.v1.AppendInput;
import s2.v1.AppendRecord;
import s2.v1.Header;
import s2.v1.SequencedRecord;

import io.github.s2spring.embedded.config.ConfigJson;
import io.github.s2spring.embedded.config.Json;
import io.github.s2spring.protocol.StreamPosition;

/**
 * The JSON forms of the data plane: {@code AppendInput} in, {@code AppendAck},
 * {@code ReadBatch} and tails out.
 */
final class RecordJson {

	private RecordJson() {
	}

	static AppendInput readAppendInput(JsonNode json, RecordFormat format) {
		if (!json.isObject()) {
			throw ConfigJson.badJson("expected an AppendInput object");
		}
		AppendInput.Builder input = AppendInput.newBuilder();
		JsonNode records = json.get("records");
		if (records == null || !records.isArray()) {
			throw ConfigJson.badJson("missing or non-array field `records`");
		}
		for (JsonNode record : records) {
			input.addRecords(readRecord(record, format));
		}
		JsonNode match = json.get("match_seq_num");
		if (match != null && !match.isNull()) {
			input.setMatchSeqNum(unsigned(match, "match_seq_num"));
		}
		JsonNode token = json.get("fencing_token");
		if (token != null && !token.isNull()) {
			if (!token.isString()) {
				throw ConfigJson.badJson("`fencing_token` must be a string");
			}
			input.setFencingToken(token.stringValue());
		}
		return input.build();
	}

	private static AppendRecord readRecord(JsonNode json, RecordFormat format) {
		if (!json.isObject()) {
			throw ConfigJson.badJson("each record must be an object");
		}
		AppendRecord.Builder record = AppendRecord.newBuilder();
		JsonNode timestamp = json.get("timestamp");
		if (timestamp != null && !timestamp.isNull()) {
			record.setTimestamp(unsigned(timestamp, "timestamp"));
		}
		JsonNode headers = json.get("headers");
		if (headers != null && !headers.isNull()) {
			if (!headers.isArray()) {
				throw ConfigJson.badJson("`headers` must be an array of [name, value] pairs");
			}
			for (JsonNode header : headers) {
				if (!header.isArray() || header.size() != 2 || !header.get(0).isString() || !header.get(1).isString()) {
					throw ConfigJson.badJson("each header must be a [name, value] pair of strings");
				}
				record.addHeaders(Header.newBuilder()
					.setName(format.decode(header.get(0).stringValue()))
					.setValue(format.decode(header.get(1).stringValue())));
			}
		}
		JsonNode body = json.get("body");
		if (body != null && !body.isNull()) {
			if (!body.isString()) {
				throw ConfigJson.badJson("`body` must be a string");
			}
			record.setBody(format.decode(body.stringValue()));
		}
		return record.build();
	}

	private static long unsigned(JsonNode node, String field) {
		if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
			throw ConfigJson.badJson("`" + field + "` must be an unsigned integer, got " + node);
		}
		return node.longValue();
	}

	static ObjectNode ack(AppendAck ack) {
		ObjectNode json = Json.object();
		json.set("start", position(StreamPosition.of(ack.getStart())));
		json.set("end", position(StreamPosition.of(ack.getEnd())));
		json.set("tail", position(StreamPosition.of(ack.getTail())));
		return json;
	}

	static ObjectNode position(StreamPosition position) {
		ObjectNode json = Json.object();
		json.put("seq_num", position.seqNum());
		json.put("timestamp", position.timestamp());
		return json;
	}

	static ObjectNode tail(StreamPosition tail) {
		ObjectNode json = Json.object();
		json.set("tail", position(tail));
		return json;
	}

	static ObjectNode readBatch(List<SequencedRecord> records, @Nullable StreamPosition tail, RecordFormat format) {
		ObjectNode json = Json.object();
		ArrayNode array = json.putArray("records");
		for (SequencedRecord record : records) {
			ObjectNode item = array.addObject();
			item.put("seq_num", record.getSeqNum());
			item.put("timestamp", record.getTimestamp());
			if (record.getHeadersCount() > 0) {
				ArrayNode headers = item.putArray("headers");
				for (Header header : record.getHeadersList()) {
					headers.addArray().add(format.encode(header.getName())).add(format.encode(header.getValue()));
				}
			}
			if (!record.getBody().isEmpty()) {
				item.put("body", format.encode(record.getBody()));
			}
		}
		if (tail != null) {
			json.set("tail", position(tail));
		}
		return json;
	}

}

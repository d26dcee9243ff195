package io.github.s2spring.embedded.record;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RecordingComparisonTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String CREATE = request("HTTP/1.1", "POST", "/v1/basins", "{}",
			"{\"authorization\":\"Bearer t\",\"content-type\":\"application/json\",\"s2-request-token\":\"R1\","
					+ "\"user-agent\":\"s2-sdk-typescript/0.27.0\",\"accept-encoding\":\"gzip, deflate\"}",
			"{\"json\":{\"basin\":\"b-basin-1\",\"config\":null}}");

	private static final String JSON_APPEND = request("HTTP/1.1", "POST", "/v1/streams/a%20b/records", "{}",
			"{\"content-type\":\"application/json\",\"accept\":\"*/*\"}",
			"{\"json\":{\"records\":[{\"body\":\"hello\",\"headers\":[[\"k\",\"v\"]]},{\"body\":\"\"}],"
					+ "\"match_seq_num\":2}}");

	private static final String PROTO_APPEND = request("HTTP/2", "POST", "/v1/streams/a%20b/records", "{}",
			"{\"content-type\":\"application/protobuf\",\"accept\":\"application/protobuf\"}",
			"{\"proto\":\"s2.v1.AppendInput\",\"message\":{\"records\":[{\"headers\":[{\"name\":\"aw==\","
					+ "\"value\":\"dg==\"}],\"body\":\"aGVsbG8=\"},{}],\"match_seq_num\":2}}");

	private static final String SESSION = request("HTTP/2", "POST", "/v1/streams/s/records", "{}",
			"{\"content-type\":\"s2s/proto\",\"accept\":\"application/protobuf\",\"accept-encoding\":\"gzip\"}",
			"{\"s2s\":[{\"flag\":64,\"compression\":\"gzip\",\"proto\":\"s2.v1.AppendInput\","
					+ "\"message\":{\"records\":[{\"body\":\"eA==\"}]}}]}");

	@Test
	void theSameOperationsWithOtherTokensAndUserAgentsAreTheSame() {
		String other = CREATE.replace("R1", "R2").replace("s2-sdk-typescript/0.27.0", "s2-java/0.1.0");
		ComparisonReport report = compare(List.of(mark(0, "basins.create"), at(CREATE, 1)),
				List.of(mark(7, "basins.create"), at(other, 8)));
		assertThat(report.operations()).containsExactly("basins.create");
		assertThat(report.findings()).isEmpty();
		assertThat(report.describe()).startsWith("same       basins.create")
			.endsWith("1 operations compared, 0 harmless differences, 0 differences" + System.lineSeparator());
	}

	@Test
	void theSameAppendInJsonAndInProtobufIsHarmless() {
		ComparisonReport report = compare(List.of(mark(0, "append"), at(JSON_APPEND, 1)),
				List.of(mark(0, "append"), at(PROTO_APPEND, 1)));
		assertThat(report.differences()).isEmpty();
		assertThat(report.findings()).extracting(Finding::what)
			.containsExactly("protocol", "header content-type", "header accept");
		assertThat(report.findings().get(1).reason())
			.isEqualTo("the same AppendInput in JSON and in protobuf; S2 accepts both");
		assertThat(report.findings().get(2).reason())
			.isEqualTo("the client picks the response format; S2 answers JSON or protobuf as asked");
		assertThat(report.describe()).contains("harmless   append");
	}

	@Test
	void aDifferentAppendIsADifference() {
		String other = PROTO_APPEND.replace("\"match_seq_num\":2", "\"match_seq_num\":3");
		ComparisonReport report = compare(List.of(mark(0, "append"), at(JSON_APPEND, 1)),
				List.of(mark(0, "append"), at(other, 1)));
		assertThat(report.differences()).extracting(Finding::what)
			.containsExactly("header content-type", "body $.match_seq_num");
		assertThat(report.differences().get(1).toString())
			.isEqualTo("DIFFERENT append #0 body $.match_seq_num: 2 vs 3 (S2 may answer differently)");
	}

	@Test
	void sessionsCompareFrameByFrameWithTheirFlagsAndNegotiation() {
		String uncompressed = SESSION
			.replace("\"flag\":64,\"compression\":\"gzip\"", "\"flag\":0,\"compression\":\"none\"")
			.replace(",\"accept-encoding\":\"gzip\"", "")
			.replace("\"accept\":\"application/protobuf\"", "\"accept\":\"*/*\"")
			.replace("HTTP/2", "HTTP/1.1");
		ComparisonReport report = compare(List.of(mark(0, "appendSession"), at(SESSION, 1)),
				List.of(mark(0, "appendSession"), at(uncompressed, 1)));
		assertThat(report.findings()).extracting(Finding::what, Finding::harmless)
			.containsExactly(tuple("protocol", false), tuple("header accept", true),
					tuple("header accept-encoding", false), tuple("s2s frame 0 flag", false));
		String twoFrames = SESSION
			.replace("\"eA==\"}]}}]}", "\"eA==\"}]}},{\"flag\":0,\"message\":{\"records\":[{\"body\":\"eQ==\"}]}}]}")
			.replace("\"accept-encoding\":\"gzip\"", "\"accept-encoding\":\" GZIP \"");
		assertThat(compare(List.of(mark(0, "s"), at(SESSION, 1)), List.of(mark(0, "s"), at(twoFrames, 1))).findings())
			.extracting(Finding::what, Finding::harmless)
			.containsExactly(tuple("header accept-encoding", true), tuple("s2s frames", false));
	}

	@Test
	void jsonBodiesTreatNullAsAbsentExceptInAPatchAndTimesByInstant() {
		String absent = CREATE.replace(",\"config\":null", "");
		assertThat(compare(List.of(at(CREATE, 0)), List.of(at(absent, 0))).findings()).singleElement()
			.satisfies((finding) -> {
				assertThat(finding.operation()).isEqualTo(Recording.UNMARKED);
				assertThat(finding.what()).isEqualTo("body $.json.config");
				assertThat(finding.harmless()).isTrue();
			});
		String patch = CREATE.replace("\"POST\"", "\"PATCH\"");
		assertThat(
				compare(List.of(at(patch, 0)), List.of(at(absent.replace("\"POST\"", "\"PATCH\""), 0))).differences())
			.hasSize(1);
		String issued = CREATE.replace("\"config\":null", "\"expires_at\":\"2030-01-01T00:00:00.000Z\"");
		String sameInstant = issued.replace("00:00:00.000Z", "01:00:00+01:00");
		assertThat(compare(List.of(at(issued, 0)), List.of(at(sameInstant, 0))).findings()).singleElement()
			.satisfies((finding) -> assertThat(finding.reason()).isEqualTo("the same instant written differently"));
		String later = issued.replace("00:00:00.000Z", "00:00:01Z");
		assertThat(compare(List.of(at(issued, 0)), List.of(at(later, 0))).differences()).hasSize(1);
	}

	@Test
	void aFieldSetToS2sDefaultIsLikeAnAbsentOneExceptInAPatch() {
		String explicit = CREATE.replace("\"config\":null", "\"config\":{\"create_stream_on_read\":false}");
		String absent = CREATE.replace("\"config\":null", "\"config\":{}");
		assertThat(compare(List.of(at(absent, 0)), List.of(at(explicit, 0))).findings()).singleElement()
			.satisfies((finding) -> assertThat(finding.reason())
				.isEqualTo("absent and S2's default false mean the same here"));
		assertThat(compare(List.of(at(absent.replace("\"POST\"", "\"PATCH\""), 0)),
				List.of(at(explicit.replace("\"POST\"", "\"PATCH\""), 0)))
			.differences()).hasSize(1);
		assertThat(compare(List.of(at(absent, 0)), List.of(at(explicit.replace("false", "true"), 0))).differences())
			.hasSize(1);
		String list = request("HTTP/1.1", "GET", "/v1/basins", "{\"prefix\":\"b-\"}", "{}", "null");
		assertThat(compare(List.of(at(list, 0)),
				List.of(at(list.replace("{\"prefix", "{\"start_after\":\"\",\"prefix"), 0)))
			.findings()).singleElement().satisfies((finding) -> assertThat(finding.harmless()).isTrue());
		assertThat(compare(List.of(at(list, 0)),
				List.of(at(list.replace("{\"prefix", "{\"start_after\":\"b\",\"prefix"), 0)))
			.differences()).hasSize(1);
	}

	@Test
	void pathsQueriesHeadersAndMethodsAreCompared() {
		String read = request("HTTP/1.1", "GET", "/v1/streams/a%2Fb%C3%A9/records", "{\"seq_num\":\"0\"}",
				"{\"authorization\":\"Bearer t\",\"s2-basin\":\"b-basin-1\",\"accept-encoding\":\"gzip\"}", "null");
		String spelled = read.replace("%C3%A9", "\u00e9").replace("%2F", "%2f");
		assertThat(compare(List.of(at(read, 0)), List.of(at(spelled, 0))).findings()).singleElement()
			.satisfies((finding) -> assertThat(finding.reason())
				.isEqualTo("percent-encoded differently, the same path decoded"));
		String other = read.replace("%2F", "/")
			.replace("\"0\"", "\"1\"")
			.replace("\"GET\"", "\"POST\"")
			.replace(",\"accept-encoding\":\"gzip\"", "")
			.replace("b-basin-1", "c-basin-1")
			.replace("\"complete\":true", "\"complete\":false");
		ComparisonReport report = compare(List.of(at(read, 0)), List.of(at(other, 0)));
		assertThat(report.differences()).extracting(Finding::what)
			.containsExactly("method", "path", "query seq_num", "complete", "header s2-basin");
		assertThat(report.findings()).filteredOn(Finding::harmless)
			.extracting(Finding::what)
			.containsExactly("header accept-encoding");
		String noToken = CREATE.replace(",\"s2-request-token\":\"R1\"", "");
		assertThat(compare(List.of(at(CREATE, 0)), List.of(at(noToken, 0))).differences()).singleElement()
			.satisfies((finding) -> {
				assertThat(finding.what()).isEqualTo("header s2-request-token");
				assertThat(finding.reference()).isEqualTo("present");
				assertThat(finding.candidate()).isEqualTo("absent");
			});
	}

	@Test
	void missingExtraAndUnevenOperationsAreDifferences() {
		ComparisonReport report = compare(
				List.of(mark(0, "one"), at(CREATE, 1), at(CREATE, 2), mark(3, "two"), at(CREATE, 4)),
				List.of(mark(0, "one"), at(CREATE, 1), mark(2, "three")));
		assertThat(report.operations()).containsExactly("one", "two", "three");
		assertThat(report.differences()).extracting(Finding::operation, Finding::what)
			.containsExactly(tuple("one", "requests"), tuple("two", "operation"), tuple("three", "operation"));
		assertThat(report.describe()).contains("DIFFERENT  one", "not performed", "only the candidate performed it");
	}

	@Test
	void theCommandLineComparesTwoFiles(@TempDir Path dir) throws Exception {
		Path reference = dir.resolve("ts.jsonl");
		Path candidate = dir.resolve("java.jsonl");
		Files.writeString(reference, mark(0, "append") + "\n" + at(JSON_APPEND, 1) + "\n\n");
		Files.writeString(candidate, mark(0, "append") + "\n" + at(PROTO_APPEND, 1) + "\n");
		assertThat(run("x")).isEqualTo(2);
		assertThat(run(reference.toString(), candidate.toString())).isEqualTo(0);
		assertThat(run("--strict", reference.toString(), candidate.toString())).isEqualTo(1);
		assertThat(run("--strict", reference.toString(), reference.toString())).isEqualTo(0);
		Files.writeString(candidate, mark(0, "other") + "\n");
		assertThat(run(reference.toString(), candidate.toString())).isEqualTo(1);
	}

	private static int run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int status = CompareRecordings.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));
		assertThat(out.toString(StandardCharsets.UTF_8)).isNotEmpty();
		return status;
	}

	private static ComparisonReport compare(List<String> reference, List<String> candidate) {
		return RecordingComparison.compare(Recording.of(parse(reference)), Recording.of(parse(candidate)));
	}

	private static List<JsonNode> parse(List<String> lines) {
		List<JsonNode> nodes = new ArrayList<>();
		lines.forEach((line) -> nodes.add(MAPPER.readTree(line)));
		return nodes;
	}

	private static String mark(long seq, String name) {
		return at(request("HTTP/1.1", "GET", "/health", "{\"mark\":\"" + name + "\"}", "{}", "null"), seq);
	}

	private static String at(String request, long seq) {
		return "{\"seq\":" + seq + "," + request.substring(1);
	}

	private static String request(String protocol, String method, String path, String query, String headers,
			String body) {
		return "{\"protocol\":\"" + protocol + "\",\"method\":\"" + method + "\",\"path\":\"" + path + "\",\"query\":"
				+ query + ",\"headers\":" + headers + ",\"body\":" + body + ",\"complete\":true}";
	}

}

package io.github.s2spring.embedded.record;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Compares one request of a candidate with the reference's request at the same place:
 * method, path, query, protocol, the headers S2 reads and the decoded body. Values that
 * legitimately differ are not compared ({@code s2-request-token} is random, only its
 * presence counts; {@code user-agent} names the SDK); differences S2 treats alike are
 * findings marked harmless, with the reason (see {@link RequestDefaults} for fields sent
 * with their default value).
 */
final class RequestComparison {

	private static final String S2S = "s2s/proto";

	private final String operation;

	private final int index;

	private final List<Finding> out;

	private RequestComparison(String operation, int index, List<Finding> out) {
		this.operation = operation;
		this.index = index;
		this.out = out;
	}

	static void compare(String operation, int index, JsonNode reference, JsonNode candidate, List<Finding> out) {
		new RequestComparison(operation, index, out).compare(reference, candidate);
	}

	private void compare(JsonNode reference, JsonNode candidate) {
		boolean session = isSession(reference) || isSession(candidate);
		field("method", reference, candidate, null);
		String referencePath = reference.path("path").asString();
		String candidatePath = candidate.path("path").asString();
		if (!referencePath.equals(candidatePath)) {
			boolean sameDecoded = decode(referencePath).equals(decode(candidatePath));
			add("path", referencePath, candidatePath,
					sameDecoded ? "percent-encoded differently, the same path decoded" : null);
		}
		for (JsonDiff.Difference difference : JsonDiff.diff(reference.path("query"), candidate.path("query"), false)) {
			String name = difference.path().substring(2);
			add("query " + name, difference.reference(), difference.candidate(),
					RequestDefaults.queryDefault(name, difference.reference(), difference.candidate())
							? RequestDefaults.reason("\"\"") : null);
		}
		field("protocol", reference, candidate,
				session ? null : "S2 serves unary and control-plane calls on HTTP/1.1 and HTTP/2 alike");
		field("complete", reference, candidate, null);
		headers(reference.path("headers"), candidate.path("headers"), session, reference, candidate);
		body(reference, candidate);
	}

	private void headers(JsonNode reference, JsonNode candidate, boolean session, JsonNode referenceRequest,
			JsonNode candidateRequest) {
		Set<String> names = new LinkedHashSet<>(reference.propertyNames());
		names.addAll(candidate.propertyNames());
		for (String name : names) {
			String ours = text(reference.get(name));
			String theirs = text(candidate.get(name));
			if (name.equals("user-agent") || (ours != null && ours.equals(theirs))
					|| (ours == null && theirs == null)) {
				continue;
			}
			if (name.equals("s2-request-token")) {
				if ((ours == null) != (theirs == null)) {
					add("header s2-request-token", present(ours), present(theirs), null);
				}
				continue;
			}
			add("header " + name, String.valueOf(ours), String.valueOf(theirs),
					harmlessHeader(name, ours, theirs, session, referenceRequest, candidateRequest));
		}
	}

	private static @Nullable String harmlessHeader(String name, @Nullable String ours, @Nullable String theirs,
			boolean session, JsonNode reference, JsonNode candidate) {
		return switch (name) {
			case "accept" -> session ? "S2 ignores Accept on an S2S session"
					: jsonByDefault(ours) && jsonByDefault(theirs) ? "both get JSON, S2's default"
							: "the client picks the response format; S2 answers JSON or protobuf as asked";
			case "accept-encoding" ->
				session ? (tokens(ours).equals(tokens(theirs)) ? "the same encodings, listed differently" : null)
						: "HTTP response compression, negotiated by the HTTP client; S2 answers either way";
			case "content-encoding" -> "request body compression, undone by S2; the bodies are compared decompressed";
			case "content-type" ->
				sameMediaType(ours, theirs) ? "the same media type" : sameAppend(reference, candidate)
						? "the same AppendInput in JSON and in protobuf; S2 accepts both" : null;
			default -> null;
		};
	}

	private void body(JsonNode reference, JsonNode candidate) {
		if (isUnaryAppend(reference) && isUnaryAppend(candidate)) {
			diffInto("body", AppendInputJson.of(reference), AppendInputJson.of(candidate), false);
			return;
		}
		JsonNode ours = reference.path("body");
		JsonNode theirs = candidate.path("body");
		if (ours.has("s2s") && theirs.has("s2s")) {
			frames(ours.get("s2s"), theirs.get("s2s"));
			return;
		}
		boolean patch = reference.path("method").asString().equals("PATCH");
		diffInto("body", ours, theirs, !patch);
	}

	private void frames(JsonNode reference, JsonNode candidate) {
		if (reference.size() != candidate.size()) {
			add("s2s frames", reference.size() + " frames", candidate.size() + " frames", null);
		}
		for (int i = 0; i < Math.min(reference.size(), candidate.size()); i++) {
			JsonNode ours = reference.get(i);
			JsonNode theirs = candidate.get(i);
			if (ours.path("flag").asInt() != theirs.path("flag").asInt()) {
				add("s2s frame " + i + " flag", describeFlag(ours), describeFlag(theirs), null);
			}
			diffInto("s2s frame " + i + " message", ours.path("message"), theirs.path("message"), false);
		}
	}

	private static String describeFlag(JsonNode frame) {
		return frame.path("flag").asInt() + " (compression " + frame.path("compression").asString() + ", terminal "
				+ frame.path("terminal").asBoolean() + ")";
	}

	private void diffInto(String what, @Nullable JsonNode reference, @Nullable JsonNode candidate, boolean notPatch) {
		for (JsonDiff.Difference difference : JsonDiff.diff(reference, candidate, notPatch)) {
			String reason = difference.harmlessReason();
			if (reason == null && notPatch
					&& RequestDefaults.bodyDefault(difference.path(), difference.reference(), difference.candidate())) {
				reason = RequestDefaults.reason("false");
			}
			add(what + " " + difference.path(), difference.reference(), difference.candidate(), reason);
		}
	}

	private void field(String name, JsonNode reference, JsonNode candidate, @Nullable String harmlessReason) {
		String ours = reference.path(name).asString("");
		String theirs = candidate.path(name).asString("");
		if (!reference.path(name).equals(candidate.path(name))) {
			add(name, reference.path(name).isMissingNode() ? "absent" : reference.path(name).toString(),
					candidate.path(name).isMissingNode() ? "absent" : candidate.path(name).toString(),
					(ours.isEmpty() && theirs.isEmpty()) ? null : harmlessReason);
		}
	}

	private void add(String what, String reference, String candidate, @Nullable String harmlessReason) {
		this.out.add(new Finding(this.operation, this.index, what, reference, candidate, harmlessReason != null,
				(harmlessReason != null) ? harmlessReason : "S2 may answer differently"));
	}

	private static boolean isSession(JsonNode request) {
		return S2S.equals(mediaType(text(request.path("headers").get("content-type"))));
	}

	private static boolean isUnaryAppend(JsonNode request) {
		return !isSession(request) && request.path("method").asString().equals("POST")
				&& request.path("path").asString().endsWith("/records");
	}

	private static boolean sameAppend(JsonNode reference, JsonNode candidate) {
		if (!isUnaryAppend(reference) || !isUnaryAppend(candidate)) {
			return false;
		}
		JsonNode ours = AppendInputJson.of(reference);
		return ours != null && JsonDiff.diff(ours, AppendInputJson.of(candidate), false).isEmpty();
	}

	private static boolean jsonByDefault(@Nullable String accept) {
		String type = mediaType(accept);
		return type.isEmpty() || type.equals("*/*") || type.equals("application/json");
	}

	private static boolean sameMediaType(@Nullable String ours, @Nullable String theirs) {
		return ours != null && theirs != null && mediaType(ours).equals(mediaType(theirs));
	}

	private static String mediaType(@Nullable String value) {
		if (value == null) {
			return "";
		}
		int semicolon = value.indexOf(';');
		return ((semicolon >= 0) ? value.substring(0, semicolon) : value).trim().toLowerCase(Locale.ROOT);
	}

	private static Set<String> tokens(@Nullable String value) {
		Set<String> tokens = new TreeSet<>();
		if (value != null) {
			for (String token : value.split(",")) {
				tokens.add(mediaType(token));
			}
		}
		return tokens;
	}

	private static @Nullable String text(@Nullable JsonNode value) {
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static String present(@Nullable String value) {
		return (value != null) ? "present" : "absent";
	}

	private static List<String> decode(String path) {
		List<String> segments = new ArrayList<>();
		for (String segment : path.split("/", -1)) {
			segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
		}
		return segments;
	}

}

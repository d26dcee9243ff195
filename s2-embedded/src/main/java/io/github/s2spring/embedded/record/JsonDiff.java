package io.github.s2spring.embedded.record;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Where two JSON trees differ, path by path. Numbers compare by value (1, 1.0 and a big
 * integer 1 are equal); a difference that S2 treats as no difference is marked harmless:
 * two RFC 3339 times naming the same instant, and, where asked, a field that is
 * {@code null} on one side and absent on the other.
 */
final class JsonDiff {

	private JsonDiff() {
	}

	/**
	 * One place where the trees differ.
	 *
	 * @param path the JSON path, {@code $} for the root
	 * @param reference the reference's value there ({@code absent} if missing)
	 * @param candidate the candidate's value there
	 * @param harmlessReason why S2 treats both the same, or {@code null} if it does not
	 */
	record Difference(String path, String reference, String candidate, @Nullable String harmlessReason) {
	}

	static List<Difference> diff(@Nullable JsonNode reference, @Nullable JsonNode candidate, boolean nullIsAbsent) {
		List<Difference> out = new ArrayList<>();
		diff("$", reference, candidate, nullIsAbsent, out);
		return out;
	}

	private static void diff(String path, @Nullable JsonNode reference, @Nullable JsonNode candidate,
			boolean nullIsAbsent, List<Difference> out) {
		boolean referenceMissing = reference == null || reference.isMissingNode();
		boolean candidateMissing = candidate == null || candidate.isMissingNode();
		if (referenceMissing || candidateMissing) {
			if (referenceMissing && candidateMissing) {
				return;
			}
			JsonNode present = referenceMissing ? candidate : reference;
			String reason = (nullIsAbsent && present.isNull()) ? "null and absent mean the same here" : null;
			out.add(new Difference(path, referenceMissing ? "absent" : reference.toString(),
					candidateMissing ? "absent" : candidate.toString(), reason));
			return;
		}
		if (reference.isObject() && candidate.isObject()) {
			Set<String> names = new LinkedHashSet<>(reference.propertyNames());
			names.addAll(candidate.propertyNames());
			for (String name : names) {
				diff(path + "." + name, reference.get(name), candidate.get(name), nullIsAbsent, out);
			}
			return;
		}
		if (reference.isArray() && candidate.isArray()) {
			if (reference.size() != candidate.size()) {
				out.add(new Difference(path, reference.toString(), candidate.toString(), null));
				return;
			}
			for (int i = 0; i < reference.size(); i++) {
				diff(path + "[" + i + "]", reference.get(i), candidate.get(i), nullIsAbsent, out);
			}
			return;
		}
		if (reference.isNumber() && candidate.isNumber()) {
			if (reference.decimalValue().compareTo(candidate.decimalValue()) != 0) {
				out.add(new Difference(path, reference.toString(), candidate.toString(), null));
			}
			return;
		}
		if (reference.equals(candidate)) {
			return;
		}
		String reason = sameInstant(reference, candidate) ? "the same instant written differently" : null;
		out.add(new Difference(path, reference.toString(), candidate.toString(), reason));
	}

	private static boolean sameInstant(JsonNode reference, JsonNode candidate) {
		if (!reference.isString() || !candidate.isString()) {
			return false;
		}
		try {
			return OffsetDateTime.parse(reference.asString())
				.toInstant()
				.equals(OffsetDateTime.parse(candidate.asString()).toInstant());
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}

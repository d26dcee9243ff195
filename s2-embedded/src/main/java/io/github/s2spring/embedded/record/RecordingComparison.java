package io.github.s2spring.embedded.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.github.s2spring.embedded.record.Recording.Operation;

/**
 * Compares what two clients sent for the same operations: a reference recording (the
 * official TypeScript SDK) and a candidate (another SDK). Operations are matched by name,
 * requests within an operation by position; every request is compared by
 * {@link RequestComparison}.
 */
public final class RecordingComparison {

	private RecordingComparison() {
	}

	/**
	 * Compares two recordings.
	 * @param reference the recording to match
	 * @param candidate the recording checked against it
	 * @return every operation compared and every finding
	 */
	public static ComparisonReport compare(Recording reference, Recording candidate) {
		Map<String, Operation> theirs = new LinkedHashMap<>();
		candidate.operations().forEach((operation) -> theirs.putIfAbsent(operation.name(), operation));
		List<String> names = new ArrayList<>();
		List<Finding> findings = new ArrayList<>();
		for (Operation ours : reference.operations()) {
			names.add(ours.name());
			Operation match = theirs.remove(ours.name());
			if (match == null) {
				findings.add(new Finding(ours.name(), -1, "operation", "performed", "not performed", false,
						"the candidate did not perform it"));
				continue;
			}
			compare(ours, match, findings);
		}
		for (Operation extra : theirs.values()) {
			names.add(extra.name());
			findings.add(new Finding(extra.name(), -1, "operation", "not performed", "performed", false,
					"only the candidate performed it"));
		}
		return new ComparisonReport(List.copyOf(names), List.copyOf(findings));
	}

	private static void compare(Operation reference, Operation candidate, List<Finding> findings) {
		List<JsonNode> ours = reference.requests();
		List<JsonNode> theirs = candidate.requests();
		if (ours.size() != theirs.size()) {
			findings.add(new Finding(reference.name(), -1, "requests", ours.size() + " requests",
					theirs.size() + " requests", false, "a different number of requests"));
		}
		for (int i = 0; i < Math.min(ours.size(), theirs.size()); i++) {
			RequestComparison.compare(reference.name(), i, ours.get(i), theirs.get(i), findings);
		}
	}

}

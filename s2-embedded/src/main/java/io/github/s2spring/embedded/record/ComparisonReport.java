package io.github.s2spring.embedded.record;

import java.util.List;

/**
 * The outcome of comparing two recordings: every operation compared and every finding.
 *
 * @param operations the operations compared, in the reference's order
 * @param findings every difference, harmless or not
 */
public record ComparisonReport(List<String> operations, List<Finding> findings) {

	/**
	 * The differences that are not harmless.
	 * @return the findings
	 */
	public List<Finding> differences() {
		return this.findings.stream().filter((finding) -> !finding.harmless()).toList();
	}

	/**
	 * One line per operation (same, harmless differences only, or different) followed by
	 * one line per finding.
	 * @return the text
	 */
	public String describe() {
		StringBuilder text = new StringBuilder();
		for (String operation : this.operations) {
			List<Finding> own = this.findings.stream().filter((f) -> f.operation().equals(operation)).toList();
			String verdict = own.isEmpty() ? "same"
					: own.stream().allMatch(Finding::harmless) ? "harmless" : "DIFFERENT";
			text.append(String.format("%-10s %s%n", verdict, operation));
		}
		this.findings.forEach((finding) -> text.append(finding).append(System.lineSeparator()));
		text.append(this.operations.size())
			.append(" operations compared, ")
			.append(this.findings.size() - differences().size())
			.append(" harmless differences, ")
			.append(differences().size())
			.append(" differences")
			.append(System.lineSeparator());
		return text.toString();
	}

}

package io.github.s2spring.benchmarks.load;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Renders the results as one markdown table: scenario, metric, java, raw, ts, spring,
 * java/raw, java/ts, spring/raw.
 */
final class MarkdownTable {

	private MarkdownTable() {
	}

	static String render(BenchResults results) {
		StringBuilder table = new StringBuilder();
		table.append("| scenario | metric | java | raw | ts | spring | java/raw | java/ts | spring/raw |\n");
		table.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Measurement row : results.rows()) {
			table.append("| ")
				.append(row.scenario())
				.append(" | ")
				.append(row.metric())
				.append(" | ")
				.append(number(row.java()))
				.append(" | ")
				.append(number(row.raw()))
				.append(" | ")
				.append(number(row.ts()))
				.append(" | ")
				.append(number(row.spring()))
				.append(" | ")
				.append(ratio(row.javaOverRaw()))
				.append(" | ")
				.append(ratio(row.javaOverTs()))
				.append(" | ")
				.append(ratio(row.springOverRaw()))
				.append(" |\n");
		}
		return table.toString();
	}

	static String number(@Nullable Double value) {
		if (value == null) {
			return "n/a";
		}
		if (value >= 100 || value == Math.rint(value)) {
			return String.format(Locale.ROOT, "%.0f", value);
		}
		return String.format(Locale.ROOT, (value >= 10) ? "%.1f" : "%.2f", value);
	}

	static String ratio(@Nullable Double value) {
		return (value != null) ? String.format(Locale.ROOT, "%.2f", value) : "n/a";
	}

}

package io.github.s2spring.embedded.record;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The command line of {@link RecordingComparison}:
 * {@code java -cp s2-embedded.jar io.github.s2spring.embedded.record.CompareRecordings
 * REFERENCE.jsonl CANDIDATE.jsonl} prints one line per operation and per finding, and
 * exits with 1 if a difference is not harmless ({@code --strict}: if there is any finding
 * at all), 2 for wrong arguments.
 */
public final class CompareRecordings {

	private CompareRecordings() {
	}

	/**
	 * Compares two recordings and exits.
	 * @param args {@code [--strict] REFERENCE CANDIDATE}
	 */
	public static void main(String[] args) {
		System.exit(run(args, System.out));
	}

	static int run(String[] args, PrintStream out) {
		boolean strict = args.length == 3 && args[0].equals("--strict");
		if (args.length != (strict ? 3 : 2)) {
			out.println("Usage: CompareRecordings [--strict] REFERENCE.jsonl CANDIDATE.jsonl");
			return 2;
		}
		int first = strict ? 1 : 0;
		ComparisonReport report = RecordingComparison.compare(Recording.read(Path.of(args[first])),
				Recording.read(Path.of(args[first + 1])));
		out.print(report.describe());
		boolean failed = strict ? !report.findings().isEmpty() : !report.differences().isEmpty();
		return failed ? 1 : 0;
	}

}

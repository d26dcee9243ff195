package io.github.s2spring.client.patterns;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the patterns interop scripts of {@code conformance/patterns/interop} with Node and
 * the pinned official SDK packages, installing them with {@code npm ci} when a build did
 * not run the conformance module first.
 */
final class NodeScripts {

	private static final Path CONFORMANCE = Path.of("..", "conformance").toAbsolutePath().normalize();

	private NodeScripts() {
	}

	/**
	 * Makes sure Node and the pinned packages are there; skips the calling tests only
	 * when the machine has no Node at all.
	 */
	static void ensureInstalled() throws Exception {
		assumeTrue(Files.isDirectory(CONFORMANCE.resolve("patterns/interop")),
				"no conformance project at " + CONFORMANCE);
		assumeTrue(run(List.of("node", "--version"), 60).exitCode == 0, "node is not installed");
		if (!Files.isDirectory(CONFORMANCE.resolve("node_modules/@s2-dev/streamstore-patterns"))) {
			Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 600);
			assertThat(install.exitCode).as("npm ci: %s", install.stderr).isZero();
		}
	}

	/**
	 * Runs one script and returns its output lines; fails with its stderr if it fails.
	 */
	static List<String> node(String script, String... args) throws Exception {
		List<String> command = new ArrayList<>();
		command.add("node");
		command.add("patterns/interop/" + script);
		command.addAll(List.of(args));
		Result result = run(command, 180);
		assertThat(result.exitCode).as("node %s failed:%n%s", script, result.stderr).isZero();
		return result.stdout.lines().filter((line) -> !line.isBlank()).toList();
	}

	private static Result run(List<String> command, long timeoutSeconds) throws Exception {
		File out = File.createTempFile("patterns-node", ".out");
		File err = File.createTempFile("patterns-node", ".err");
		try {
			Process process;
			try {
				process = new ProcessBuilder(command).directory(CONFORMANCE.toFile())
					.redirectOutput(out)
					.redirectError(err)
					.start();
			}
			catch (IOException ex) {
				return new Result(127, "", ex.getMessage());
			}
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
				return new Result(124, "", "timed out after " + timeoutSeconds + " s: " + command);
			}
			return new Result(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
					Files.readString(err.toPath(), StandardCharsets.UTF_8));
		}
		finally {
			Files.deleteIfExists(out.toPath());
			Files.deleteIfExists(err.toPath());
		}
	}

	private record Result(int exitCode, String stdout, String stderr) {
	}

}

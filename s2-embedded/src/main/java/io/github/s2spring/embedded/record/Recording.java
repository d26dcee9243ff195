package io.github.s2spring.embedded.record;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.github.s2spring.embedded.config.Json;

/**
 * A recording cut into operations. A driver marks the start of each operation with
 * {@code GET /health?mark=<name>}; the requests that follow, in the order they started,
 * up to the next mark, belong to that operation. Marks are left out; requests before the
 * first mark belong to an operation named {@value #UNMARKED}.
 *
 * @param operations the operations in the order they were marked
 */
public record Recording(List<Operation> operations) {

	/** The name of the requests recorded before the first mark. */
	public static final String UNMARKED = "(before the first mark)";

	/**
	 * Reads a JSON-lines recording ({@link RequestJson}).
	 * @param file the file
	 * @return the recording
	 * @throws UncheckedIOException if the file cannot be read
	 */
	public static Recording read(Path file) {
		try {
			List<JsonNode> lines = new ArrayList<>();
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (!line.isBlank()) {
					lines.add(Json.parse(line.getBytes(StandardCharsets.UTF_8)));
				}
			}
			return of(lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the recording " + file, ex);
		}
	}

	/**
	 * Cuts recorded requests into operations (in their JSON form, {@link RequestJson}).
	 * @param requests the requests, in any order (they are sorted by {@code seq})
	 * @return the recording
	 */
	public static Recording fromRequests(List<RecordedRequest> requests) {
		return of(requests.stream().map(RequestJson::of).toList());
	}

	/**
	 * Cuts requests in their JSON form into operations.
	 * @param requests the requests, in any order (they are sorted by {@code seq})
	 * @return the recording
	 */
	public static Recording of(List<? extends JsonNode> requests) {
		List<JsonNode> sorted = new ArrayList<>(requests);
		sorted.sort(Comparator.comparingLong((request) -> request.path("seq").asLong()));
		List<Operation> operations = new ArrayList<>();
		Operation current = null;
		for (JsonNode request : sorted) {
			String mark = mark(request);
			if (mark != null) {
				current = new Operation(mark, new ArrayList<>());
				operations.add(current);
				continue;
			}
			if (current == null) {
				current = new Operation(UNMARKED, new ArrayList<>());
				operations.add(current);
			}
			current.requests().add(request);
		}
		return new Recording(List.copyOf(operations));
	}

	private static @Nullable String mark(JsonNode request) {
		if (request.path("method").asString().equals("GET") && request.path("path").asString().equals("/health")) {
			JsonNode mark = request.path("query").path("mark");
			return mark.isString() ? mark.asString() : null;
		}
		return null;
	}

	/**
	 * One operation and the requests it sent.
	 *
	 * @param name the operation's name, as marked
	 * @param requests its requests in the order they started
	 */
	public record Operation(String name, List<JsonNode> requests) {
	}

}

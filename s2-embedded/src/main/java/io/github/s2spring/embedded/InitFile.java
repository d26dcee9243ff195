package io.github.s2spring.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;

import io.github.s2spring.embedded.config.ConfigJson;
import io.github.s2spring.embedded.config.Json;
import io.github.s2spring.embedded.error.ApiException;
import io.github.s2spring.embedded.store.Basin;
import io.github.s2spring.embedded.store.Store;
import io.github.s2spring.protocol.limits.Names;

/**
 * Applies an s2-lite init file at start: basins and streams to create or reconfigure,
 * {@code {"basins":[{"name":..,"config":{..},"streams":[{"name":..,"config":{..}}]}]}}.
 */
final class InitFile {

	private InitFile() {
	}

	static void apply(Path file, Store store) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Cannot read init file " + file + ": " + ex.getMessage(), ex);
		}
		try {
			JsonNode root = Json.parse(bytes);
			JsonNode basins = root.path("basins");
			if (!basins.isArray()) {
				throw new IllegalArgumentException("Init file " + file + " needs a \"basins\" array");
			}
			for (JsonNode basinJson : basins) {
				String name = Names.requireBasinName(basinJson.path("name").asString());
				store.ensureBasin(name, ConfigJson.readBasin(basinJson.get("config")));
				Basin basin = store.basin(name);
				for (JsonNode streamJson : basinJson.path("streams")) {
					String stream = Names.requireStreamName(streamJson.path("name").asString());
					basin.ensureStream(stream, ConfigJson.readStream(streamJson.get("config")));
				}
			}
		}
		catch (ApiException ex) {
			throw new IllegalArgumentException("Invalid init file " + file + ": " + ex.json(), ex);
		}
		catch (RuntimeException ex) {
			if (ex instanceof IllegalArgumentException) {
				throw ex;
			}
			throw new IllegalArgumentException("Invalid init file " + file + ": " + ex.getMessage(), ex);
		}
	}

}

package io.github.s2spring.client.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

/**
 * The version of this SDK as built, read from {@code s2-client.properties}, which Maven
 * fills with the project version; {@value #UNKNOWN} if the resource is missing or was not
 * filtered (for example when classes are compiled outside Maven).
 */
final class ClientVersion {

	static final String UNKNOWN = "unknown";

	static final String RESOURCE = "s2-client.properties";

	static final String VERSION = read(ClientVersion.class.getResourceAsStream(RESOURCE));

	private ClientVersion() {
	}

	static String read(@Nullable InputStream in) {
		if (in == null) {
			return UNKNOWN;
		}
		try (in) {
			Properties properties = new Properties();
			properties.load(in);
			String version = properties.getProperty("version", "").trim();
			return (version.isEmpty() || version.contains("${")) ? UNKNOWN : version;
		}
		catch (IOException ex) {
			return UNKNOWN;
		}
	}

}

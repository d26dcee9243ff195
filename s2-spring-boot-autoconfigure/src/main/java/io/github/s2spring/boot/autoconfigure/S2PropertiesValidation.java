package io.github.s2spring.boot.autoconfigure;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

import io.github.s2spring.client.control.model.CreateBasinRequest;

/**
 * The rules of {@link S2Properties}: each broken rule is reported on the property it
 * concerns, so that Boot's failure analysis names it.
 */
final class S2PropertiesValidation {

	private S2PropertiesValidation() {
	}

	static void validate(S2Properties properties, Errors errors) {
		url(errors, "baseUrl", properties.getBaseUrl());
		url(errors, "accountEndpoint", properties.getAccountEndpoint());
		url(errors, "basinEndpoint", properties.getBasinEndpoint());
		basin(errors, "basin", properties.getBasin());
		if (properties.getMaxRetries() < -1) {
			errors.rejectValue("maxRetries", "min", "must be -1 (unlimited) or at least 0");
		}
		positive(errors, "baseDelay", properties.getBaseDelay());
		positive(errors, "maxDelay", properties.getMaxDelay());
		if (properties.getMaxDelay().compareTo(properties.getBaseDelay()) < 0) {
			errors.rejectValue("maxDelay", "min", "must be at least base-delay (" + properties.getBaseDelay() + ")");
		}
		if (properties.getMaxQueueSize() < 1) {
			errors.rejectValue("maxQueueSize", "min", "must be at least 1");
		}
		positive(errors, "connectTimeout", properties.getConnectTimeout());
		positive(errors, "requestTimeout", properties.getRequestTimeout());
		if (properties.getTemplate().getLinger().isNegative()) {
			errors.rejectValue("template.linger", "min", "must not be negative");
		}
		positive(errors, "template.idleTimeout", properties.getTemplate().getIdleTimeout());
		if (properties.getTemplate().getCloseTimeout().isNegative()) {
			errors.rejectValue("template.closeTimeout", "min", "must not be negative");
		}
		listener(properties.getListener(), errors);
		positive(errors, "health.timeout", properties.getHealth().getTimeout());
		if (properties.getHealth().getMaxDetails() < 0) {
			errors.rejectValue("health.maxDetails", "min", "must not be negative");
		}
		if (properties.getMetrics().getRefreshInterval().isNegative()) {
			errors.rejectValue("metrics.refreshInterval", "min", "must not be negative (0 refreshes only on demand)");
		}
		int port = properties.getEmbedded().getPort();
		if (port < 0 || port > 65535) {
			errors.rejectValue("embedded.port", "range", "must be between 0 (any free port) and 65535");
		}
	}

	private static void listener(S2Properties.Listener listener, Errors errors) {
		Integer maxThreads = listener.getMaxThreads();
		if (maxThreads != null && maxThreads < 1) {
			errors.rejectValue("listener.maxThreads", "min", "must be at least 1");
		}
		positive(errors, "listener.discoveryInterval", listener.getDiscoveryInterval());
		Duration idle = listener.getIdleEventInterval();
		if (idle != null) {
			positive(errors, "listener.idleEventInterval", idle);
		}
		if (listener.getShutdownTimeout().isNegative()) {
			errors.rejectValue("listener.shutdownTimeout", "min", "must not be negative");
		}
		if (listener.getPositionBasin() != null) {
			basin(errors, "listener.positionBasin", listener.getPositionBasin());
		}
		if (listener.getPositionStreamPrefix().isEmpty()) {
			errors.rejectValue("listener.positionStreamPrefix", "empty", "must not be empty");
		}
		S2Properties.Listener.Error error = listener.getError();
		if (error.getMaxAttempts() < 1) {
			errors.rejectValue("listener.error.maxAttempts", "min", "must be at least 1 (the first delivery)");
		}
		if (error.getDelay().isNegative()) {
			errors.rejectValue("listener.error.delay", "min", "must not be negative");
		}
		if (error.getMultiplier() < 1) {
			errors.rejectValue("listener.error.multiplier", "min", "must be at least 1");
		}
		if (error.getMaxDelay().compareTo(error.getDelay()) < 0) {
			errors.rejectValue("listener.error.maxDelay", "min", "must be at least delay (" + error.getDelay() + ")");
		}
		if (error.getDeadLetterSuffix().isEmpty()) {
			errors.rejectValue("listener.error.deadLetterSuffix", "empty", "must not be empty");
		}
	}

	private static void url(Errors errors, String field, @Nullable String value) {
		if (value == null || value.isEmpty()) {
			return;
		}
		URI uri = S2Properties.parse(value);
		if (uri == null || uri.getHost() == null
				|| !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
			errors.rejectValue(field, "url", "must be an http:// or https:// URL with a host, such as "
					+ "http://localhost:4243 or https://aws.s2.dev");
		}
	}

	private static void basin(Errors errors, String field, @Nullable String basin) {
		if (basin == null) {
			return;
		}
		try {
			CreateBasinRequest.of(basin);
		}
		catch (RuntimeException ex) {
			errors.rejectValue(field, "name", ex.getMessage());
		}
	}

	private static void positive(Errors errors, String field, Duration value) {
		if (value.isNegative() || value.isZero()) {
			errors.rejectValue(field, "min", "must be positive");
		}
	}

}

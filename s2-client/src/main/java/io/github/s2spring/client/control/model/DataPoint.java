package io.github.s2spring.client.control.model;

import java.time.Instant;

/**
 * One point of a metric time series.
 *
 * @param timestamp the start of the point's interval (whole seconds)
 * @param value the value
 */
public record DataPoint(Instant timestamp, double value) {
}

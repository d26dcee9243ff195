package io.github.s2spring.client.internal.control;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

import io.github.s2spring.client.control.model.DataPoint;
import io.github.s2spring.client.control.model.Metric;
import io.github.s2spring.client.control.model.MetricUnit;
import io.github.s2spring.client.control.model.TimeseriesInterval;

/**
 * The JSON of metric set responses: {@code {"values":[{"scalar":{...}}, ...]}}.
 */
final class MetricJson {

	private MetricJson() {
	}

	static List<Metric> readMetricSet(JsonNode node) {
		JsonNode json = Json.requireObject(node, "metric set");
		return Json.array(Json.field(json, "values"), "values", MetricJson::readMetric);
	}

	private static Metric readMetric(JsonNode node) {
		JsonNode json = Json.requireObject(node, "metric");
		JsonNode scalar = Json.field(json, "scalar");
		if (scalar != null) {
			JsonNode value = Json.field(scalar, "value");
			if (value == null) {
				throw new Json.MalformedJsonException("scalar metric has no value");
			}
			return new Metric.Scalar(Json.requiredText(scalar, "name"), unit(scalar),
					Json.number(value, "scalar metric value"));
		}
		JsonNode accumulation = Json.field(json, "accumulation");
		if (accumulation != null) {
			return new Metric.Accumulation(Json.requiredText(accumulation, "name"), unit(accumulation),
					Json.optionalEnum(TimeseriesInterval.class, accumulation, "interval"), points(accumulation));
		}
		JsonNode gauge = Json.field(json, "gauge");
		if (gauge != null) {
			return new Metric.Gauge(Json.requiredText(gauge, "name"), unit(gauge), points(gauge));
		}
		JsonNode label = Json.field(json, "label");
		if (label != null) {
			return new Metric.Label(Json.requiredText(label, "name"),
					Json.array(Json.field(label, "values"), "values", MetricJson::labelValue));
		}
		throw new Json.MalformedJsonException("metric " + json + " is not scalar, accumulation, gauge or label");
	}

	private static MetricUnit unit(JsonNode metric) {
		return Json.wireEnum(MetricUnit.class, "unit", Json.requiredText(metric, "unit"));
	}

	private static List<DataPoint> points(JsonNode metric) {
		return Json.array(Json.field(metric, "values"), "values", MetricJson::point);
	}

	private static DataPoint point(JsonNode node) {
		if (!node.isArray() || node.size() != 2 || !node.get(0).canConvertToLong()) {
			throw new Json.MalformedJsonException("data point " + node + " is not [seconds, value]");
		}
		return new DataPoint(Instant.ofEpochSecond(node.get(0).asLong()), Json.number(node.get(1), "data point value"));
	}

	private static String labelValue(JsonNode node) {
		if (!node.isString()) {
			throw new Json.MalformedJsonException("label value " + node + " is not a string");
		}
		return node.asString();
	}

}

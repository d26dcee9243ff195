package io.github.s2spring.client.control.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One metric of a metric set, in one of S2's four shapes.
 */
public sealed interface Metric permits Metric.Scalar, Metric.Accumulation, Metric.Gauge, Metric.Label {

	/**
	 * The metric's name.
	 * @return the name
	 */
	String name();

	/**
	 * A single value.
	 *
	 * @param name the name
	 * @param unit the unit
	 * @param value the value
	 */
	record Scalar(String name, MetricUnit unit, double value) implements Metric {
	}

	/**
	 * Values summed over each interval.
	 *
	 * @param name the name
	 * @param unit the unit
	 * @param interval the interval each value covers, if the server says
	 * @param values the points, in time order
	 */
	record Accumulation(String name, MetricUnit unit, @Nullable TimeseriesInterval interval,
			List<DataPoint> values) implements Metric {

		/**
		 * Creates the metric.
		 * @param name the name
		 * @param unit the unit
		 * @param interval the interval
		 * @param values the points
		 */
		public Accumulation {
			values = List.copyOf(values);
		}

	}

	/**
	 * Values sampled at points in time.
	 *
	 * @param name the name
	 * @param unit the unit
	 * @param values the points, in time order
	 */
	record Gauge(String name, MetricUnit unit, List<DataPoint> values) implements Metric {

		/**
		 * Creates the metric.
		 * @param name the name
		 * @param unit the unit
		 * @param values the points
		 */
		public Gauge {
			values = List.copyOf(values);
		}

	}

	/**
	 * A set of labels, such as the names of active basins.
	 *
	 * @param name the name
	 * @param values the labels
	 */
	record Label(String name, List<String> values) implements Metric {

		/**
		 * Creates the metric.
		 * @param name the name
		 * @param values the labels
		 */
		public Label {
			values = List.copyOf(values);
		}

	}

}

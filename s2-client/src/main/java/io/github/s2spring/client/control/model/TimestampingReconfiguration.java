package io.github.s2spring.client.control.model;

import java.util.Objects;

/**
 * A change to a stream's timestamping.
 *
 * @param mode the change to the mode
 * @param uncapped the change to whether future timestamps are allowed
 */
public record TimestampingReconfiguration(Patch<TimestampingMode> mode, Patch<Boolean> uncapped) {

	/**
	 * Creates the change.
	 * @param mode the change to the mode
	 * @param uncapped the change to uncapped
	 */
	public TimestampingReconfiguration {
		Objects.requireNonNull(mode, "mode");
		Objects.requireNonNull(uncapped, "uncapped");
	}

	/**
	 * A change that leaves both fields unchanged.
	 * @return the change
	 */
	public static TimestampingReconfiguration unchanged() {
		return new TimestampingReconfiguration(Patch.unchanged(), Patch.unchanged());
	}

	/**
	 * This change with another mode patch.
	 * @param mode the change to the mode
	 * @return the new change
	 */
	public TimestampingReconfiguration withMode(Patch<TimestampingMode> mode) {
		return new TimestampingReconfiguration(mode, this.uncapped);
	}

	/**
	 * This change with another uncapped patch.
	 * @param uncapped the change to uncapped
	 * @return the new change
	 */
	public TimestampingReconfiguration withUncapped(Patch<Boolean> uncapped) {
		return new TimestampingReconfiguration(this.mode, uncapped);
	}

}

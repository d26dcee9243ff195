package io.github.s2spring.embedded.store;

/**
 * The wall clock the store assigns arrival timestamps from.
 */
@FunctionalInterface
public interface StoreClock {

	/**
	 * Milliseconds since the Unix epoch.
	 * @return now
	 */
	long millis();

	/**
	 * The system clock.
	 * @return the clock
	 */
	static StoreClock system() {
		return System::currentTimeMillis;
	}

}

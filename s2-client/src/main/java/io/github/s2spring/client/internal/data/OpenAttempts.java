package io.github.s2spring.client.internal.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts the attempts of one session whose HTTP/2 stream may still exist, so that closing
 * the session can wait until every one is gone. Used on the session's event loop only
 * (where attempts' streams close).
 */
final class OpenAttempts {

	private int open;

	private final List<Runnable> waiting = new ArrayList<>(1);

	/**
	 * Counts an attempt until its stream is gone.
	 * @param attempt an attempt about to open its stream
	 */
	void opened(SessionAttempt attempt) {
		this.open++;
		attempt.gone.whenComplete((ignored, failure) -> {
			this.open--;
			if (this.open == 0) {
				List<Runnable> ready = new ArrayList<>(this.waiting);
				this.waiting.clear();
				ready.forEach(Runnable::run);
			}
		});
	}

	/**
	 * Runs a task once no attempt's stream exists: now, if none does.
	 * @param task the task
	 */
	void whenAllGone(Runnable task) {
		if (this.open == 0) {
			task.run();
		}
		else {
			this.waiting.add(task);
		}
	}

	/**
	 * The attempts whose stream may still exist.
	 * @return the count
	 */
	int open() {
		return this.open;
	}

}

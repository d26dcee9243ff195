package io.github.s2spring.client.internal.data;

import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.internal.transport.H2Stream;

/**
 * One HTTP/2 stream of an append or read session, opened by {@link DataPlane#openSession
 * DataPlane.openSession}. Used only on the session's executor.
 */
abstract class SessionAttempt implements SessionStreamListener.Events {

	/** The stream, once open and wanted. */
	@Nullable H2Stream stream;

	/**
	 * Completes, on the session's executor, once this attempt's HTTP/2 stream is closed,
	 * or once it is certain that none will be opened.
	 */
	final CompletableFuture<Void> gone = new CompletableFuture<>();

	/** Whether the session gave up on this attempt. */
	boolean cancelled;

	/**
	 * Whether this is still the session's newest attempt.
	 * @return whether no newer attempt replaced it
	 */
	abstract boolean isLatest();

	/**
	 * Whether the session still wants this attempt's stream; a stream that opens when it
	 * does not is cancelled.
	 * @return whether the attempt is neither cancelled nor replaced
	 */
	final boolean isWanted() {
		return !this.cancelled && isLatest();
	}

	/**
	 * Runs once the request headers were written and reading began.
	 */
	void started() {
	}

	/**
	 * Gives up on this attempt and resets its stream, if any.
	 */
	void cancel() {
		this.cancelled = true;
		if (this.stream != null) {
			this.stream.cancel();
		}
	}

}

package io.github.s2spring.client.data;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.client.error.S2Exception;

/**
 * Blocking access to the batches of a {@link ReadSession}, one batch at a time, holding
 * at most one batch beyond the one being consumed. Both methods return a batch; both
 * return {@code null} when the session has ended, and throw the {@link S2Exception} that
 * ended it, if it failed. Used by one thread.
 */
public interface RecordReader {

	/**
	 * The next batch, waiting as long as it takes.
	 * @return the batch, or {@code null} if the session ended
	 * @throws S2Exception if the session failed
	 */
	@Nullable ReadBatch next();

	/**
	 * The next batch, waiting up to a timeout.
	 * @param timeout how long to wait
	 * @return the batch, or {@code null} if the session ended or the timeout passed
	 * @throws S2Exception if the session failed
	 */
	@Nullable ReadBatch next(Duration timeout);

}

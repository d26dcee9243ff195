package io.github.s2spring.listener;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import io.github.s2spring.support.S2ConversionException;

/**
 * The default error handling of listener containers: a failed delivery is retried with a
 * {@link BackOff}; when the back-off is exhausted, or at once for a message that cannot
 * be converted to the listener's type, the messages go to the {@link S2MessageRecoverer}
 * (such as a {@link DeadLetterStreamRecoverer}) and the container moves on, or, without a
 * recoverer, the container stops so that nothing is skipped.
 * <p>
 * Each failed attempt is logged once at WARN without a stack trace; the final outcome
 * once at ERROR with it.
 */
public class DefaultS2ErrorHandler implements S2ErrorHandler {

	private static final LogAccessor logger = new LogAccessor(DefaultS2ErrorHandler.class);

	private final BackOff backOff;

	private final @Nullable S2MessageRecoverer recoverer;

	private final Set<Class<? extends Throwable>> notRetryable = new LinkedHashSet<>(
			List.of(S2ConversionException.class, MessageConversionException.class,
					MethodArgumentResolutionException.class, ClassCastException.class));

	/**
	 * Creates a handler that delivers a message three times in all (after 1 s and 2 s),
	 * then stops the container.
	 */
	public DefaultS2ErrorHandler() {
		this(defaultBackOff(), null);
	}

	/**
	 * Creates a handler that stops the container once the back-off is exhausted.
	 * @param backOff the delays between attempts
	 */
	public DefaultS2ErrorHandler(BackOff backOff) {
		this(backOff, null);
	}

	/**
	 * Creates a handler.
	 * @param backOff the delays between attempts
	 * @param recoverer what takes the messages once the back-off is exhausted, or
	 * {@code null} to stop the container instead
	 */
	public DefaultS2ErrorHandler(BackOff backOff, @Nullable S2MessageRecoverer recoverer) {
		this.backOff = backOff;
		this.recoverer = recoverer;
	}

	/**
	 * A back-off of two retries, after 1 s and 2 s.
	 * @return the back-off
	 */
	public static BackOff defaultBackOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(1000, 2.0);
		backOff.setMaxInterval(10_000);
		backOff.setMaxAttempts(2);
		return backOff;
	}

	/**
	 * Adds an exception that is never retried (the messages go to the recoverer at once),
	 * beyond conversion failures and {@link ClassCastException}; an exception counts if
	 * it or any of its causes is of this type.
	 * @param type the exception type
	 */
	public void addNotRetryableException(Class<? extends Throwable> type) {
		this.notRetryable.add(type);
	}

	@Override
	public Decision handle(S2FailedDelivery failure) {
		Throwable exception = failure.getException();
		boolean retryable = isRetryable(exception);
		if (retryable) {
			BackOffExecution execution = (failure.getState() instanceof BackOffExecution started) ? started
					: this.backOff.start();
			failure.setState(execution);
			long delay = execution.nextBackOff();
			if (delay != BackOffExecution.STOP) {
				logger.warn(() -> "Delivery failed: " + failure + "; retrying in " + delay + " ms: " + exception);
				return Decision.retry(Duration.ofMillis(delay));
			}
		}
		String why = retryable ? " after " + failure.getAttempts() + " attempts" : " and cannot be retried";
		if (this.recoverer == null) {
			logger.error(exception, () -> "Delivery failed: " + failure + why + "; stopping the container");
			return Decision.stop();
		}
		try {
			this.recoverer.recover(failure);
		}
		catch (Exception ex) {
			ex.addSuppressed(exception);
			logger.error(ex, () -> "Delivery failed: " + failure + why + " and the messages could not be recovered; "
					+ "stopping the container");
			return Decision.stop();
		}
		logger.error(exception, () -> "Delivery failed: " + failure + why + "; recovered by " + this.recoverer);
		return Decision.recovered();
	}

	private boolean isRetryable(Throwable exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			for (Class<? extends Throwable> type : this.notRetryable) {
				if (type.isInstance(cause)) {
					return false;
				}
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return true;
	}

}

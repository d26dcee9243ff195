package io.github.s2spring.boot.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.control.model.ListRequest;
import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.error.TransportException;
import io.github.s2spring.core.S2AppenderRegistry;
import io.github.s2spring.core.S2AppenderState;
import io.github.s2spring.listener.S2ListenerContainer;
import io.github.s2spring.listener.S2ListenerState;
import io.github.s2spring.listener.S2StreamState;

/**
 * The health of S2 for this application: whether the control plane answers a cheap,
 * time-bounded call (one page of one stream of the default basin, or of one basin), and
 * how each listener and the appenders are doing.
 * <p>
 * The status is the worst of its parts: {@code DOWN} when a stream's listener or appender
 * failed for good or the control plane refuses the call (for example, the token is
 * denied); {@code OUT_OF_SERVICE} while sessions reconnect or the control plane does not
 * answer (S2 is unreachable, and everything retries); {@code UP} otherwise. The details
 * count the streams of each listener and the appenders by phase and list only the streams
 * that are not connected (with their reconnect attempt and the message of the last
 * failure), at most {@code maxDetails} of each, so that 10,000 streams keep them small.
 * Failures show their message only, never credentials.
 */
public class S2HealthIndicator extends AbstractHealthIndicator {

	private final S2Client client;

	private final @Nullable String basin;

	private final Duration timeout;

	private final Supplier<? extends Collection<S2ListenerContainer>> listeners;

	private final @Nullable S2AppenderRegistry appenders;

	private final int maxDetails;

	/**
	 * Creates the indicator.
	 * @param client the client whose control plane is checked
	 * @param basin the default basin, whose streams are listed, or {@code null} to list
	 * basins
	 * @param timeout how long to wait for the control plane
	 * @param listeners the listener containers to report, asked on each check
	 * @param appenders the appenders to report, or {@code null}
	 * @param maxDetails how many streams that are not connected to list, per listener and
	 * for the appenders
	 */
	public S2HealthIndicator(S2Client client, @Nullable String basin, Duration timeout,
			Supplier<? extends Collection<S2ListenerContainer>> listeners, @Nullable S2AppenderRegistry appenders,
			int maxDetails) {
		super("S2 health check failed");
		this.client = client;
		this.basin = basin;
		this.timeout = timeout;
		this.listeners = listeners;
		this.appenders = appenders;
		this.maxDetails = maxDetails;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Worst worst = new Worst();
		builder.withDetail("controlPlane", controlPlane(worst));
		Map<String, Object> listenerDetails = new LinkedHashMap<>();
		for (S2ListenerContainer container : this.listeners.get()) {
			S2ListenerState state = container.getState();
			listenerDetails.put(state.listenerId(), listener(state, worst));
		}
		builder.withDetail("listeners", listenerDetails);
		S2AppenderRegistry registry = this.appenders;
		if (registry != null) {
			builder.withDetail("appenders", appenders(registry.appenders(), worst));
		}
		builder.status(worst.status);
	}

	private Map<String, Object> controlPlane(Worst worst) {
		Map<String, Object> details = new LinkedHashMap<>();
		CompletableFuture<?> call = (this.basin != null)
				? this.client.basin(this.basin).streams().listPageAsync(ListRequest.all().limit(1))
				: this.client.basins().listPageAsync(ListRequest.all().limit(1));
		Status status;
		try {
			call.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			status = Status.UP;
		}
		catch (TimeoutException ex) {
			call.cancel(true);
			status = Status.OUT_OF_SERVICE;
			details.put("error", "No answer within " + this.timeout.toMillis() + " ms");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			call.cancel(true);
			status = Status.UNKNOWN;
			details.put("error", "Interrupted");
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			boolean retryable = cause instanceof TransportException
					|| (cause instanceof S2Exception s2 && s2.retryable());
			status = retryable ? Status.OUT_OF_SERVICE : Status.DOWN;
			details.put("error", message(cause));
		}
		details.put("status", status.getCode());
		worst.add(status);
		return details;
	}

	private Map<String, Object> listener(S2ListenerState state, Worst worst) {
		Streams<S2StreamState.Phase> streams = new Streams<>(S2StreamState.Phase.class);
		for (S2StreamState stream : state.streams()) {
			S2StreamState.Phase phase = stream.phase();
			boolean listed = phase == S2StreamState.Phase.RECONNECTING || phase == S2StreamState.Phase.WAITING
					|| phase == S2StreamState.Phase.FAILED;
			streams.add(phase, status(phase), listed,
					() -> problem(stream.stream(), phase.name(), stream.attempt(), stream.lastFailure()));
		}
		worst.add(streams.worst.status);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("status", streams.worst.status.getCode());
		details.put("running", state.running());
		details.put("paused", state.paused());
		streams.addTo(details);
		return details;
	}

	private Map<String, Object> appenders(List<S2AppenderState> states, Worst worst) {
		Streams<S2AppenderState.Phase> streams = new Streams<>(S2AppenderState.Phase.class);
		for (S2AppenderState state : states) {
			Status status = status(state.phase());
			streams.add(state.phase(), status, status != Status.UP, () -> problem(state.basin() + "/" + state.stream(),
					state.phase().name(), state.attempt(), state.lastFailure()));
		}
		worst.add(streams.worst.status);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("status", streams.worst.status.getCode());
		streams.addTo(details);
		return details;
	}

	private static Map<String, Object> problem(String stream, String phase, int attempt, @Nullable Throwable failure) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("stream", stream);
		problem.put("phase", phase);
		if (attempt > 0) {
			problem.put("attempt", attempt);
		}
		if (failure != null) {
			problem.put("lastFailure", message(failure));
		}
		return problem;
	}

	private static Status status(S2StreamState.Phase phase) {
		return switch (phase) {
			case RECONNECTING -> Status.OUT_OF_SERVICE;
			case FAILED -> Status.DOWN;
			default -> Status.UP;
		};
	}

	private static Status status(S2AppenderState.Phase phase) {
		return switch (phase) {
			case RECONNECTING -> Status.OUT_OF_SERVICE;
			case FAILED -> Status.DOWN;
			default -> Status.UP;
		};
	}

	private static String message(Throwable failure) {
		String message = failure.getMessage();
		return (message != null) ? message : failure.getClass().getSimpleName();
	}

	/**
	 * The streams of a listener or of the appenders: counted by phase, their worst
	 * status, and the first {@code maxDetails} that are not connected, listed.
	 */
	private final class Streams<P extends Enum<P>> {

		private final Map<P, Integer> phases;

		private final List<Map<String, Object>> problems = new ArrayList<>();

		private int omitted;

		final Worst worst = new Worst();

		Streams(Class<P> phaseType) {
			this.phases = new EnumMap<>(phaseType);
		}

		void add(P phase, Status status, boolean listed, Supplier<Map<String, Object>> problem) {
			this.phases.merge(phase, 1, Integer::sum);
			this.worst.add(status);
			if (!listed) {
				return;
			}
			if (this.problems.size() < S2HealthIndicator.this.maxDetails) {
				this.problems.add(problem.get());
			}
			else {
				this.omitted++;
			}
		}

		void addTo(Map<String, Object> details) {
			details.put("streams", this.phases);
			if (!this.problems.isEmpty()) {
				details.put("notConnected", this.problems);
			}
			if (this.omitted > 0) {
				details.put("notConnectedOmitted", this.omitted);
			}
		}

	}

	/**
	 * The worst status seen: DOWN, then OUT_OF_SERVICE, then UNKNOWN, then UP.
	 */
	private static final class Worst {

		private static final List<Status> ORDER = List.of(Status.DOWN, Status.OUT_OF_SERVICE, Status.UNKNOWN,
				Status.UP);

		Status status = Status.UP;

		void add(Status candidate) {
			if (ORDER.indexOf(candidate) < ORDER.indexOf(this.status)) {
				this.status = candidate;
			}
		}

	}

}

package io.github.s2spring.boot.actuate.endpoint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import io.github.s2spring.config.S2ListenerEndpointRegistry;
import io.github.s2spring.core.S2AppenderRegistry;
import io.github.s2spring.core.S2AppenderState;
import io.github.s2spring.listener.S2ListenerContainer;
import io.github.s2spring.listener.S2ListenerState;
import io.github.s2spring.listener.S2StreamState;
import io.github.s2spring.support.S2StartPosition;

/**
 * The {@code s2} actuator endpoint: reading it lists the listeners (running or paused,
 * each stream with its phase, position, tail, lag and counts) and the appenders; reading
 * {@code s2/{listenerId}} shows one listener; writing {@code s2/{listenerId}} with an
 * {@code action} of {@code pause}, {@code resume} or {@code seek} (with a {@code seqNum}
 * and optionally a {@code stream}) controls it.
 */
@Endpoint(id = "s2")
public class S2Endpoint {

	private final @Nullable S2ListenerEndpointRegistry listeners;

	private final @Nullable S2AppenderRegistry appenders;

	/**
	 * Creates the endpoint.
	 * @param listeners the registry of the listeners, or {@code null} if there is none
	 * @param appenders the appenders, or {@code null} if there are none
	 */
	public S2Endpoint(@Nullable S2ListenerEndpointRegistry listeners, @Nullable S2AppenderRegistry appenders) {
		this.listeners = listeners;
		this.appenders = appenders;
	}

	/**
	 * Every listener and appender.
	 * @return the descriptor
	 */
	@ReadOperation
	public S2Descriptor s2() {
		List<ListenerDescriptor> listenerDescriptors = new ArrayList<>();
		if (this.listeners != null) {
			for (S2ListenerState state : this.listeners.getListenerStates()) {
				listenerDescriptors.add(ListenerDescriptor.of(state));
			}
		}
		List<AppenderDescriptor> appenderDescriptors = new ArrayList<>();
		if (this.appenders != null) {
			for (S2AppenderState state : this.appenders.appenders()) {
				appenderDescriptors.add(AppenderDescriptor.of(state));
			}
			appenderDescriptors
				.sort(Comparator.comparing(AppenderDescriptor::basin).thenComparing(AppenderDescriptor::stream));
		}
		return new S2Descriptor(listenerDescriptors, appenderDescriptors);
	}

	/**
	 * One listener.
	 * @param listenerId the listener id
	 * @return the listener, or {@code null} (404) if there is none with this id
	 */
	@ReadOperation
	public @Nullable ListenerDescriptor listener(@Selector String listenerId) {
		S2ListenerContainer container = container(listenerId);
		return (container != null) ? ListenerDescriptor.of(container.getState()) : null;
	}

	/**
	 * Pauses, resumes or seeks a listener.
	 * @param listenerId the listener id
	 * @param action {@code pause}, {@code resume} or {@code seek}
	 * @param stream for {@code seek}: the stream, or {@code null} for every stream
	 * @param seqNum for {@code seek}: the seq num of the next message to deliver
	 * @return the listener after the action
	 * @throws InvalidEndpointRequestException (400) if there is no listener with this id,
	 * the action is unknown or a seek has no seq num
	 */
	@WriteOperation
	public ListenerDescriptor control(@Selector String listenerId, String action, @Nullable String stream,
			@Nullable Long seqNum) {
		S2ListenerContainer container = container(listenerId);
		if (container == null) {
			throw new InvalidEndpointRequestException("No listener has the id '" + listenerId + "'",
					"Unknown listener");
		}
		switch (action) {
			case "pause" -> container.pause();
			case "resume" -> container.resume();
			case "seek" -> {
				if (seqNum == null) {
					throw new InvalidEndpointRequestException("seek needs a seqNum", "Missing seqNum");
				}
				container.seek(stream, S2StartPosition.seqNum(seqNum));
			}
			default -> throw new InvalidEndpointRequestException(
					"Unknown action '" + action + "': use pause, resume or seek", "Unknown action");
		}
		return ListenerDescriptor.of(container.getState());
	}

	private @Nullable S2ListenerContainer container(String listenerId) {
		return (this.listeners != null) ? this.listeners.getListenerContainer(listenerId) : null;
	}

	/**
	 * The listeners and appenders.
	 *
	 * @param listeners the listeners, in registration order
	 * @param appenders the open appenders, by basin and stream
	 */
	public record S2Descriptor(List<ListenerDescriptor> listeners,
			List<AppenderDescriptor> appenders) implements OperationResponseBody {

	}

	/**
	 * A listener.
	 *
	 * @param id the listener id
	 * @param running whether it runs
	 * @param paused whether delivery is paused
	 * @param streams its streams, by name
	 */
	public record ListenerDescriptor(String id, boolean running, boolean paused,
			List<StreamDescriptor> streams) implements OperationResponseBody {

		static ListenerDescriptor of(S2ListenerState state) {
			return new ListenerDescriptor(state.listenerId(), state.running(), state.paused(),
					state.streams().stream().map(StreamDescriptor::of).toList());
		}

	}

	/**
	 * How a listener reads a stream.
	 *
	 * @param basin the basin
	 * @param stream the stream
	 * @param phase what the reader is doing
	 * @param position the next seq num to read, or -1 before it is known
	 * @param tail the latest tail seen, or -1
	 * @param lag records between the position and the tail
	 * @param committed the latest committed position, or -1
	 * @param messages messages processed
	 * @param records records received
	 * @param bytes metered bytes received
	 * @param reconnects reconnections
	 * @param errors errors
	 * @param recovered messages handed to the recoverer
	 * @param attempt the reconnect attempt under way, or 0
	 * @param lastFailure the message of the latest failure, if any
	 */
	public record StreamDescriptor(String basin, String stream, String phase, long position, long tail, long lag,
			long committed, long messages, long records, long bytes, long reconnects, long errors, long recovered,
			int attempt, @Nullable String lastFailure) {

		static StreamDescriptor of(S2StreamState state) {
			return new StreamDescriptor(state.basin(), state.stream(), state.phase().name(), state.position(),
					state.lastTail(), state.lag(), state.committed(), state.messagesDelivered(),
					state.recordsDelivered(), state.bytesDelivered(), state.reconnects(), state.errors(),
					state.recovered(), state.attempt(), message(state.lastFailure()));
		}

	}

	/**
	 * An appender.
	 *
	 * @param basin the basin
	 * @param stream the stream
	 * @param phase what its session is doing
	 * @param pendingSends sends not yet acknowledged
	 * @param inflightBytes metered bytes in flight
	 * @param reconnects reconnections
	 * @param sent messages acknowledged
	 * @param failed messages failed
	 * @param attempt the reconnect attempt under way, or 0
	 * @param lastFailure the message of the latest failure, if any
	 */
	public record AppenderDescriptor(String basin, String stream, String phase, int pendingSends, long inflightBytes,
			long reconnects, long sent, long failed, int attempt, @Nullable String lastFailure) {

		static AppenderDescriptor of(S2AppenderState state) {
			return new AppenderDescriptor(state.basin(), state.stream(), state.phase().name(), state.pendingSends(),
					state.inflightBytes(), state.reconnects(), state.sent(), state.failed(), state.attempt(),
					message(state.lastFailure()));
		}

	}

	private static @Nullable String message(@Nullable Throwable failure) {
		if (failure == null) {
			return null;
		}
		return (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName();
	}

}

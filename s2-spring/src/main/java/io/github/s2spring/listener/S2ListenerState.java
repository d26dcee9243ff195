package io.github.s2spring.listener;

import java.util.List;

/**
 * A snapshot of a listener container: whether it runs and how it reads each stream.
 *
 * @param listenerId the listener id
 * @param running whether the container runs
 * @param paused whether delivery is paused
 * @param streams the streams, in the order they were added
 */
public record S2ListenerState(String listenerId, boolean running, boolean paused, List<S2StreamState> streams) {

	public S2ListenerState {
		streams = List.copyOf(streams);
	}

}

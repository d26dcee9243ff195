package io.github.s2spring.config;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.listener.AckMode;
import io.github.s2spring.listener.S2ContainerListener;
import io.github.s2spring.listener.S2ErrorHandler;
import io.github.s2spring.support.S2MessageConverter;
import io.github.s2spring.support.S2StartPosition;

/**
 * What a listener container is made from: the streams, the settings that override the
 * container factory's ({@code null} leaves the factory's) and the listener.
 */
public interface S2ListenerEndpoint {

	/**
	 * The listener id.
	 * @return the id
	 */
	String getId();

	/**
	 * The streams to read.
	 * @return the stream names
	 */
	List<String> getStreams();

	/**
	 * The prefix of further streams to read.
	 * @return the prefix, or {@code null}
	 */
	@Nullable String getStreamPrefix();

	/**
	 * The basin.
	 * @return the basin, or {@code null} for the factory's default basin
	 */
	@Nullable String getBasin();

	/**
	 * Where reading starts.
	 * @return the start position, or {@code null} for the factory's
	 */
	@Nullable S2StartPosition getStartPosition();

	/**
	 * When positions are committed.
	 * @return the ack mode, or {@code null} for the factory's
	 */
	@Nullable AckMode getAckMode();

	/**
	 * Whether the listener takes the messages of a read batch at once.
	 * @return whether it is a batch listener, or {@code null} for the factory's setting
	 */
	@Nullable Boolean getBatch();

	/**
	 * Whether the container starts with the application.
	 * @return whether to start, or {@code null} for the factory's setting
	 */
	@Nullable Boolean getAutoStartup();

	/**
	 * The error handler.
	 * @return the error handler, or {@code null} for the factory's
	 */
	@Nullable S2ErrorHandler getErrorHandler();

	/**
	 * Creates the listener the container delivers to.
	 * @param converter the factory's message converter
	 * @param batch whether the container delivers read batches
	 * @return the listener
	 */
	S2ContainerListener createListener(S2MessageConverter converter, boolean batch);

}

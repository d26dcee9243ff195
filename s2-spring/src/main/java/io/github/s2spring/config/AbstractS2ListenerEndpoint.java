package io.github.s2spring.config;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.s2spring.listener.AckMode;
import io.github.s2spring.listener.S2ErrorHandler;
import io.github.s2spring.support.S2StartPosition;

/**
 * The settings every {@link S2ListenerEndpoint} has, as JavaBean properties.
 */
public abstract class AbstractS2ListenerEndpoint implements S2ListenerEndpoint {

	private String id = "";

	private final List<String> streams = new ArrayList<>();

	private @Nullable String streamPrefix;

	private @Nullable String basin;

	private @Nullable S2StartPosition startPosition;

	private @Nullable AckMode ackMode;

	private @Nullable Boolean batch;

	private @Nullable Boolean autoStartup;

	private @Nullable S2ErrorHandler errorHandler;

	@Override
	public String getId() {
		return this.id;
	}

	/**
	 * Sets the listener id.
	 * @param id the id
	 */
	public void setId(String id) {
		this.id = id;
	}

	@Override
	public List<String> getStreams() {
		return List.copyOf(this.streams);
	}

	/**
	 * Sets the streams to read.
	 * @param streams the stream names
	 */
	public void setStreams(List<String> streams) {
		this.streams.clear();
		this.streams.addAll(streams);
	}

	@Override
	public @Nullable String getStreamPrefix() {
		return this.streamPrefix;
	}

	/**
	 * Sets the prefix of further streams to read.
	 * @param streamPrefix the prefix
	 */
	public void setStreamPrefix(@Nullable String streamPrefix) {
		this.streamPrefix = streamPrefix;
	}

	@Override
	public @Nullable String getBasin() {
		return this.basin;
	}

	/**
	 * Sets the basin.
	 * @param basin the basin
	 */
	public void setBasin(@Nullable String basin) {
		this.basin = basin;
	}

	@Override
	public @Nullable S2StartPosition getStartPosition() {
		return this.startPosition;
	}

	/**
	 * Sets where reading starts.
	 * @param startPosition the start position
	 */
	public void setStartPosition(@Nullable S2StartPosition startPosition) {
		this.startPosition = startPosition;
	}

	@Override
	public @Nullable AckMode getAckMode() {
		return this.ackMode;
	}

	/**
	 * Sets when positions are committed.
	 * @param ackMode the ack mode
	 */
	public void setAckMode(@Nullable AckMode ackMode) {
		this.ackMode = ackMode;
	}

	@Override
	public @Nullable Boolean getBatch() {
		return this.batch;
	}

	/**
	 * Sets whether the listener takes read batches at once.
	 * @param batch whether it is a batch listener
	 */
	public void setBatch(@Nullable Boolean batch) {
		this.batch = batch;
	}

	@Override
	public @Nullable Boolean getAutoStartup() {
		return this.autoStartup;
	}

	/**
	 * Sets whether the container starts with the application.
	 * @param autoStartup whether to start
	 */
	public void setAutoStartup(@Nullable Boolean autoStartup) {
		this.autoStartup = autoStartup;
	}

	@Override
	public @Nullable S2ErrorHandler getErrorHandler() {
		return this.errorHandler;
	}

	/**
	 * Sets the error handler.
	 * @param errorHandler the error handler
	 */
	public void setErrorHandler(@Nullable S2ErrorHandler errorHandler) {
		this.errorHandler = errorHandler;
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[id=" + this.id + ", basin=" + this.basin + ", streams=" + this.streams
				+ ", streamPrefix=" + this.streamPrefix + "]";
	}

}

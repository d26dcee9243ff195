package io.github.s2spring.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

import io.github.s2spring.listener.S2ListenerContainer;
import io.github.s2spring.listener.S2ListenerState;
import io.github.s2spring.support.S2StartPosition;

/**
 * Creates and keeps the listener containers of the registered endpoints, starts them with
 * the application context (those that start automatically) and stops them with it; finds
 * them by listener id to pause, resume or seek them, and gives a snapshot of each for
 * health indicators and metrics.
 */
public class S2ListenerEndpointRegistry implements SmartLifecycle, DisposableBean {

	private final Map<String, S2ListenerContainer> containers = new LinkedHashMap<>();

	private final Object monitor = new Object();

	private volatile boolean running;

	/**
	 * Creates a container for an endpoint.
	 * @param endpoint the endpoint
	 * @param factory the factory that creates its container
	 * @param startImmediately whether to start the container now if the registry runs
	 * @return the container
	 * @throws IllegalStateException if another container has the endpoint's id
	 */
	public S2ListenerContainer registerListenerContainer(S2ListenerEndpoint endpoint,
			S2ListenerContainerFactory factory, boolean startImmediately) {
		synchronized (this.monitor) {
			if (this.containers.containsKey(endpoint.getId())) {
				throw new IllegalStateException("Another listener has the id '" + endpoint.getId() + "'");
			}
			S2ListenerContainer container = factory.createListenerContainer(endpoint);
			this.containers.put(endpoint.getId(), container);
			if (startImmediately && this.running && container.isAutoStartup()) {
				container.start();
			}
			return container;
		}
	}

	/**
	 * The container of a listener.
	 * @param id the listener id
	 * @return the container, or {@code null} if there is none with this id
	 */
	public @Nullable S2ListenerContainer getListenerContainer(String id) {
		synchronized (this.monitor) {
			return this.containers.get(id);
		}
	}

	/**
	 * The ids of every listener.
	 * @return the ids, in registration order
	 */
	public Set<String> getListenerContainerIds() {
		synchronized (this.monitor) {
			return Set.copyOf(this.containers.keySet());
		}
	}

	/**
	 * Every container.
	 * @return the containers, in registration order
	 */
	public Collection<S2ListenerContainer> getListenerContainers() {
		synchronized (this.monitor) {
			return List.copyOf(this.containers.values());
		}
	}

	/**
	 * A snapshot of every container and its streams.
	 * @return the states, in registration order
	 */
	public List<S2ListenerState> getListenerStates() {
		List<S2ListenerState> states = new ArrayList<>();
		for (S2ListenerContainer container : getListenerContainers()) {
			states.add(container.getState());
		}
		return states;
	}

	/**
	 * Pauses a listener ({@link S2ListenerContainer#pause()}).
	 * @param id the listener id
	 * @throws IllegalArgumentException if there is no such listener
	 */
	public void pause(String id) {
		requireContainer(id).pause();
	}

	/**
	 * Resumes a paused listener.
	 * @param id the listener id
	 * @throws IllegalArgumentException if there is no such listener
	 */
	public void resume(String id) {
		requireContainer(id).resume();
	}

	/**
	 * Moves a listener to a seq num.
	 * @param id the listener id
	 * @param stream the stream, or {@code null} for every stream of the listener
	 * @param seqNum the seq num of the next message to deliver
	 * @throws IllegalArgumentException if there is no such listener
	 */
	public void seek(String id, @Nullable String stream, long seqNum) {
		requireContainer(id).seek(stream, S2StartPosition.seqNum(seqNum));
	}

	/**
	 * Moves a listener to the first message at or after a time.
	 * @param id the listener id
	 * @param stream the stream, or {@code null} for every stream of the listener
	 * @param timestamp milliseconds since the Unix epoch
	 * @throws IllegalArgumentException if there is no such listener
	 */
	public void seekToTimestamp(String id, @Nullable String stream, long timestamp) {
		requireContainer(id).seek(stream, S2StartPosition.timestamp(timestamp));
	}

	private S2ListenerContainer requireContainer(String id) {
		S2ListenerContainer container = getListenerContainer(id);
		if (container == null) {
			throw new IllegalArgumentException(
					"No listener has the id '" + id + "'; listeners: " + getListenerContainerIds());
		}
		return container;
	}

	@Override
	public void start() {
		for (S2ListenerContainer container : getListenerContainers()) {
			if (container.isAutoStartup()) {
				container.start();
			}
		}
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		for (S2ListenerContainer container : getListenerContainers()) {
			container.stop();
		}
	}

	/**
	 * Stops every container at once and calls back when all stopped.
	 * @param callback called once every container stopped
	 */
	@Override
	public void stop(Runnable callback) {
		this.running = false;
		Collection<S2ListenerContainer> all = getListenerContainers();
		if (all.isEmpty()) {
			callback.run();
			return;
		}
		AtomicInteger remaining = new AtomicInteger(all.size());
		for (S2ListenerContainer container : all) {
			container.stop(() -> {
				if (remaining.decrementAndGet() == 0) {
					callback.run();
				}
			});
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return S2ListenerContainer.DEFAULT_PHASE;
	}

	/**
	 * Stops every container.
	 */
	@Override
	public void destroy() {
		stop();
	}

}

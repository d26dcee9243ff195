package io.github.s2spring.listener;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;

import org.springframework.core.log.LogAccessor;
import org.springframework.scheduling.TaskScheduler;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.control.model.ListRequest;
import io.github.s2spring.client.control.model.StreamInfo;

/**
 * Finds the streams of a prefix listener: lists the basin at start and then every
 * discovery interval, and tells the container which streams appeared and disappeared.
 * Listings run on the delivery executor, one at a time.
 */
final class StreamDiscovery {

	private static final LogAccessor logger = new LogAccessor(StreamDiscovery.class);

	private final S2ListenerContainer container;

	private final S2Client client;

	private final String basin;

	private final String prefix;

	private final Executor executor;

	private final AtomicBoolean listing = new AtomicBoolean();

	private @Nullable ScheduledFuture<?> schedule;

	private volatile boolean failing;

	StreamDiscovery(S2ListenerContainer container, String prefix) {
		this.container = container;
		this.client = container.client();
		this.basin = container.getBasin();
		this.prefix = prefix;
		this.executor = container.taskExecutor();
	}

	void start(TaskScheduler scheduler, Duration interval) {
		this.schedule = scheduler.scheduleWithFixedDelay(() -> this.executor.execute(this::discover), interval);
		this.executor.execute(this::discover);
	}

	void stop() {
		ScheduledFuture<?> scheduled = this.schedule;
		if (scheduled != null) {
			scheduled.cancel(false);
		}
	}

	void discover() {
		if (!this.listing.compareAndSet(false, true)) {
			return;
		}
		try {
			Set<String> found = new LinkedHashSet<>();
			for (StreamInfo info : this.client.basin(this.basin).streams().list(ListRequest.withPrefix(this.prefix))) {
				if (info.deletedAt() == null
						&& this.container.getContainerProperties().getStreamFilter().test(info.name())) {
					found.add(info.name());
				}
			}
			this.container.discovered(found);
			if (this.failing) {
				logger.info(() -> "Listener '" + this.container.getListenerId() + "' lists " + this.basin + " again");
			}
			this.failing = false;
		}
		catch (RuntimeException ex) {
			if (!this.failing) {
				logger.warn(() -> "Listener '" + this.container.getListenerId() + "' cannot list the streams of "
						+ this.basin + " starting with '" + this.prefix + "'; trying again later: " + ex);
			}
			this.failing = true;
		}
		finally {
			this.listing.set(false);
		}
	}

}

package io.github.s2spring.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanNameAware;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;

import io.github.s2spring.client.S2Client;
import io.github.s2spring.client.control.model.CreateStreamRequest;
import io.github.s2spring.client.data.Header;
import io.github.s2spring.client.error.ConflictException;
import io.github.s2spring.client.patterns.OutgoingMessage;
import io.github.s2spring.client.patterns.S2Serializer;
import io.github.s2spring.observation.DefaultS2TemplateObservationConvention;
import io.github.s2spring.observation.S2SenderContext;
import io.github.s2spring.observation.S2TemplateObservation;
import io.github.s2spring.observation.S2TemplateObservationConvention;
import io.github.s2spring.support.DefaultS2MessageConverter;
import io.github.s2spring.support.S2Headers;
import io.github.s2spring.support.S2MessageConverter;
import io.github.s2spring.support.S2StartPosition;

/**
 * The {@link S2Operations} of a Spring application: sends typed messages through one
 * appender per stream ({@link S2AppenderRegistry}), reads history, manages streams, and
 * starts programmatic listeners.
 * <p>
 * A payload is converted by the {@link S2MessageConverter} (JSON with the application's
 * Jackson {@code JsonMapper}, {@code String} as UTF-8, {@code byte[]} as is), then framed
 * and dedupe-stamped by the SDK's patterns writer, byte-compatible with the TypeScript
 * SDK's patterns: a Node service can read what this template writes, messages of up to
 * 100 MiB included. The returned future completes once S2 made the message durable; it
 * completes on an SDK delivery thread, never on a Netty event loop. When observation is
 * on, each send is an {@code s2.template} observation whose trace context travels in the
 * message's headers.
 */
public class S2Template
		implements S2Operations, BeanNameAware, ApplicationContextAware, SmartInitializingSingleton, DisposableBean {

	/**
	 * The bean that starts programmatic listeners when the context has several
	 * {@link S2Subscriber}s: the default listener container factory.
	 */
	static final String DEFAULT_SUBSCRIBER_BEAN_NAME = "s2ListenerContainerFactory";

	private final S2Client client;

	private final S2AppenderRegistry appenders;

	private final boolean ownsAppenders;

	private final S2MessageConverter converter;

	private final @Nullable String basin;

	private final Settings settings;

	/**
	 * Creates a template with its own appenders (default options) and the default
	 * converter; it closes them when destroyed.
	 * @param client the client
	 * @param basin the basin of the streams it sends to, or {@code null} to name one with
	 * {@link #inBasin} for every call
	 */
	public S2Template(S2Client client, @Nullable String basin) {
		this(client, new S2AppenderRegistry(client, S2AppenderOptions.defaults()), true,
				new DefaultS2MessageConverter(), basin, new Settings());
	}

	/**
	 * Creates a template on shared appenders (which the caller manages, usually as a
	 * bean).
	 * @param client the client
	 * @param appenders the appenders
	 * @param converter the converter of payloads
	 * @param basin the basin of the streams it sends to, or {@code null} to name one with
	 * {@link #inBasin} for every call
	 */
	public S2Template(S2Client client, S2AppenderRegistry appenders, S2MessageConverter converter,
			@Nullable String basin) {
		this(client, appenders, false, converter, basin, new Settings());
	}

	private S2Template(S2Client client, S2AppenderRegistry appenders, boolean ownsAppenders,
			S2MessageConverter converter, @Nullable String basin, Settings settings) {
		this.client = client;
		this.appenders = appenders;
		this.ownsAppenders = ownsAppenders;
		this.converter = converter;
		this.basin = (basin != null) ? client.basin(basin).name() : null;
		this.settings = settings;
	}

	/**
	 * Whether sends are observed with Micrometer Observation (off by default, as in
	 * spring-kafka).
	 * @param observationEnabled whether to observe
	 */
	public void setObservationEnabled(boolean observationEnabled) {
		this.settings.observationEnabled = observationEnabled;
	}

	/**
	 * A convention to name and tag send observations instead of the default one.
	 * @param convention the convention
	 */
	public void setObservationConvention(S2TemplateObservationConvention convention) {
		this.settings.observationConvention = convention;
	}

	/**
	 * The registry of send observations; by default the application context's unique
	 * {@link ObservationRegistry}, if any.
	 * @param registry the registry
	 */
	public void setObservationRegistry(ObservationRegistry registry) {
		this.settings.observationRegistry = registry;
	}

	/**
	 * What starts programmatic listeners; by default the application context's unique
	 * {@link S2Subscriber} (a listener container factory), else the one named
	 * {@code s2ListenerContainerFactory}, if any.
	 * @param subscriber the subscriber
	 */
	public void setSubscriber(S2Subscriber subscriber) {
		this.settings.subscriber = subscriber;
	}

	@Override
	public void setBeanName(String name) {
		this.settings.beanName = name;
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) throws BeansException {
		this.settings.applicationContext = applicationContext;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ApplicationContext context = this.settings.applicationContext;
		if (context == null) {
			return;
		}
		if (this.settings.observationRegistry == ObservationRegistry.NOOP) {
			ObservationRegistry registry = context.getBeanProvider(ObservationRegistry.class).getIfUnique();
			if (registry != null) {
				this.settings.observationRegistry = registry;
			}
		}
		if (this.settings.subscriber == null) {
			S2Subscriber subscriber = context.getBeanProvider(S2Subscriber.class).getIfUnique();
			if (subscriber == null && context.containsBean(DEFAULT_SUBSCRIBER_BEAN_NAME)
					&& context.getBean(DEFAULT_SUBSCRIBER_BEAN_NAME) instanceof S2Subscriber named) {
				subscriber = named;
			}
			this.settings.subscriber = subscriber;
		}
	}

	/**
	 * The appenders this template sends through.
	 * @return the registry
	 */
	public S2AppenderRegistry getAppenderRegistry() {
		return this.appenders;
	}

	/**
	 * The client this template uses.
	 * @return the client
	 */
	public S2Client getClient() {
		return this.client;
	}

	@Override
	public String getBasin() {
		String current = this.basin;
		if (current == null) {
			throw new IllegalStateException(
					"This S2 template has no default basin: set s2.basin, or name one with inBasin(...)");
		}
		return current;
	}

	@Override
	public CompletableFuture<S2SendResult> send(String stream, Object message) {
		return send(stream, message, Map.of());
	}

	@Override
	public CompletableFuture<S2SendResult> send(String stream, Object message, Map<String, String> headers) {
		return send(stream, List.of(message), headers, null, null, null, null, false);
	}

	@Override
	public S2MessageBuilder newMessage(Object payload) {
		return new DefaultS2MessageBuilder(this, payload);
	}

	@Override
	public CompletableFuture<S2SendResult> sendBatch(String stream, List<?> messages) {
		if (messages.isEmpty()) {
			return CompletableFuture.failedFuture(new IllegalArgumentException("A batch needs at least one message"));
		}
		return send(stream, messages, Map.of(), null, null, null, null, true);
	}

	/**
	 * Sends one message or an atomic batch: converts, observes and hands over to the
	 * stream's appender. Never throws: every failure completes the future.
	 */
	CompletableFuture<S2SendResult> send(String stream, List<?> payloads, Map<String, String> headers,
			@Nullable Long timestamp, @Nullable S2Serializer<?> serializer, @Nullable Long matchSeqNum,
			@Nullable String fencingToken, boolean atomic) {
		if (this.basin == null) {
			return CompletableFuture.failedFuture(new IllegalStateException(
					"This S2 template has no default basin: set s2.basin, or name one with inBasin(...)"));
		}
		String target = this.basin;
		Map<String, String> carried = new LinkedHashMap<>(headers);
		Observation observation = observation(target, stream, carried);
		observation.start();
		CompletableFuture<S2SendResult> result;
		Observation.Scope scope = observation.openScope();
		try {
			List<OutgoingMessage<byte[]>> messages = new ArrayList<>(payloads.size());
			for (Object payload : payloads) {
				messages.add(outgoing(payload, carried, timestamp, serializer));
			}
			result = dispatch(target, stream, messages, matchSeqNum, fencingToken, atomic);
		}
		catch (RuntimeException ex) {
			result = CompletableFuture.failedFuture(ex);
		}
		finally {
			scope.close();
		}
		if (observation.isNoop()) {
			return result;
		}
		// the observation stops before the caller's callbacks run
		return result.whenComplete((value, ex) -> {
			if (ex != null) {
				observation.error(ex);
			}
			observation.stop();
		});
	}

	private OutgoingMessage<byte[]> outgoing(Object payload, Map<String, String> carried, @Nullable Long timestamp,
			@Nullable S2Serializer<?> serializer) {
		Map<String, String> headers = new LinkedHashMap<>(carried);
		byte[] bytes = (serializer != null) ? serialize(serializer, payload) : this.converter.toBytes(payload, headers);
		List<Header> recordHeaders = new ArrayList<>(headers.size());
		headers.forEach((name, value) -> {
			if (S2Headers.isReserved(name)) {
				throw new IllegalArgumentException(
						"Header name \"" + name + "\" is reserved: names must not be empty or start with '_'");
			}
			recordHeaders.add(Header.of(name, value));
		});
		return new OutgoingMessage<>(bytes, recordHeaders, timestamp);
	}

	@SuppressWarnings("unchecked")
	private static byte[] serialize(S2Serializer<?> serializer, Object payload) {
		return ((S2Serializer<Object>) serializer).serialize(payload);
	}

	private CompletableFuture<S2SendResult> dispatch(String basin, String stream,
			List<OutgoingMessage<byte[]>> messages, @Nullable Long matchSeqNum, @Nullable String fencingToken,
			boolean atomic) {
		while (true) {
			CompletableFuture<S2SendResult> sent = this.appenders.appender(basin, stream, fencingToken)
				.send(messages, matchSeqNum, atomic);
			if (sent != null) {
				return sent;
			}
		}
	}

	private Observation observation(String basin, String stream, Map<String, String> carried) {
		if (!this.settings.observationEnabled) {
			return Observation.NOOP;
		}
		return S2TemplateObservation.TEMPLATE_OBSERVATION.observation(this.settings.observationConvention,
				DefaultS2TemplateObservationConvention.INSTANCE,
				() -> new S2SenderContext(this.settings.beanName, basin, stream, carried),
				this.settings.observationRegistry);
	}

	@Override
	public S2Operations inBasin(String basin) {
		return new S2Template(this.client, this.appenders, false, this.converter, basin, this.settings);
	}

	@Override
	public CompletableFuture<Void> flush() {
		return this.appenders.flush();
	}

	@Override
	public CompletableFuture<Void> flush(String stream) {
		return this.appenders.flush(getBasin(), stream);
	}

	@Override
	public <T> List<S2ReceivedMessage<T>> read(String stream, Class<T> type, S2StartPosition from, int count) {
		return new HistoryReader(this.client.basin(getBasin()).stream(stream), this.converter).read(type, from, count);
	}

	@Override
	public void createStream(String stream) {
		this.client.basin(getBasin()).streams().create(CreateStreamRequest.of(stream));
	}

	@Override
	public boolean ensureStream(String stream) {
		try {
			createStream(stream);
			return true;
		}
		catch (ConflictException ex) {
			if (ex.isAlreadyExists()) {
				return false;
			}
			throw ex;
		}
	}

	@Override
	public void deleteStream(String stream) {
		this.client.basin(getBasin()).streams().delete(stream);
	}

	@Override
	public <T> S2Subscription listen(String stream, Class<T> type, S2StartPosition from,
			S2MessageListener<T> listener) {
		S2Subscriber subscriber = this.settings.subscriber;
		if (subscriber == null) {
			throw new IllegalStateException("No S2Subscriber is configured: enable listeners with @EnableS2 "
					+ "(the S2 auto-configuration does) or call setSubscriber");
		}
		return subscriber.subscribe(getBasin(), stream, type, from, listener);
	}

	@Override
	public <R> R execute(S2ClientCallback<R> callback) {
		try {
			return callback.doWithClient(this.client, getBasin());
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("The S2 client callback failed: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void destroy() {
		if (this.ownsAppenders) {
			this.appenders.destroy();
		}
	}

	@Override
	public String toString() {
		return "S2Template[basin=" + this.basin + "]";
	}

	/**
	 * What a template and the templates of other basins made from it share.
	 */
	private static final class Settings {

		volatile String beanName = "s2Template";

		volatile boolean observationEnabled;

		volatile @Nullable S2TemplateObservationConvention observationConvention;

		volatile ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		volatile @Nullable S2Subscriber subscriber;

		volatile @Nullable ApplicationContext applicationContext;

	}

}

package io.github.s2spring.listener.adapter;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.Headers;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;

import io.github.s2spring.core.S2Operations;
import io.github.s2spring.core.S2ReceivedMessage;
import io.github.s2spring.listener.Acknowledgment;
import io.github.s2spring.listener.S2ContainerListener;
import io.github.s2spring.support.S2Headers;
import io.github.s2spring.support.S2MessageConverter;
import io.github.s2spring.support.S2RecordMetadata;

/**
 * Invokes a listener method through Spring Messaging's handler-method machinery: the
 * payload is converted by the {@link S2MessageConverter} to the type of the method's
 * payload parameter (the element type of a {@code List} for batch listeners, the type
 * argument of a {@code Message<T>}), and the other arguments come from the message's
 * headers: {@code @Header("name")} for record headers and the {@link S2Headers} ones,
 * {@link S2RecordMetadata}, {@link Acknowledgment}, {@link MessageHeaders}. A return
 * value is sent to the reply stream, if one is set.
 */
public class MessagingS2ListenerAdapter implements S2ContainerListener {

	private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

	private final InvocableHandlerMethod handlerMethod;

	private final String listenerId;

	private final boolean batch;

	private final S2MessageConverter converter;

	private final @Nullable Type payloadType;

	private @Nullable Supplier<? extends S2Operations> replyOperations;

	private @Nullable String replyStream;

	/**
	 * Creates an adapter.
	 * @param handlerMethod the method and its bean
	 * @param listenerId the listener id
	 * @param batch whether the method takes the messages of a read batch
	 * @param converter converts the payload
	 * @throws IllegalStateException if the method's parameters do not fit: two payload
	 * parameters, or a batch listener without a {@code List} payload
	 */
	public MessagingS2ListenerAdapter(InvocableHandlerMethod handlerMethod, String listenerId, boolean batch,
			S2MessageConverter converter) {
		this.handlerMethod = handlerMethod;
		this.listenerId = listenerId;
		this.batch = batch;
		this.converter = converter;
		this.payloadType = payloadType(handlerMethod.getMethod(), batch);
	}

	/**
	 * Sends the method's return values to a stream, in the basin of the message replied
	 * to; the delivery completes once the reply is durable.
	 * @param operations the operations that send
	 * @param stream the reply stream
	 */
	public void setReplyTo(Supplier<? extends S2Operations> operations, String stream) {
		this.replyOperations = operations;
		this.replyStream = stream;
	}

	@Override
	public void onMessages(List<S2ReceivedMessage<byte[]>> messages, Acknowledgment acknowledgment) throws Exception {
		Message<?> message = this.batch ? batchMessage(messages, acknowledgment)
				: message(messages.get(0), acknowledgment);
		Object result = this.handlerMethod.invoke(message);
		if (result != null && this.replyOperations != null && this.replyStream != null) {
			reply(result, messages.get(0).metadata().basin());
		}
	}

	private void reply(Object result, String basin) throws Exception {
		S2Operations operations = this.replyOperations.get();
		S2Operations target = basin.equals(operations.getBasin()) ? operations : operations.inBasin(basin);
		try {
			target.send(this.replyStream, result).get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

	private Message<?> message(S2ReceivedMessage<byte[]> received, Acknowledgment acknowledgment) {
		S2RecordMetadata metadata = received.metadata();
		Map<String, Object> headers = new HashMap<>(metadata.headers());
		headers.put(S2Headers.RECEIVED_BASIN, metadata.basin());
		headers.put(S2Headers.RECEIVED_STREAM, metadata.stream());
		headers.put(S2Headers.SEQ_NUM, metadata.seqNum());
		headers.put(S2Headers.LAST_SEQ_NUM, metadata.lastSeqNum());
		headers.put(S2Headers.TIMESTAMP, metadata.timestamp());
		headers.put(S2Headers.RECORD_METADATA, metadata);
		headers.put(S2Headers.ACKNOWLEDGMENT, acknowledgment);
		headers.put(S2Headers.LISTENER_ID, this.listenerId);
		Object payload = (this.payloadType != null)
				? this.converter.fromBytes(received.payload(), metadata.headers(), this.payloadType)
				: received.payload();
		return MessageBuilder.createMessage(payload, new MessageHeaders(headers));
	}

	private Message<?> batchMessage(List<S2ReceivedMessage<byte[]>> received, Acknowledgment acknowledgment) {
		List<Object> payloads = new ArrayList<>(received.size());
		List<S2RecordMetadata> metadata = new ArrayList<>(received.size());
		for (S2ReceivedMessage<byte[]> message : received) {
			metadata.add(message.metadata());
			payloads.add((this.payloadType != null)
					? this.converter.fromBytes(message.payload(), message.metadata().headers(), this.payloadType)
					: message.payload());
		}
		S2RecordMetadata first = metadata.get(0);
		Map<String, Object> headers = new HashMap<>();
		headers.put(S2Headers.RECEIVED_BASIN, first.basin());
		headers.put(S2Headers.RECEIVED_STREAM, first.stream());
		headers.put(S2Headers.SEQ_NUM, first.seqNum());
		headers.put(S2Headers.LAST_SEQ_NUM, metadata.get(metadata.size() - 1).lastSeqNum());
		headers.put(S2Headers.RECORD_METADATA, metadata);
		headers.put(S2Headers.ACKNOWLEDGMENT, acknowledgment);
		headers.put(S2Headers.LISTENER_ID, this.listenerId);
		return MessageBuilder.createMessage(payloads, new MessageHeaders(headers));
	}

	private static @Nullable Type payloadType(Method method, boolean batch) {
		Type found = null;
		MethodParameter payloadParameter = null;
		for (int i = 0; i < method.getParameterCount(); i++) {
			MethodParameter parameter = new MethodParameter(method, i);
			if (!isPayload(parameter)) {
				continue;
			}
			if (payloadParameter != null) {
				throw new IllegalStateException("Listener method " + method.toGenericString()
						+ " has two payload parameters (" + payloadParameter.getParameterIndex() + " and " + i
						+ "): annotate the others with @Header, or take S2RecordMetadata or Acknowledgment");
			}
			payloadParameter = parameter;
			ResolvableType type = ResolvableType.forMethodParameter(parameter);
			if (Message.class.isAssignableFrom(type.toClass())) {
				type = type.as(Message.class).getGeneric(0);
			}
			if (batch) {
				if (!List.class.isAssignableFrom(type.toClass())) {
					throw new IllegalStateException("Batch listener method " + method.toGenericString()
							+ " must take its payloads as a List<T>, not " + type);
				}
				type = type.asCollection().getGeneric(0);
			}
			Type generic = type.getType();
			found = (generic instanceof Class<?> || generic instanceof ParameterizedType
					|| generic instanceof GenericArrayType) ? generic : type.toClass();
		}
		return found;
	}

	private static boolean isPayload(MethodParameter parameter) {
		if (parameter.hasParameterAnnotation(Payload.class)) {
			return true;
		}
		if (parameter.hasParameterAnnotation(Header.class) || parameter.hasParameterAnnotation(Headers.class)) {
			return false;
		}
		Class<?> type = parameter.getParameterType();
		return type != S2RecordMetadata.class && type != Acknowledgment.class && type != MessageHeaders.class
				&& !MessageHeaderAccessor.class.isAssignableFrom(type)
				&& !S2ListenerArgumentResolver.isMetadataList(parameter);
	}

}

package io.github.s2spring.config;

import java.lang.reflect.Method;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.messaging.handler.invocation.InvocableHandlerMethod;

import io.github.s2spring.core.S2Operations;
import io.github.s2spring.listener.S2ContainerListener;
import io.github.s2spring.listener.adapter.MessagingS2ListenerAdapter;
import io.github.s2spring.support.S2MessageConverter;

/**
 * An endpoint whose listener is a method of a bean, invoked through a
 * {@link MessageHandlerMethodFactory}; its return value, if any, goes to the reply
 * stream.
 */
public class MethodS2ListenerEndpoint extends AbstractS2ListenerEndpoint {

	private final Object bean;

	private final Method method;

	private @Nullable MessageHandlerMethodFactory messageHandlerMethodFactory;

	private @Nullable String replyStream;

	private @Nullable Supplier<? extends S2Operations> replyOperations;

	/**
	 * Creates an endpoint.
	 * @param bean the bean
	 * @param method the method to invoke
	 */
	public MethodS2ListenerEndpoint(Object bean, Method method) {
		this.bean = bean;
		this.method = method;
	}

	/**
	 * The bean.
	 * @return the bean
	 */
	public Object getBean() {
		return this.bean;
	}

	/**
	 * The method.
	 * @return the method
	 */
	public Method getMethod() {
		return this.method;
	}

	/**
	 * Sets the factory of invocable methods (the registrar sets its own if none is set).
	 * @param messageHandlerMethodFactory the factory
	 */
	public void setMessageHandlerMethodFactory(MessageHandlerMethodFactory messageHandlerMethodFactory) {
		this.messageHandlerMethodFactory = messageHandlerMethodFactory;
	}

	/**
	 * The factory of invocable methods.
	 * @return the factory, or {@code null} if not set yet
	 */
	public @Nullable MessageHandlerMethodFactory getMessageHandlerMethodFactory() {
		return this.messageHandlerMethodFactory;
	}

	/**
	 * Sends the method's return values to a stream.
	 * @param stream the reply stream
	 * @param operations the operations that send, looked up when the first reply is sent
	 */
	public void setReplyTo(String stream, Supplier<? extends S2Operations> operations) {
		this.replyStream = stream;
		this.replyOperations = operations;
	}

	/**
	 * The reply stream.
	 * @return the stream, or {@code null} for none
	 */
	public @Nullable String getReplyStream() {
		return this.replyStream;
	}

	@Override
	public S2ContainerListener createListener(S2MessageConverter converter, boolean batch) {
		MessageHandlerMethodFactory factory = this.messageHandlerMethodFactory;
		if (factory == null) {
			throw new IllegalStateException("No MessageHandlerMethodFactory for " + this);
		}
		InvocableHandlerMethod handlerMethod = factory.createInvocableHandlerMethod(this.bean, this.method);
		MessagingS2ListenerAdapter adapter = new MessagingS2ListenerAdapter(handlerMethod, getId(), batch, converter);
		if (this.replyStream != null && this.replyOperations != null) {
			adapter.setReplyTo(this.replyOperations, this.replyStream);
		}
		return adapter;
	}

}

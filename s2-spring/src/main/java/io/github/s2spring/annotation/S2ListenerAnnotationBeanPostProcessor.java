package io.github.s2spring.annotation;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.core.log.LogAccessor;
import org.springframework.messaging.handler.annotation.SendTo;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.messaging.handler.annotation.support.MessageHandlerMethodFactory;
import org.springframework.util.Assert;

import io.github.s2spring.config.MethodS2ListenerEndpoint;
import io.github.s2spring.config.S2ListenerConfigUtils;
import io.github.s2spring.config.S2ListenerContainerFactory;
import io.github.s2spring.config.S2ListenerEndpointRegistrar;
import io.github.s2spring.config.S2ListenerEndpointRegistry;
import io.github.s2spring.core.S2Operations;
import io.github.s2spring.listener.S2ErrorHandler;
import io.github.s2spring.listener.adapter.S2ListenerArgumentResolver;

/**
 * Finds the {@link S2Listener} methods of every bean and registers an endpoint for each
 * with the {@link S2ListenerEndpointRegistrar}; once every singleton exists, applies the
 * {@link S2ListenerConfigurer} beans and registers the endpoints' containers with the
 * {@link S2ListenerEndpointRegistry}. Registered by {@link EnableS2}.
 * <p>
 * Mistakes fail the startup with a message naming the method: a return value without
 * {@code @SendTo}, an unknown container factory or error handler, an invalid
 * {@code from}, {@code ackMode} or boolean, a listener without streams.
 */
public class S2ListenerAnnotationBeanPostProcessor
		implements BeanPostProcessor, Ordered, BeanFactoryAware, SmartInitializingSingleton {

	private static final LogAccessor logger = new LogAccessor(S2ListenerAnnotationBeanPostProcessor.class);

	private final S2ListenerEndpointRegistrar registrar = new S2ListenerEndpointRegistrar();

	private final Set<Class<?>> nonAnnotatedClasses = Collections.newSetFromMap(new ConcurrentHashMap<>());

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	private @Nullable ListenerAttributeResolver resolver;

	private @Nullable MessageHandlerMethodFactory handlerMethodFactory;

	@Override
	public int getOrder() {
		return LOWEST_PRECEDENCE;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		Assert.isInstanceOf(ConfigurableListableBeanFactory.class, beanFactory,
				"S2 listeners need a ConfigurableListableBeanFactory");
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
		this.registrar.setBeanFactory(beanFactory);
		this.resolver = new ListenerAttributeResolver(this.beanFactory);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
		Class<?> targetClass = AopUtils.getTargetClass(bean);
		if (this.nonAnnotatedClasses.contains(targetClass)) {
			return bean;
		}
		Map<Method, S2Listener> methods = MethodIntrospector.selectMethods(targetClass,
				(MethodIntrospector.MetadataLookup<S2Listener>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, S2Listener.class));
		if (methods.isEmpty()) {
			this.nonAnnotatedClasses.add(targetClass);
			return bean;
		}
		methods.forEach((method, annotation) -> processListener(annotation, method, bean, beanName));
		logger.debug(() -> methods.size() + " @S2Listener methods on bean '" + beanName + "'");
		return bean;
	}

	/**
	 * Registers the endpoint of one annotated method.
	 * @param annotation the annotation
	 * @param method the method
	 * @param bean the bean
	 * @param beanName the bean name
	 */
	protected void processListener(S2Listener annotation, Method method, Object bean, String beanName) {
		Method invocable = checkProxy(method, bean);
		ListenerAttributeResolver attributes = resolver();
		String where = "@S2Listener method " + method.toGenericString();
		MethodS2ListenerEndpoint endpoint = new MethodS2ListenerEndpoint(bean, invocable);
		endpoint.setMessageHandlerMethodFactory(
				(target, targetMethod) -> handlerMethodFactory().createInvocableHandlerMethod(target, targetMethod));
		attributes.withListener(bean, () -> {
			String id = attributes.string(annotation.id(), where, "id");
			endpoint.setId((id != null) ? id : method.getDeclaringClass().getName() + "." + method.getName());
			endpoint.setStreams(attributes.streams(annotation.streams(), where));
			endpoint.setStreamPrefix(attributes.string(annotation.streamPrefix(), where, "streamPrefix"));
			endpoint.setBasin(attributes.string(annotation.basin(), where, "basin"));
			endpoint.setStartPosition(attributes.startPosition(annotation.from(), where));
			endpoint.setAckMode(attributes.ackMode(annotation.ackMode(), where));
			endpoint.setBatch(attributes.bool(annotation.batch(), where, "batch"));
			endpoint.setAutoStartup(attributes.bool(annotation.autoStartup(), where, "autoStartup"));
			endpoint.setErrorHandler(
					attributes.bean(annotation.errorHandler(), S2ErrorHandler.class, where, "errorHandler"));
			S2ListenerContainerFactory factory = attributes.bean(annotation.containerFactory(),
					S2ListenerContainerFactory.class, where, "containerFactory");
			if (endpoint.getStreams().isEmpty() && endpoint.getStreamPrefix() == null) {
				throw new BeanInitializationException(where + " names no stream: set value, streams or streamPrefix");
			}
			processReply(endpoint, method, where);
			this.registrar.registerEndpoint(endpoint, factory);
		});
	}

	private void processReply(MethodS2ListenerEndpoint endpoint, Method method, String where) {
		SendTo sendTo = AnnotationUtils.findAnnotation(method, SendTo.class);
		boolean returnsValue = method.getReturnType() != void.class && method.getReturnType() != Void.class;
		if (sendTo == null) {
			if (returnsValue) {
				throw new BeanInitializationException(where + " returns " + method.getGenericReturnType()
						+ " but has no @SendTo: the value would be lost. Return void, or add @SendTo(\"stream\") "
						+ "to send it to a stream");
			}
			return;
		}
		if (sendTo.value().length != 1) {
			throw new BeanInitializationException(where + " must name exactly one stream in @SendTo");
		}
		String stream = resolver().string(sendTo.value()[0], where, "@SendTo");
		if (stream == null) {
			throw new BeanInitializationException(where + " names an empty stream in @SendTo");
		}
		ListableBeanFactory beans = this.beanFactory;
		endpoint.setReplyTo(stream, () -> {
			S2Operations operations = (beans != null) ? beans.getBeanProvider(S2Operations.class).getIfUnique() : null;
			if (operations == null) {
				throw new IllegalStateException(where + " replies with @SendTo, which needs one S2Operations bean");
			}
			return operations;
		});
	}

	private Method checkProxy(Method method, Object bean) {
		if (!AopUtils.isJdkDynamicProxy(bean)) {
			return method;
		}
		for (Class<?> type : AopProxyUtils.proxiedUserInterfaces(bean)) {
			try {
				return type.getMethod(method.getName(), method.getParameterTypes());
			}
			catch (NoSuchMethodException ex) {
				// try the next interface
			}
		}
		throw new BeanInitializationException("@S2Listener method " + method.toGenericString()
				+ " is on a JDK proxy but not declared by any of its interfaces: declare it on an interface or "
				+ "proxy the target class");
	}

	@Override
	public void afterSingletonsInstantiated() {
		ConfigurableListableBeanFactory beans = this.beanFactory;
		Assert.state(beans != null, "No bean factory");
		beans.getBeanProvider(S2ListenerConfigurer.class)
			.orderedStream()
			.forEach((configurer) -> configurer.configureS2Listeners(this.registrar));
		if (this.registrar.getEndpointRegistry() == null) {
			this.registrar.setEndpointRegistry(beans.getBean(
					S2ListenerConfigUtils.S2_LISTENER_ENDPOINT_REGISTRY_BEAN_NAME, S2ListenerEndpointRegistry.class));
		}
		this.registrar.afterPropertiesSet();
	}

	/**
	 * Registers endpoints: those of methods and those of configurers.
	 * @return the registrar
	 */
	public S2ListenerEndpointRegistrar getEndpointRegistrar() {
		return this.registrar;
	}

	/**
	 * The factory of invocable methods: the registrar's, or a default one with the
	 * S2-specific argument resolvers and a formatting conversion service for
	 * {@code @Header} arguments.
	 * @return the factory
	 */
	MessageHandlerMethodFactory handlerMethodFactory() {
		MessageHandlerMethodFactory configured = this.registrar.getMessageHandlerMethodFactory();
		if (configured != null) {
			return configured;
		}
		if (this.handlerMethodFactory == null) {
			DefaultMessageHandlerMethodFactory factory = new DefaultMessageHandlerMethodFactory();
			factory.setConversionService(new DefaultFormattingConversionService());
			factory.setCustomArgumentResolvers(List.of(new S2ListenerArgumentResolver()));
			if (this.beanFactory != null) {
				factory.setBeanFactory(this.beanFactory);
			}
			factory.afterPropertiesSet();
			this.handlerMethodFactory = factory;
		}
		return this.handlerMethodFactory;
	}

	private ListenerAttributeResolver resolver() {
		ListenerAttributeResolver current = this.resolver;
		Assert.state(current != null, "No bean factory");
		return current;
	}

}

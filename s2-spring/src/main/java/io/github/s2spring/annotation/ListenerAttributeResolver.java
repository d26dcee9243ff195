package io.github.s2spring.annotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanInitializationException;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectFactory;
import org.springframework.beans.factory.config.BeanExpressionContext;
import org.springframework.beans.factory.config.BeanExpressionResolver;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.Scope;

import io.github.s2spring.listener.AckMode;
import io.github.s2spring.support.S2StartPosition;

/**
 * Resolves the {@code String} attributes of {@link S2Listener}: {@code ${…}}
 * placeholders, then {@code #{…}} SpEL expressions in which {@code __listener} is the
 * bean being processed, then the attribute's own parsing; a value that does not parse
 * fails the startup naming the method and the attribute.
 */
final class ListenerAttributeResolver {

	/** The name of the bean being processed in SpEL expressions. */
	static final String LISTENER_BEAN = "__listener";

	private final ConfigurableListableBeanFactory beanFactory;

	private final ListenerScope scope = new ListenerScope();

	private final BeanExpressionContext expressionContext;

	ListenerAttributeResolver(ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
		this.expressionContext = new BeanExpressionContext(beanFactory, this.scope);
	}

	/**
	 * Runs code with {@code __listener} bound to a bean.
	 * @param bean the bean
	 * @param action the code
	 */
	void withListener(Object bean, Runnable action) {
		this.scope.bean = bean;
		try {
			action.run();
		}
		finally {
			this.scope.bean = null;
		}
	}

	@Nullable Object resolve(String value) {
		String resolved = this.beanFactory.resolveEmbeddedValue(value);
		BeanExpressionResolver expressions = this.beanFactory.getBeanExpressionResolver();
		return (expressions != null && resolved != null) ? expressions.evaluate(resolved, this.expressionContext)
				: resolved;
	}

	@Nullable String string(String value, String where, String attribute) {
		if (value.isEmpty()) {
			return null;
		}
		Object resolved = resolve(value);
		if (resolved == null || resolved instanceof String) {
			String text = (String) resolved;
			return (text == null || text.isEmpty()) ? null : text;
		}
		throw invalid(where, attribute, value, "must resolve to a String, not " + resolved.getClass().getName());
	}

	List<String> streams(String[] values, String where) {
		List<String> streams = new ArrayList<>();
		for (String value : values) {
			addStreams(resolve(value), streams, where, value);
		}
		return streams;
	}

	private void addStreams(@Nullable Object resolved, List<String> streams, String where, String value) {
		if (resolved instanceof String text) {
			if (!text.isEmpty()) {
				streams.add(text);
			}
		}
		else if (resolved instanceof Object[] array) {
			for (Object element : array) {
				addStreams(element, streams, where, value);
			}
		}
		else if (resolved instanceof Iterable<?> iterable) {
			for (Object element : iterable) {
				addStreams(element, streams, where, value);
			}
		}
		else if (resolved != null) {
			throw invalid(where, "streams", value,
					"must resolve to stream names, not " + resolved.getClass().getName());
		}
	}

	@Nullable Boolean bool(String value, String where, String attribute) {
		if (value.isEmpty()) {
			return null;
		}
		Object resolved = resolve(value);
		if (resolved instanceof Boolean bool) {
			return bool;
		}
		if (resolved instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
			return Boolean.parseBoolean(text);
		}
		throw invalid(where, attribute, value, "must be true or false");
	}

	@Nullable S2StartPosition startPosition(String value, String where) {
		Object resolved = (value.isEmpty()) ? null : resolve(value);
		if (resolved == null || resolved instanceof S2StartPosition) {
			return (S2StartPosition) resolved;
		}
		try {
			return S2StartPosition.parse(resolved.toString());
		}
		catch (IllegalArgumentException ex) {
			throw invalid(where, "from", value, ex.getMessage());
		}
	}

	@Nullable AckMode ackMode(String value, String where) {
		Object resolved = (value.isEmpty()) ? null : resolve(value);
		if (resolved == null || resolved instanceof AckMode) {
			return (AckMode) resolved;
		}
		try {
			return AckMode.valueOf(resolved.toString().trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw invalid(where, "ackMode", value, "must be record, batch or manual");
		}
	}

	<T> @Nullable T bean(String value, Class<T> type, String where, String attribute) {
		Object resolved = (value.isEmpty()) ? null : resolve(value);
		if (resolved == null || type.isInstance(resolved)) {
			return type.cast(resolved);
		}
		if (resolved instanceof String name) {
			try {
				return this.beanFactory.getBean(name, type);
			}
			catch (NoSuchBeanDefinitionException ex) {
				throw invalid(where, attribute, value, "names no " + type.getSimpleName() + " bean");
			}
		}
		throw invalid(where, attribute, value,
				"must name or resolve to a " + type.getSimpleName() + ", not " + resolved.getClass().getName());
	}

	private static BeanInitializationException invalid(String where, String attribute, String value, String why) {
		return new BeanInitializationException(
				"Invalid " + attribute + " = \"" + value + "\" of " + where + ": " + why);
	}

	/**
	 * Makes the bean being processed visible to SpEL as {@code __listener}.
	 */
	private static final class ListenerScope implements Scope {

		private @Nullable Object bean;

		@Override
		public Object get(String name, ObjectFactory<?> objectFactory) {
			return objectFactory.getObject();
		}

		@Override
		public @Nullable Object remove(String name) {
			return null;
		}

		@Override
		public void registerDestructionCallback(String name, Runnable callback) {
		}

		@Override
		public @Nullable Object resolveContextualObject(String key) {
			return LISTENER_BEAN.equals(key) ? this.bean : null;
		}

		@Override
		public @Nullable String getConversationId() {
			return null;
		}

	}

}

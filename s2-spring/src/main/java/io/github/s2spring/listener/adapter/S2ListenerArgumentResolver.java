package io.github.s2spring.listener.adapter;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;
import org.springframework.messaging.handler.invocation.HandlerMethodArgumentResolver;

import io.github.s2spring.listener.Acknowledgment;
import io.github.s2spring.support.S2Headers;
import io.github.s2spring.support.S2RecordMetadata;

/**
 * Resolves the arguments only a listener container provides: the {@link S2RecordMetadata}
 * of the message (a {@code List<S2RecordMetadata>} for batch listeners) and the
 * {@link Acknowledgment}.
 */
public final class S2ListenerArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		Class<?> type = parameter.getParameterType();
		return type == S2RecordMetadata.class || type == Acknowledgment.class || isMetadataList(parameter);
	}

	/**
	 * Whether a parameter is a {@code List<S2RecordMetadata>}.
	 * @param parameter the parameter
	 * @return whether it takes the metadata of a batch
	 */
	static boolean isMetadataList(MethodParameter parameter) {
		ResolvableType type = ResolvableType.forMethodParameter(parameter);
		return List.class.isAssignableFrom(type.toClass())
				&& type.asCollection().getGeneric(0).toClass() == S2RecordMetadata.class;
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, Message<?> message) {
		if (parameter.getParameterType() == Acknowledgment.class) {
			return message.getHeaders().get(S2Headers.ACKNOWLEDGMENT);
		}
		Object metadata = message.getHeaders().get(S2Headers.RECORD_METADATA);
		boolean wantsList = parameter.getParameterType() != S2RecordMetadata.class;
		if (wantsList != (metadata instanceof List<?>)) {
			throw new IllegalStateException("Parameter " + parameter.getParameterIndex() + " of "
					+ parameter.getExecutable().toGenericString() + " takes "
					+ (wantsList ? "the metadata of a batch but the listener is not a batch listener"
							: "the metadata of one message but the listener is a batch listener"));
		}
		return metadata;
	}

}

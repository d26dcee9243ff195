package io.github.s2spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.messaging.handler.annotation.MessageMapping;

/**
 * Marks a method that receives the messages of S2 streams, for as long as the application
 * runs: each message reaches it once, in order per stream, across connection drops and
 * server restarts.
 *
 * <pre class="code">
 * &#64;S2Listener(value = "chat/general", id = "chat", from = "tail")
 * void onMessage(ChatMessage message, S2RecordMetadata metadata) { … }
 * </pre>
 *
 * The method may take, in any order:
 * <ul>
 * <li>the payload, converted by the container factory's
 * {@link io.github.s2spring.support.S2MessageConverter} to the parameter's (generic)
 * type: JSON to records and classes, {@code String}, {@code byte[]}, protobuf; with
 * {@link #batch()} a {@code List<T>} of the messages of one read batch; or a
 * {@code Message<T>};</li>
 * <li>{@link io.github.s2spring.support.S2RecordMetadata} (a
 * {@code List<S2RecordMetadata>} for batch listeners);</li>
 * <li>{@code @Header("name")} for a record header, or for the
 * {@link io.github.s2spring.support.S2Headers} of the delivery such as
 * {@code S2Headers.SEQ_NUM};</li>
 * <li>an {@link io.github.s2spring.listener.Acknowledgment}, to commit positions with
 * {@code ackMode = "manual"}.</li>
 * </ul>
 * A method that returns a value must be annotated with {@code @SendTo("stream")}: the
 * value is sent there with the application's {@code S2Operations}, in the same basin;
 * without it, startup fails, since the value would be lost.
 * <p>
 * Every attribute is a {@code String} in which {@code ${…}} placeholders and {@code #{…}}
 * SpEL expressions are resolved; {@code #{__listener}} is the bean the method belongs to.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@MessageMapping
@Documented
public @interface S2Listener {

	/**
	 * The streams to read; an alias of {@link #streams()}.
	 * @return the stream names
	 */
	@AliasFor("streams")
	String[] value() default {};

	/**
	 * The streams to read; each entry may resolve to a name, an array or a collection of
	 * names.
	 * @return the stream names
	 */
	@AliasFor("value")
	String[] streams() default {};

	/**
	 * Reads every stream whose name starts with this prefix, present and future: the
	 * basin is listed every {@code s2.listener.discovery-interval}. Dead-letter streams
	 * ({@code .dlt}) are left out.
	 * @return the prefix, or empty for none
	 */
	String streamPrefix() default "";

	/**
	 * The basin of the streams; the application's default basin if empty.
	 * @return the basin
	 */
	String basin() default "";

	/**
	 * The listener id: the key of its stored positions, the name under which the registry
	 * finds it, the tag of its observations. Defaults to the method's class and name,
	 * which stays stable across restarts.
	 * @return the id
	 */
	String id() default "";

	/**
	 * Whether the listener starts with the application; the container factory decides if
	 * empty.
	 * @return {@code true}, {@code false} or empty
	 */
	String autoStartup() default "";

	/**
	 * Where reading starts: {@code beginning}, {@code tail}, {@code seq:<n>},
	 * {@code timestamp:<ms>} or {@code stored} (the stored position, else the beginning);
	 * the container factory decides if empty ({@code stored} by default).
	 * @return the start position
	 */
	String from() default "";

	/**
	 * The bean name of an {@link io.github.s2spring.listener.S2ErrorHandler} for this
	 * listener, or an expression that resolves to one; the container factory's if empty.
	 * @return the error handler
	 */
	String errorHandler() default "";

	/**
	 * The bean name of the {@link io.github.s2spring.config.S2ListenerContainerFactory},
	 * or an expression that resolves to one; {@code s2ListenerContainerFactory} if empty.
	 * @return the container factory
	 */
	String containerFactory() default "";

	/**
	 * Whether the method takes the messages of a read batch as a {@code List<T>}; the
	 * container factory decides if empty.
	 * @return {@code true}, {@code false} or empty
	 */
	String batch() default "";

	/**
	 * When positions are committed: {@code record}, {@code batch} or {@code manual}; the
	 * container factory decides if empty.
	 * @return the ack mode
	 */
	String ackMode() default "";

}

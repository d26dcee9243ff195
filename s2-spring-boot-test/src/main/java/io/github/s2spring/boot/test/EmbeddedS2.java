package io.github.s2spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts an embedded S2 for the annotated test class's application context, creates a
 * basin (and streams in it), and sets {@code s2.base-url} and {@code s2.basin} so that
 * the S2 auto-configuration connects to it:
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;EmbeddedS2(streams = "orders")
 * class OrderServiceTests {
 *
 *     &#64;Autowired
 *     S2Template template;
 *
 * }
 * </pre>
 *
 * The server is a bean named {@value EmbeddedS2ContextCustomizer#BEAN_NAME} of the
 * context and stops with it. Test classes with the same attributes share one cached
 * context and so one server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface EmbeddedS2 {

	/**
	 * The basin to create, which becomes the application's default basin.
	 * @return the basin name
	 */
	String basin() default "test-basin";

	/**
	 * Streams to create in the basin.
	 * @return the stream names
	 */
	String[] streams() default {};

	/**
	 * Whether the basin creates a stream on the first append to it.
	 * @return whether streams are created on append
	 */
	boolean createStreamOnAppend() default false;

	/**
	 * The port; 0 takes any free port.
	 * @return the port
	 */
	int port() default 0;

	/**
	 * The property that receives the server's base URL.
	 * @return the property name
	 */
	String baseUrlProperty() default "s2.base-url";

	/**
	 * The property that receives the basin name.
	 * @return the property name
	 */
	String basinProperty() default "s2.basin";

}

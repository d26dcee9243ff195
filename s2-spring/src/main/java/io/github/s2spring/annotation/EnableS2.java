package io.github.s2spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Turns on {@link S2Listener} methods: registers the
 * {@link S2ListenerAnnotationBeanPostProcessor} and the
 * {@link io.github.s2spring.config.S2ListenerEndpointRegistry}. Spring Boot's
 * auto-configuration imports it unless the application declares it itself; a plain Spring
 * application puts it on a {@code @Configuration} class, beside an
 * {@link io.github.s2spring.config.S2ListenerContainerFactory} bean named
 * {@code s2ListenerContainerFactory}:
 *
 * <pre class="code">
 * &#64;Configuration
 * &#64;EnableS2
 * class S2Config {
 *
 *     &#64;Bean
 *     DefaultS2ListenerContainerFactory s2ListenerContainerFactory(S2Client client) {
 *         DefaultS2ListenerContainerFactory factory = new DefaultS2ListenerContainerFactory(client);
 *         factory.setDefaultBasin("my-basin");
 *         return factory;
 *     }
 *
 * }
 * </pre>
 *
 * Implement {@link S2ListenerConfigurer} to register endpoints programmatically or to
 * change the registrar's defaults.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(S2BootstrapConfiguration.class)
public @interface EnableS2 {

}

/**
 * The S2 Java SDK: the client facade, configuration, the exception hierarchy, the data
 * plane (streams, records, sessions), the control plane (basins, streams, access tokens,
 * metrics, locations) and the typed-message patterns. The packages under
 * {@code io.github.s2spring.client.internal} are not exported.
 * <p>
 * Spring's {@code spring-web} (the control plane's RestClient) ships no module descriptor,
 * so it is an automatic module; the lints about requiring one are suppressed for that
 * reason alone. It appears in the API once: a {@code RestClient.Builder} may be given for
 * the control plane.
 */
@SuppressWarnings({ "requires-automatic", "requires-transitive-automatic" })
module io.github.s2spring.client {

	requires transitive io.github.s2spring.protocol;
	requires transitive org.jspecify;
	requires transitive tools.jackson.databind;
	requires java.net.http;
	requires io.netty.codec.http2;
	requires io.netty.handler;
	requires io.netty.transport;
	requires io.netty.common;
	requires spring.core;
	requires transitive spring.web;

	exports io.github.s2spring.client;
	exports io.github.s2spring.client.concurrent;
	exports io.github.s2spring.client.config;
	exports io.github.s2spring.client.control;
	exports io.github.s2spring.client.control.model;
	exports io.github.s2spring.client.data;
	exports io.github.s2spring.client.error;
	exports io.github.s2spring.client.patterns;

}

package io.github.s2spring.embedded.junit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import io.github.s2spring.embedded.S2EmbeddedServer;

/**
 * Starts one in-memory embedded S2 server per test class, on a free port, and injects it
 * into test and lifecycle method parameters of type {@link S2EmbeddedServer}.
 *
 * <pre>{@code
 * &#64;ExtendWith(S2EmbeddedExtension.class)
 * class MyTests {
 *

&#64;Test
 *     void appends(S2EmbeddedServer s2) { ... s2.baseUrl() ... }
 * }
 * }</pre>
 *
 * Registered with {@code @RegisterExtension}, a builder customizes the server.
 */
public final class S2EmbeddedExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(S2EmbeddedExtension.class);

	private final S2EmbeddedServer.Builder builder;

	/**
	 * An extension starting servers with the defaults.
	 */
	public S2EmbeddedExtension() {
		this(S2EmbeddedServer.builder());
	}

	/**
	 * An extension starting servers from a builder (its port is forced to 0).
	 * @param builder the server options
	 */
	public S2EmbeddedExtension(S2EmbeddedServer.Builder builder) {
		this.builder = builder.port(0);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		server(context);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		S2EmbeddedServer server = context.getStore(NAMESPACE)
			.remove(context.getRequiredTestClass(), S2EmbeddedServer.class);
		if (server != null) {
			server.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == S2EmbeddedServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return server(extensionContext);
	}

	private S2EmbeddedServer server(ExtensionContext context) {
		ExtensionContext classContext = classContext(context);
		return classContext.getStore(NAMESPACE)
			.computeIfAbsent(classContext.getRequiredTestClass(), (key) -> this.builder.build().start(),
					S2EmbeddedServer.class);
	}

	private static ExtensionContext classContext(ExtensionContext context) {
		ExtensionContext current = context;
		while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
			current = current.getParent().get();
		}
		return current;
	}

}

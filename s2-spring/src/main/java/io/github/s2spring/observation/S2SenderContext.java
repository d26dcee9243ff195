package io.github.s2spring.observation;

import java.util.Map;

import io.micrometer.observation.transport.SenderContext;

/**
 * The context of a template send: the template, basin and stream, and the message's
 * headers, into which tracing writes its propagation fields ({@code traceparent},
 * baggage) so that they travel on the message's first record.
 */
public class S2SenderContext extends SenderContext<Map<String, String>> {

	private final String beanName;

	private final String basin;

	private final String stream;

	/**
	 * Creates a context.
	 * @param beanName the template's bean name
	 * @param basin the basin
	 * @param stream the stream
	 * @param headers the message's headers, written to by propagation
	 */
	public S2SenderContext(String beanName, String basin, String stream, Map<String, String> headers) {
		super((carrier, key, value) -> {
			if (carrier != null) {
				carrier.put(key, value);
			}
		});
		setCarrier(headers);
		setRemoteServiceName("S2");
		this.beanName = beanName;
		this.basin = basin;
		this.stream = stream;
	}

	/**
	 * The template's bean name.
	 * @return the bean name
	 */
	public String getBeanName() {
		return this.beanName;
	}

	/**
	 * The basin.
	 * @return the basin
	 */
	public String getBasin() {
		return this.basin;
	}

	/**
	 * The stream.
	 * @return the stream
	 */
	public String getStream() {
		return this.stream;
	}

}

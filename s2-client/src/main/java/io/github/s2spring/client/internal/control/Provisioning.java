package io.github.s2spring.client.internal.control;

import java.util.Locale;

import io.github.s2spring.client.control.model.ProvisionResult;

/**
 * Reads what an ensure did: the {@code s2-provision-result} header when present, else 201
 * means created and any other success means updated (as the official SDKs do).
 */
final class Provisioning {

	/** The response header naming the provision result. */
	static final String HEADER = "s2-provision-result";

	private Provisioning() {
	}

	static ProvisionResult result(ControlResponse response) {
		String header = response.header(HEADER);
		if (header != null) {
			String value = header.trim().toLowerCase(Locale.ROOT);
			for (ProvisionResult result : ProvisionResult.values()) {
				if (result.wireValue().equals(value)) {
					return result;
				}
			}
		}
		return (response.status() == 201) ? ProvisionResult.CREATED : ProvisionResult.UPDATED;
	}

}

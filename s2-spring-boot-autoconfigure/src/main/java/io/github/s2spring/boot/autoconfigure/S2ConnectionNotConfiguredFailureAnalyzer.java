package io.github.s2spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link S2ConnectionNotConfiguredException}: what is missing and the three
 * ways to fix it.
 */
class S2ConnectionNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<S2ConnectionNotConfiguredException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, S2ConnectionNotConfiguredException cause) {
		return new FailureAnalysis("The application uses S2, but no S2 connection is configured.",
				"""
						Do one of the following:
						\t- for the S2 cloud, set s2.token (for example s2.token=${S2_ACCESS_TOKEN}) and s2.basin;
						\t- for another S2 (s2-lite, a local server), set s2.base-url (and s2.token if it checks tokens);
						\t- for development and tests, add the io.github.s2spring:s2-embedded dependency: an embedded S2 then starts inside the application.""",
				cause);
	}

}

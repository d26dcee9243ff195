package io.github.s2spring.boot.autoconfigure;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when none of the connection properties of S2 ({@code s2.base-url},
 * {@code s2.account-endpoint}, {@code s2.basin-endpoint}, {@code s2.token}) has a
 * non-blank value, in any of Boot's relaxed forms.
 */
class OnNoS2ConnectionCondition extends SpringBootCondition {

	private static final List<String> PROPERTIES = List.of("s2.base-url", "s2.account-endpoint", "s2.basin-endpoint",
			"s2.token");

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Binder binder = Binder.get(context.getEnvironment());
		for (String property : PROPERTIES) {
			String value = binder.bind(property, String.class).orElse("");
			if (!value.isBlank()) {
				return ConditionOutcome.noMatch("S2 connection property " + property + " is set");
			}
		}
		return ConditionOutcome.match("no S2 connection property is set");
	}

}

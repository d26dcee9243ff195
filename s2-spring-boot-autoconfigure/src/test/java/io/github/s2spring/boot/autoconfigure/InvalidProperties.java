package io.github.s2spring.boot.autoconfigure;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asserts that an invalid {@code s2.*} value stops the application with one validation
 * error on the property it concerns.
 */
final class InvalidProperties {

	private InvalidProperties() {
	}

	static void assertInvalid(ApplicationContextRunner runner, String property, String field, String reason) {
		runner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			while (failure != null && !(failure instanceof BindValidationException)) {
				failure = failure.getCause();
			}
			assertThat(failure).as("startup failure for %s", property).isInstanceOf(BindValidationException.class);
			BindValidationException validation = (BindValidationException) failure;
			assertThat(validation.getValidationErrors().getAllErrors()).singleElement().satisfies((error) -> {
				assertThat(error.getCodes()).anySatisfy((code) -> assertThat(code).endsWith("." + field));
				assertThat(error.getDefaultMessage()).contains(reason);
			});
		});
	}

}

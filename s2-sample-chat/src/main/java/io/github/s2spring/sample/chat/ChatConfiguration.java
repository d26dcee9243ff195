package io.github.s2spring.sample.chat;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The chat's own beans.
 */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}

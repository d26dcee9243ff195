package io.github.s2spring.sample.chat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts the chat: on an embedded S2 unless {@code s2.token} (and {@code s2.basin}) point
 * it at the S2 cloud, or {@code s2.base-url} at another S2.
 */
@SpringBootApplication
public class ChatApplication {

	public static void main(String[] args) {
		SpringApplication.run(ChatApplication.class, args);
	}

}

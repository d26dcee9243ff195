package io.github.s2spring.sample.chat;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A chat message as stored in a room's stream. Validated when posted; read leniently, so
 * that records written by older versions or other services (unknown fields, no time)
 * still show.
 *
 * @param user who wrote it, 1 to 32 characters
 * @param text what they wrote, 1 to 4000 characters
 * @param sentAt when the server accepted it, or {@code null} for records without a time
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Message(
		@NotBlank(message = "must not be blank") @Size(max = 32, message = "must be at most 32 characters") String user,
		@NotBlank(message = "must not be blank") @Size(max = 4000,
				message = "must be at most 4000 characters") String text,
		@Nullable Instant sentAt) {

	/**
	 * This message, as accepted at a time.
	 * @param time when the server accepted it
	 * @return a new message
	 */
	public Message sentAt(Instant time) {
		return new Message(this.user, this.text, time);
	}

}

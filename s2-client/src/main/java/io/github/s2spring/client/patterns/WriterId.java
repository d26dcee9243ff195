package io.github.s2spring.client.patterns;

import java.security.SecureRandom;

import io.github.s2spring.client.error.ValidationException;

/**
 * The id a writer puts in {@code _writer_id} so that readers can tell its dedupe sequence
 * apart from other writers'. Random ids are 12 characters of the URL-safe nanoid alphabet
 * {@code A-Za-z0-9_-}, like the TypeScript writer's.
 *
 * @param value the id, not empty
 */
public record WriterId(String value) {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * Creates a writer id.
	 * @param value the id, not empty
	 */
	public WriterId {
		if (value.isEmpty()) {
			throw new ValidationException("writer id", value, "must not be empty");
		}
	}

	/**
	 * A new random id: 12 characters of {@code A-Za-z0-9_-} from a {@link SecureRandom}.
	 * @return the id
	 */
	public static WriterId random() {
		byte[] bytes = new byte[PatternHeaders.DEFAULT_WRITER_ID_CHARS];
		RANDOM.nextBytes(bytes);
		char[] chars = new char[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			chars[i] = ALPHABET.charAt(bytes[i] & 63);
		}
		return new WriterId(new String(chars));
	}

	@Override
	public String toString() {
		return this.value;
	}

}

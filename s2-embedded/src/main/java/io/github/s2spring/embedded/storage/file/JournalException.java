package io.github.s2spring.embedded.storage.file;

/**
 * A {@link FileJournal} cannot do what was asked: its directory is locked by another
 * journal, a write or fsync failed (after which no append is accepted), it was closed, or
 * its files cannot be read. The message names the directory or file concerned.
 */
public final class JournalException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what went wrong, naming the directory or file
	 */
	public JournalException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a cause.
	 * @param message what went wrong, naming the directory or file
	 * @param cause the underlying failure
	 */
	public JournalException(String message, Throwable cause) {
		super(message, cause);
	}

}

package io.github.s2spring.embedded.storage;

/**
 * One change of the server's state, as written to the {@link Journal}. Configurations and
 * token descriptions are kept as the JSON the API speaks, so the journal does not depend
 * on the server's object model. Replaying every entry in order rebuilds the state.
 */
public sealed interface JournalEntry {

	/**
	 * A basin was created or reconfigured.
	 *
	 * @param basin the basin name
	 * @param configJson the full, resolved basin configuration as JSON (UTF-8)
	 * @param createdAtMillis when the basin was created, ms since the Unix epoch
	 */
	record BasinPut(String basin, byte[] configJson, long createdAtMillis) implements JournalEntry {
	}

	/**
	 * A basin was deleted (with its streams).
	 *
	 * @param basin the basin name
	 */
	record BasinDeleted(String basin) implements JournalEntry {
	}

	/**
	 * A stream was created or reconfigured.
	 *
	 * @param basin the basin name
	 * @param stream the stream name
	 * @param configJson the full, resolved stream configuration as JSON (UTF-8)
	 * @param createdAtMillis when the stream was created, ms since the Unix epoch
	 */
	record StreamPut(String basin, String stream, byte[] configJson, long createdAtMillis) implements JournalEntry {
	}

	/**
	 * A stream was deleted.
	 *
	 * @param basin the basin name
	 * @param stream the stream name
	 */
	record StreamDeleted(String basin, String stream) implements JournalEntry {
	}

	/**
	 * Records were appended to a stream, with their assigned sequence numbers and
	 * timestamps. Command records (fence, trim) are among them, so fencing tokens and
	 * trim points are rebuilt by replay.
	 *
	 * @param basin the basin name
	 * @param stream the stream name
	 * @param readBatch an {@code s2.v1.ReadBatch} in protobuf encoding holding the
	 * records
	 */
	record RecordsAppended(String basin, String stream, byte[] readBatch) implements JournalEntry {
	}

	/**
	 * An access token was issued.
	 *
	 * @param id the token id
	 * @param secretHash a hash of the token's secret (never the secret itself)
	 * @param infoJson the token's description ({@code AccessTokenInfo}) as JSON (UTF-8)
	 */
	record AccessTokenIssued(String id, byte[] secretHash, byte[] infoJson) implements JournalEntry {
	}

	/**
	 * An access token was revoked.
	 *
	 * @param id the token id
	 */
	record AccessTokenRevoked(String id) implements JournalEntry {
	}

}

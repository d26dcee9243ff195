package io.github.s2spring.client.control.model;

/**
 * An S2 API operation that an access token may be allowed to perform.
 */
public enum Operation implements WireValue {

	/** The {@code list-basins} operation. */
	LIST_BASINS("list-basins"),

	/** The {@code create-basin} operation. */
	CREATE_BASIN("create-basin"),

	/** The {@code delete-basin} operation. */
	DELETE_BASIN("delete-basin"),

	/** The {@code reconfigure-basin} operation. */
	RECONFIGURE_BASIN("reconfigure-basin"),

	/** The {@code get-basin-config} operation. */
	GET_BASIN_CONFIG("get-basin-config"),

	/** The {@code issue-access-token} operation. */
	ISSUE_ACCESS_TOKEN("issue-access-token"),

	/** The {@code revoke-access-token} operation. */
	REVOKE_ACCESS_TOKEN("revoke-access-token"),

	/** The {@code list-access-tokens} operation. */
	LIST_ACCESS_TOKENS("list-access-tokens"),

	/** The {@code list-streams} operation. */
	LIST_STREAMS("list-streams"),

	/** The {@code create-stream} operation. */
	CREATE_STREAM("create-stream"),

	/** The {@code delete-stream} operation. */
	DELETE_STREAM("delete-stream"),

	/** The {@code get-stream-config} operation. */
	GET_STREAM_CONFIG("get-stream-config"),

	/** The {@code reconfigure-stream} operation. */
	RECONFIGURE_STREAM("reconfigure-stream"),

	/** The {@code check-tail} operation. */
	CHECK_TAIL("check-tail"),

	/** The {@code append} operation. */
	APPEND("append"),

	/** The {@code read} operation. */
	READ("read"),

	/** The {@code trim} operation. */
	TRIM("trim"),

	/** The {@code fence} operation. */
	FENCE("fence"),

	/** The {@code account-metrics} operation. */
	ACCOUNT_METRICS("account-metrics"),

	/** The {@code basin-metrics} operation. */
	BASIN_METRICS("basin-metrics"),

	/** The {@code stream-metrics} operation. */
	STREAM_METRICS("stream-metrics"),

	/** The {@code list-locations} operation. */
	LIST_LOCATIONS("list-locations"),

	/** The {@code get-default-location} operation. */
	GET_DEFAULT_LOCATION("get-default-location"),

	/** The {@code set-default-location} operation. */
	SET_DEFAULT_LOCATION("set-default-location");

	private final String wireValue;

	Operation(String wireValue) {
		this.wireValue = wireValue;
	}

	@Override
	public String wireValue() {
		return this.wireValue;
	}

}

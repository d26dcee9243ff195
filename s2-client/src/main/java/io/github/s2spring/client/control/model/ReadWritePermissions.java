package io.github.s2spring.client.control.model;

/**
 * Read and write permission for one group of operations.
 *
 * @param read whether read operations are allowed
 * @param write whether write operations are allowed
 */
public record ReadWritePermissions(boolean read, boolean write) {

	/**
	 * Read only.
	 * @return the permissions
	 */
	public static ReadWritePermissions readOnly() {
		return new ReadWritePermissions(true, false);
	}

	/**
	 * Read and write.
	 * @return the permissions
	 */
	public static ReadWritePermissions readWrite() {
		return new ReadWritePermissions(true, true);
	}

}

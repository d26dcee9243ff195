package io.github.s2spring.embedded.record;

/**
 * One way a request of the candidate differs from the reference's.
 *
 * @param operation the operation's name
 * @param request the request's index within the operation, from 0 (-1 for the operation
 * as a whole)
 * @param what what differs, for example {@code header accept} or
 * {@code body $.config.storage_class}
 * @param reference the reference's value
 * @param candidate the candidate's value
 * @param harmless whether S2 treats both the same
 * @param reason why it is harmless, or what the difference means
 */
public record Finding(String operation, int request, String what, String reference, String candidate, boolean harmless,
		String reason) {

	@Override
	public String toString() {
		return (this.harmless ? "harmless  " : "DIFFERENT ") + this.operation
				+ ((this.request >= 0) ? " #" + this.request : "") + " " + this.what + ": " + this.reference + " vs "
				+ this.candidate + " (" + this.reason + ")";
	}

}

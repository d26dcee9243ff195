package io.github.s2spring.sample.chat;

/**
 * A room name that is not 1 to 40 lowercase letters, digits and hyphens.
 */
class InvalidRoomNameException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	InvalidRoomNameException(String room) {
		super("Room names are 1 to 40 lowercase letters, digits and hyphens, starting with a letter or digit; got \""
				+ room + "\"");
	}

}

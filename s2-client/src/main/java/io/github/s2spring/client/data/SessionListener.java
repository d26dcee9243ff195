package io.github.s2spring.client.data;

/**
 * Receives the {@link SessionEvent}s of one session, one at a time and in order, on the
 * session's delivery executor (the client's delivery pool unless the session options name
 * another executor or the event loop).
 */
@FunctionalInterface
public interface SessionListener {

	/**
	 * Something happened to the session. Should return quickly: the session's other
	 * callbacks wait for it.
	 * @param event the event
	 */
	void onEvent(SessionEvent event);

}

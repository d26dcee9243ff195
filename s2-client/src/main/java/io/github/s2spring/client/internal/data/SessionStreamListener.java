package io.github.s2spring.client.internal.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.Http2Headers;

import io.github.s2spring.client.error.S2Exception;
import io.github.s2spring.client.error.TransportException;
import io.github.s2spring.client.internal.transport.StreamListener;
import io.github.s2spring.protocol.s2s.S2sFrame;
import io.github.s2spring.protocol.s2s.S2sFrameDecoder;
import io.github.s2spring.protocol.s2s.S2sFrameException;

/**
 * The response side of one S2S session attempt: checks the status, decodes frames and
 * hands them, in order, to the session on the session's executor. A non-200 response and
 * a terminal frame both become the same {@link S2Exception}.
 */
final class SessionStreamListener implements StreamListener {

	private static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

	private final Executor sessionExecutor;

	private final Events events;

	private final S2sFrameDecoder decoder = new S2sFrameDecoder();

	private final ByteArrayOutputStream errorBody = new ByteArrayOutputStream();

	private int status = -1;

	private boolean finished;

	SessionStreamListener(Executor sessionExecutor, Events events) {
		this.sessionExecutor = sessionExecutor;
		this.events = events;
	}

	@Override
	public void onHeaders(Http2Headers headers, boolean endStream) {
		CharSequence value = headers.status();
		if (this.status < 0 && value != null) {
			int code = Integer.parseInt(value.toString());
			if (code >= 200) {
				this.status = code;
				if (code == 200) {
					this.sessionExecutor.execute(this.events::onConnected);
				}
			}
		}
		if (endStream) {
			end();
		}
		else {
			this.sessionExecutor.execute(this.events::wantsMore);
		}
	}

	@Override
	public void onData(ByteBuf data, boolean endStream) {
		if (this.finished) {
			return;
		}
		if (this.status != 200) {
			int take = Math.min(data.readableBytes(), MAX_ERROR_BODY_BYTES - this.errorBody.size());
			byte[] bytes = new byte[Math.max(0, take)];
			data.readBytes(bytes);
			this.errorBody.writeBytes(bytes);
		}
		else {
			List<S2sFrame> frames = new ArrayList<>(2);
			try {
				this.decoder.decode(data, frames::add);
			}
			catch (S2sFrameException ex) {
				this.finished = true;
				deliver(frames);
				S2Exception failure = new TransportException(TransportException.PROTOCOL_ERROR,
						"Malformed S2S frame from the server: " + ex.getMessage(), true, false, ex);
				this.sessionExecutor.execute(() -> this.events.onError(failure));
				return;
			}
			deliver(frames);
		}
		if (endStream) {
			end();
		}
		else {
			this.sessionExecutor.execute(this.events::wantsMore);
		}
	}

	private void deliver(List<S2sFrame> frames) {
		for (S2sFrame frame : frames) {
			if (frame instanceof S2sFrame.Terminal terminal) {
				this.finished = true;
				S2Exception failure = S2Exception.fromResponse(terminal.status(), terminal.body());
				this.sessionExecutor.execute(() -> this.events.onError(failure));
				return;
			}
			S2sFrame.Regular regular = (S2sFrame.Regular) frame;
			this.sessionExecutor.execute(() -> this.events.onFrame(regular));
		}
	}

	private void end() {
		if (this.finished) {
			return;
		}
		this.finished = true;
		if (this.status != 200) {
			int code = Math.max(this.status, 0);
			S2Exception failure = (code == 0)
					? new TransportException(TransportException.PROTOCOL_ERROR, "The session response had no status",
							true, false, null)
					: S2Exception.fromResponse(code, this.errorBody.toString(StandardCharsets.UTF_8));
			this.sessionExecutor.execute(() -> this.events.onError(failure));
			return;
		}
		if (this.decoder.hasPartialFrame()) {
			S2Exception failure = new TransportException(TransportException.PROTOCOL_ERROR,
					"The session ended in the middle of a frame", true, false, null);
			this.sessionExecutor.execute(() -> this.events.onError(failure));
			return;
		}
		this.sessionExecutor.execute(this.events::onEnd);
	}

	@Override
	public void onFailure(Throwable cause) {
		if (this.finished) {
			return;
		}
		this.finished = true;
		S2Exception failure = TransportException.connectionLost("the session", cause);
		this.sessionExecutor.execute(() -> this.events.onError(failure));
	}

	/**
	 * What a session attempt is told, on the session's executor.
	 */
	interface Events {

		/**
		 * A regular frame arrived.
		 * @param frame the frame
		 */
		void onFrame(S2sFrame.Regular frame);

		/**
		 * The server accepted the session: a 200 response.
		 */
		void onConnected();

		/**
		 * The attempt failed.
		 * @param failure why
		 */
		void onError(S2Exception failure);

		/**
		 * The server ended the response cleanly.
		 */
		void onEnd();

		/**
		 * A frame was processed and the stream may be read further.
		 */
		void wantsMore();

	}

}

package io.github.s2spring.sample.chat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.github.s2spring.core.S2Subscription;

/**
 * A room's messages live, as Server-Sent Events: each event's id is the message's seq
 * num, so a browser that reconnects (sending {@code Last-Event-ID}) resumes right after
 * the last message it got, with no gap and no repeat. A comment every
 * {@value #KEEP_ALIVE_SECONDS} s keeps proxies from closing a quiet room's connection and
 * notices browsers that left.
 */
@RestController
class ChatEventsController implements DisposableBean {

	static final long KEEP_ALIVE_SECONDS = 15;

	private final ChatService chat;

	private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "chat-sse-keep-alive");
		thread.setDaemon(true);
		return thread;
	});

	ChatEventsController(ChatService chat) {
		this.chat = chat;
	}

	@GetMapping(path = "/rooms/{room}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable String room, @RequestParam(required = false) @Nullable Long from,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable Long lastEventId) {
		long start = (lastEventId != null) ? lastEventId + 1
				: (from != null) ? from : this.chat.history(room, null, 1).nextSeq();
		SseEmitter emitter = new SseEmitter(Duration.ofHours(12).toMillis());
		AtomicReference<@Nullable S2Subscription> subscription = new AtomicReference<>();
		ScheduledFuture<?> pings = this.keepAlive.scheduleAtFixedRate(
				() -> send(emitter, SseEmitter.event().comment("")), KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS,
				TimeUnit.SECONDS);
		Runnable stop = () -> {
			pings.cancel(false);
			S2Subscription current = subscription.getAndSet(null);
			if (current != null) {
				this.chat.stopListening(current);
			}
		};
		emitter.onCompletion(stop);
		emitter.onTimeout(stop);
		emitter.onError((ex) -> stop.run());
		subscription.set(this.chat.listen(room, start, (message) -> send(emitter,
				SseEmitter.event().id(Long.toString(message.seq())).name("message").data(message))));
		return emitter;
	}

	private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			emitter.completeWithError(ex);
		}
	}

	@Override
	public void destroy() {
		this.keepAlive.shutdownNow();
	}

}

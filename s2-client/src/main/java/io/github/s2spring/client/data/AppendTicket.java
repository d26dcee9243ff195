package io.github.s2spring.client.data;

import java.util.concurrent.CompletableFuture;

import io.github.s2spring.client.error.S2Exception;

/**
 * A batch admitted into an {@link AppendSession}: it counts against the session's
 * inflight bounds until acknowledged.
 *
 * @param batch the batch
 * @param ack completes with the acknowledgement, or fails with an
 * {@link io.github.s2spring.client.error.S2Exception}
 */
public record AppendTicket(AppendBatch batch, CompletableFuture<AppendAck> ack) {
}

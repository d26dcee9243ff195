package io.github.s2spring.client.internal.control;

import java.util.concurrent.CompletableFuture;

/**
 * A request with the reader of its response: one operation, ready to run blocking or
 * asynchronously.
 *
 * @param <T> the type of the result
 * @param request the request
 * @param reader the reader of a successful response
 */
record Call<T>(ControlRequest request, ResponseReader<T> reader) {

	T run(ControlTransport transport) {
		return transport.call(this.request, this.reader);
	}

	CompletableFuture<T> runAsync(ControlTransport transport) {
		return transport.callAsync(this.request, this.reader);
	}

}

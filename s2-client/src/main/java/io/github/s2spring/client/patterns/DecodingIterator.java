package io.github.s2spring.client.patterns;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * An iterator of outcomes over an iterator of records or batches, decoding lazily.
 *
 * @param <U> the upstream element type
 * @param <T> the type of the messages
 */
final class DecodingIterator<U, T> implements Iterator<ReadOutcome<T>> {

	private final Iterator<U> upstream;

	private final Function<U, List<ReadOutcome<T>>> decoder;

	private final ArrayDeque<ReadOutcome<T>> buffer = new ArrayDeque<>();

	DecodingIterator(Iterator<U> upstream, Function<U, List<ReadOutcome<T>>> decoder) {
		this.upstream = upstream;
		this.decoder = decoder;
	}

	@Override
	public boolean hasNext() {
		while (this.buffer.isEmpty() && this.upstream.hasNext()) {
			this.buffer.addAll(this.decoder.apply(this.upstream.next()));
		}
		return !this.buffer.isEmpty();
	}

	@Override
	public ReadOutcome<T> next() {
		if (!hasNext()) {
			throw new NoSuchElementException("No more messages");
		}
		return this.buffer.poll();
	}

}

package io.github.s2spring.client.patterns;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

import io.github.s2spring.client.data.ReadBatch;
import io.github.s2spring.client.data.RecordReader;

/**
 * A blocking iterator of outcomes over the batches of a read session, decoding each batch
 * when the consumer asks for more than is decoded.
 *
 * @param <T> the type of the messages
 */
final class DecodingIterator<T> implements Iterator<ReadOutcome<T>> {

	private final RecordReader batches;

	private final Function<ReadBatch, List<ReadOutcome<T>>> decoder;

	private final ArrayDeque<ReadOutcome<T>> buffer = new ArrayDeque<>();

	private boolean ended;

	DecodingIterator(RecordReader batches, Function<ReadBatch, List<ReadOutcome<T>>> decoder) {
		this.batches = batches;
		this.decoder = decoder;
	}

	@Override
	public boolean hasNext() {
		while (this.buffer.isEmpty() && !this.ended) {
			ReadBatch batch = this.batches.next();
			if (batch == null) {
				this.ended = true;
			}
			else {
				this.buffer.addAll(this.decoder.apply(batch));
			}
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

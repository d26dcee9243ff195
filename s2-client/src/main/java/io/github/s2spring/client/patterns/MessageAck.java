package io.github.s2spring.client.patterns;

import io.github.s2spring.protocol.StreamPosition;

/**
 * Acknowledgement of one message: every batch holding its records is durable. The records
 * of one batch share the arrival timestamp S2 gives the batch, so the timestamps are
 * those of the batches that hold the message's first and last records.
 *
 * @param start the position of the message's first record
 * @param end the sequence number after its last record, with the last record's timestamp
 * @param records the number of records the message took
 * @param tail the stream's tail when the batch holding the last record was appended
 */
public record MessageAck(StreamPosition start, StreamPosition end, int records, StreamPosition tail) {

}

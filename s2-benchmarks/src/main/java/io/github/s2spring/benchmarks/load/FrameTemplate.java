package io.github.s2spring.benchmarks.load;

import io.netty.buffer.ByteBuf;

/**
 * A pre-encoded append frame whose records' indexes can be rewritten in place: the raw
 * driver sends copies of one encoding with only the 8 index bytes of each body changed,
 * so no protobuf or frame encoding happens while the clock runs.
 */
final class FrameTemplate {

	private static final int RECORDS_FIELD = 0x0a;

	private static final int BODY_FIELD = 0x1a;

	private final ByteBuf frame;

	private final int[] indexOffsets;

	/**
	 * Indexes the bodies of an uncompressed frame of an {@code AppendInput} whose records
	 * have only a body.
	 */
	FrameTemplate(ByteBuf frame, int records) {
		this.frame = frame;
		this.indexOffsets = new int[records];
		int position = frame.readerIndex() + 4;
		for (int i = 0; i < records; i++) {
			position = expectField(position, RECORDS_FIELD);
			int[] length = varint(position);
			position = expectField(length[1], BODY_FIELD);
			int[] bodyLength = varint(position);
			this.indexOffsets[i] = bodyLength[1];
			position = bodyLength[1] + bodyLength[0];
		}
	}

	/**
	 * A copy of the frame whose record {@code i} carries index {@code firstIndex + i}.
	 * @param firstIndex the index of the first record
	 * @return the frame; the caller owns it
	 */
	ByteBuf withFirstIndex(long firstIndex) {
		ByteBuf copy = this.frame.copy();
		for (int i = 0; i < this.indexOffsets.length; i++) {
			copy.setLong(this.indexOffsets[i] - this.frame.readerIndex(), firstIndex + i);
		}
		return copy;
	}

	void release() {
		this.frame.release();
	}

	private int expectField(int position, int tag) {
		if (this.frame.getUnsignedByte(position) != tag) {
			throw new IllegalArgumentException("unexpected protobuf tag at " + position);
		}
		return position + 1;
	}

	/**
	 * Reads a varint: returns {value, position after it}.
	 */
	private int[] varint(int position) {
		int value = 0;
		int shift = 0;
		int at = position;
		while (true) {
			int b = this.frame.getUnsignedByte(at++);
			value |= (b & 0x7f) << shift;
			if ((b & 0x80) == 0) {
				return new int[] { value, at };
			}
			shift += 7;
		}
	}

}

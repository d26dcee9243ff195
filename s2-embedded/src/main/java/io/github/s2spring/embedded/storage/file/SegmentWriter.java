package io.github.s2spring.embedded.storage.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends frames to the last segment of a journal directory through a write buffer,
 * starts a new segment when the next frame would take the current one past its size
 * limit, and forces the data to stable storage on {@link #sync()}. Used by one thread at
 * a time.
 */
final class SegmentWriter implements Closeable {

	private static final int BUFFER_BYTES = 256 * 1024;

	private final Path directory;

	private final long segmentBytes;

	private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);

	private FileChannel channel;

	private long number;

	private long size;

	private volatile long forces;

	private SegmentWriter(Path directory, long segmentBytes, FileChannel channel, long number, long size) {
		this.directory = directory;
		this.segmentBytes = segmentBytes;
		this.channel = channel;
		this.number = number;
		this.size = size;
	}

	/**
	 * Opens the writer after recovery: continues segment {@code number} at {@code size}
	 * bytes, rewriting its header if it has none, or creates segment 0 if there is none.
	 * @param directory the journal directory
	 * @param segmentBytes the size at which a segment is rolled
	 * @param position where the last intact entry ends (segment 0 at size 0 if there is
	 * no segment yet)
	 * @return the writer
	 * @throws IOException if the segment cannot be opened or written
	 */
	static SegmentWriter open(Path directory, long segmentBytes, Replayer.End position) throws IOException {
		FileChannel channel = FileChannel.open(Segments.path(directory, position.segment()), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE);
		try {
			SegmentWriter writer = new SegmentWriter(directory, segmentBytes, channel, position.segment(),
					position.size());
			if (position.size() < Segments.HEADER_BYTES) {
				channel.truncate(0);
				writer.size = 0;
				writer.startSegment();
			}
			channel.position(writer.size);
			return writer;
		}
		catch (IOException ex) {
			channel.close();
			throw ex;
		}
	}

	/**
	 * Appends a frame, rolling to a new segment first if this one is not empty and the
	 * frame would take it past the size limit.
	 * @param frame the frame
	 * @throws IOException if writing fails
	 */
	void write(byte[] frame) throws IOException {
		if (this.size > Segments.HEADER_BYTES && this.size + frame.length > this.segmentBytes) {
			roll();
		}
		if (frame.length > this.buffer.remaining()) {
			flush();
		}
		if (frame.length > this.buffer.capacity()) {
			writeFully(ByteBuffer.wrap(frame));
		}
		else {
			this.buffer.put(frame);
		}
		this.size += frame.length;
	}

	/**
	 * Writes what is buffered and forces the current segment to stable storage.
	 * @throws IOException if writing or forcing fails
	 */
	void sync() throws IOException {
		flush();
		this.channel.force(false);
		this.forces++;
	}

	/**
	 * The number of times a segment was forced to stable storage, for tests of group
	 * commit.
	 * @return the count
	 */
	long forces() {
		return this.forces;
	}

	/**
	 * The channel of the current segment, for tests that make writing fail.
	 * @return the channel
	 */
	FileChannel channel() {
		return this.channel;
	}

	@Override
	public void close() throws IOException {
		this.channel.close();
	}

	private void roll() throws IOException {
		sync();
		this.channel.close();
		this.number++;
		this.channel = FileChannel.open(Segments.path(this.directory, this.number), StandardOpenOption.CREATE_NEW,
				StandardOpenOption.WRITE);
		this.size = 0;
		startSegment();
	}

	private void startSegment() throws IOException {
		writeFully(Segments.header());
		this.size = Segments.HEADER_BYTES;
		this.channel.force(false);
		this.forces++;
		Segments.syncDirectory(this.directory);
	}

	private void flush() throws IOException {
		this.buffer.flip();
		writeFully(this.buffer);
		this.buffer.clear();
	}

	private void writeFully(ByteBuffer source) throws IOException {
		while (source.hasRemaining()) {
			this.channel.write(source);
		}
	}

}

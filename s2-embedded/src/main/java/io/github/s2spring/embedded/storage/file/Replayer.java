package io.github.s2spring.embedded.storage.file;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;

import io.github.s2spring.embedded.storage.JournalEntry;

/**
 * Reads a journal directory's segments in order, streaming, hands every intact entry to a
 * consumer, and cuts the journal at the first torn or corrupt entry: that segment is
 * truncated there and every later segment is deleted.
 */
final class Replayer {

	private static final System.Logger logger = System.getLogger(Replayer.class.getName());

	private static final int READ_BUFFER_BYTES = 64 * 1024;

	private Replayer() {
	}

	/**
	 * Where the intact journal ends, and so where appending continues.
	 *
	 * @param segment the number of the last segment
	 * @param size the length of its intact part in bytes (0 if it has no intact header)
	 */
	record End(long segment, long size) {
	}

	/**
	 * Replays and repairs a journal directory.
	 * @param directory the journal directory
	 * @param consumer receives every intact entry, oldest first
	 * @return where appending continues (segment 0 at size 0 for an empty directory)
	 * @throws IOException if a segment cannot be read, truncated or deleted
	 * @throws JournalException if an entry has a valid checksum but cannot be decoded, or
	 * a segment is of another format version
	 */
	static End replay(Path directory, Consumer<JournalEntry> consumer) throws IOException {
		List<Long> numbers = Segments.list(directory);
		if (numbers.isEmpty()) {
			return new End(0, 0);
		}
		for (int i = 0; i < numbers.size(); i++) {
			long number = numbers.get(i);
			Path file = Segments.path(directory, number);
			long size = Files.size(file);
			long intact = readSegment(file, size, consumer);
			if (intact < size) {
				List<Long> later = numbers.subList(i + 1, numbers.size());
				cut(directory, file, intact, later);
				logger.log(Level.WARNING,
						"Journal segment {0} had a torn or corrupt entry at offset {1}: cut {2} bytes there and "
								+ "deleted {3} later segment(s)",
						file, Long.toString(intact), Long.toString(size - intact), Integer.toString(later.size()));
				return new End(number, intact);
			}
		}
		long last = numbers.get(numbers.size() - 1);
		return new End(last, Files.size(Segments.path(directory, last)));
	}

	/**
	 * Reads one segment.
	 * @return the length of its intact part: {@code size} if every entry is intact
	 */
	private static long readSegment(Path file, long size, Consumer<JournalEntry> consumer) throws IOException {
		if (size < Segments.HEADER_BYTES) {
			return 0;
		}
		try (DataInputStream in = new DataInputStream(
				new BufferedInputStream(Files.newInputStream(file), READ_BUFFER_BYTES))) {
			byte[] segmentHeader = new byte[Segments.HEADER_BYTES];
			in.readFully(segmentHeader);
			if (!Segments.checkHeader(segmentHeader, file)) {
				return 0;
			}
			long position = Segments.HEADER_BYTES;
			byte[] header = new byte[EntryCodec.HEADER_BYTES];
			while (position < size) {
				long room = size - position - EntryCodec.FRAME_OVERHEAD;
				if (room < 0) {
					return position;
				}
				in.readFully(header);
				long length = Integer.toUnsignedLong((header[0] & 0xFF) << 24 | (header[1] & 0xFF) << 16
						| (header[2] & 0xFF) << 8 | (header[3] & 0xFF));
				if (length > EntryCodec.MAX_PAYLOAD_BYTES || length > room) {
					return position;
				}
				byte[] payload = new byte[(int) length];
				in.readFully(payload);
				if (in.readInt() != EntryCodec.checksum(header, payload, payload.length)) {
					return position;
				}
				consumer.accept(decode(header[4], payload, file, position));
				position += EntryCodec.FRAME_OVERHEAD + length;
			}
			return position;
		}
	}

	private static JournalEntry decode(byte type, byte[] payload, Path file, long position) {
		try {
			return EntryCodec.decode(type, payload);
		}
		catch (IllegalArgumentException ex) {
			throw new JournalException(
					"Journal entry at offset " + position + " of " + file + " has a valid checksum but cannot be read ("
							+ ex.getMessage() + "); was it written by another format version?",
					ex);
		}
	}

	private static void cut(Path directory, Path file, long intact, List<Long> later) throws IOException {
		// Later segments go first, newest first: a crash in between leaves the torn entry
		// in
		// place, so the next replay cuts at the same point instead of reading on past it.
		for (int i = later.size() - 1; i >= 0; i--) {
			Files.deleteIfExists(Segments.path(directory, later.get(i)));
		}
		Segments.syncDirectory(directory);
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.truncate(intact);
			channel.force(true);
		}
	}

}

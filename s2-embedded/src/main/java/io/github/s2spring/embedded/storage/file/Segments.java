package io.github.s2spring.embedded.storage.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The segment files of a journal directory: their names, their header, and the directory
 * fsync that makes creating or deleting one durable.
 */
final class Segments {

	/** Bytes of the segment header: the magic and the format version. */
	static final int HEADER_BYTES = 8;

	/** The current format version. */
	static final int VERSION = 1;

	private static final byte[] MAGIC = { 'S', '2', 'J', 'L' };

	private static final Pattern NAME = Pattern.compile("journal-(\\d{20})\\.seg");

	private Segments() {
	}

	/**
	 * The path of a segment.
	 * @param directory the journal directory
	 * @param number the segment number
	 * @return the path
	 */
	static Path path(Path directory, long number) {
		return directory.resolve(String.format("journal-%020d.seg", number));
	}

	/**
	 * Lists the segment numbers present in a directory, in ascending order.
	 * @param directory the journal directory
	 * @return the numbers
	 * @throws IOException if the directory cannot be listed
	 */
	static List<Long> list(Path directory) throws IOException {
		List<Long> numbers = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
			for (Path file : files) {
				Matcher matcher = NAME.matcher(file.getFileName().toString());
				if (matcher.matches()) {
					numbers.add(Long.parseLong(matcher.group(1)));
				}
			}
		}
		Collections.sort(numbers);
		return numbers;
	}

	/**
	 * The header every segment starts with.
	 * @return a fresh buffer holding the header
	 */
	static ByteBuffer header() {
		return ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).putInt(VERSION).flip();
	}

	/**
	 * Checks a header read from a segment.
	 * @param header the first {@link #HEADER_BYTES} bytes of the segment
	 * @param file the segment, for messages
	 * @return {@code true} if it is a header of this version, {@code false} if it is not
	 * a header at all (a torn or zeroed start)
	 * @throws JournalException if it is a header of another format version
	 */
	static boolean checkHeader(byte[] header, Path file) {
		if (!Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
			return false;
		}
		int version = ByteBuffer.wrap(header, MAGIC.length, Integer.BYTES).getInt();
		if (version != VERSION) {
			throw new JournalException("Journal segment " + file + " has format version " + version
					+ " but this server reads version " + VERSION);
		}
		return true;
	}

	/**
	 * Makes the creation or deletion of files in a directory durable, where the platform
	 * allows opening a directory (it does on Linux and macOS, not on Windows).
	 * @param directory the directory
	 */
	static void syncDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// Platforms that cannot open a directory make file creation durable by other
			// means.
		}
	}

}

package io.github.s2spring.embedded.storage.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.github.s2spring.embedded.storage.Journal;
import io.github.s2spring.embedded.storage.JournalEntry;
import io.github.s2spring.embedded.storage.file.AppendQueue.Pending;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Journal} on disk: append-only, checksummed segment files in one directory
 * (format in the {@linkplain io.github.s2spring.embedded.storage.file package
 * documentation}).
 *
 * <p>
 * Appends are encoded on the caller's thread and handed to one writer thread, which
 * writes everything queued, forces it to stable storage with a single {@code fsync}, and
 * then completes the futures of that whole group in order (group commit: concurrent
 * appends share fsyncs). The futures complete <em>on the writer thread</em>; callbacks
 * should be short or use the {@code *Async} variants. Queued and in-flight entries are
 * bounded in bytes: when the bound is reached, {@link #append} waits for room. If a write
 * or fsync fails, that group's futures and every later one fail with a
 * {@link JournalException}: nothing written after the failure is claimed durable.
 *
 * <p>
 * {@link #replay} verifies the entries, cuts a torn tail and then starts the writer; an
 * {@code append} before any {@code replay} does the same, discarding the entries. Only
 * one journal may use a directory at a time, enforced by an OS file lock.
 */
public final class FileJournal implements Journal {

	/** The size at which a segment is rolled by default: 64 MiB. */
	static final long DEFAULT_SEGMENT_BYTES = 64L * 1024 * 1024;

	/** The bytes that may be queued or in flight by default: 64 MiB. */
	static final long DEFAULT_QUEUE_BYTES = 64L * 1024 * 1024;

	private static final String LOCK_FILE = "journal.lock";

	private final Path directory;

	private final long segmentBytes;

	private final FileChannel lockChannel;

	private final AppendQueue queue;

	private final Thread writerThread;

	private volatile @Nullable SegmentWriter writer;

	private volatile boolean started;

	private boolean closed;

	private FileJournal(Path directory, long segmentBytes, long queueBytes, FileChannel lockChannel) {
		this.directory = directory;
		this.segmentBytes = segmentBytes;
		this.lockChannel = lockChannel;
		this.queue = new AppendQueue(directory.toString(), queueBytes);
		this.writerThread = new Thread(this::runWriter, "s2-journal-writer " + directory.getFileName());
		this.writerThread.setDaemon(true);
	}

	/**
	 * Opens the journal in a directory, creating the directory if needed, and locks it.
	 * @param directory the journal directory
	 * @return the journal; call {@link #replay} next
	 * @throws JournalException if another journal (in this or another process) holds the
	 * directory, or it cannot be created or locked
	 */
	public static FileJournal open(Path directory) {
		return open(directory, DEFAULT_SEGMENT_BYTES, DEFAULT_QUEUE_BYTES);
	}

	/**
	 * Opens the journal with explicit sizes, for tests.
	 * @param directory the journal directory
	 * @param segmentBytes the size at which a segment is rolled
	 * @param queueBytes the bytes that may be queued or in flight at once
	 * @return the journal
	 */
	static FileJournal open(Path directory, long segmentBytes, long queueBytes) {
		if (segmentBytes <= Segments.HEADER_BYTES || queueBytes <= 0) {
			throw new IllegalArgumentException("segmentBytes must exceed " + Segments.HEADER_BYTES
					+ " and queueBytes must be positive, but were " + segmentBytes + " and " + queueBytes);
		}
		Path absolute = directory.toAbsolutePath();
		FileChannel lockChannel;
		try {
			Files.createDirectories(absolute);
			lockChannel = FileChannel.open(absolute.resolve(LOCK_FILE), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new JournalException("Cannot create or open the journal directory " + absolute, ex);
		}
		FileLock lock;
		try {
			lock = lockChannel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		catch (IOException ex) {
			closeQuietly(lockChannel);
			throw new JournalException("Cannot lock the journal directory " + absolute, ex);
		}
		if (lock == null) {
			closeQuietly(lockChannel);
			throw new JournalException("Journal directory " + absolute + " is in use by another server (its lock file "
					+ LOCK_FILE + " is held)");
		}
		return new FileJournal(absolute, segmentBytes, queueBytes, lockChannel);
	}

	/**
	 * The directory of this journal.
	 * @return the absolute path
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * Writes an entry durably. Waits while the journal's queue is full.
	 * @param entry the entry
	 * @return a future completed on the writer thread once the entry and every earlier
	 * one are fsynced; failed with {@link IllegalArgumentException} if the entry cannot
	 * be encoded (a field is null, a string is not valid Unicode, or it exceeds 16 MiB),
	 * or with {@link JournalException} if the journal is closed or failed
	 */
	@Override
	public CompletableFuture<Void> append(JournalEntry entry) {
		CompletableFuture<Void> future = new CompletableFuture<>();
		byte[] frame;
		try {
			frame = EntryCodec.encode(entry);
			if (!this.started) {
				start(null);
			}
		}
		catch (RuntimeException ex) {
			future.completeExceptionally(ex);
			return future;
		}
		try {
			this.queue.put(new Pending(frame, future), Thread.currentThread() != this.writerThread);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			future.completeExceptionally(
					new JournalException("Interrupted while waiting for room in the journal in " + this.directory, ex));
		}
		return future;
	}

	/**
	 * Replays every intact entry, cuts a torn or corrupt tail, and starts the writer.
	 * @param consumer receives the entries, oldest first
	 * @throws IllegalStateException if called after an append or a replay, or after close
	 * @throws JournalException if the journal cannot be read or repaired, or an entry
	 * cannot be decoded
	 */
	@Override
	public void replay(Consumer<JournalEntry> consumer) {
		synchronized (this) {
			if (this.started || this.closed) {
				throw new IllegalStateException("Journal in " + this.directory
						+ " can only be replayed once, before the first append and before close");
			}
			start(consumer);
		}
	}

	/**
	 * Waits for every accepted append to be durable, then stops the writer thread and
	 * releases the directory's files and lock. Later appends fail. Calling it again does
	 * nothing.
	 */
	@Override
	public void close() {
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			this.queue.close();
			if (!this.started) {
				releaseLock();
				return;
			}
		}
		if (Thread.currentThread() != this.writerThread) {
			joinWriter();
		}
	}

	/**
	 * The number of fsyncs of segment data so far, for tests of group commit.
	 * @return the count
	 */
	long forces() {
		SegmentWriter current = this.writer;
		return (current != null) ? current.forces() : 0;
	}

	/**
	 * The most bytes that were queued or in flight at once, for tests of the bound.
	 * @return the high-water mark
	 */
	long queueHighWater() {
		return this.queue.highWater();
	}

	/**
	 * The writer's current segment channel, for tests that make writing fail.
	 * @return the channel
	 */
	@Nullable FileChannel segmentChannel() {
		SegmentWriter current = this.writer;
		return (current != null) ? current.channel() : null;
	}

	private synchronized void start(@Nullable Consumer<JournalEntry> consumer) {
		if (this.started || this.closed) {
			return;
		}
		Consumer<JournalEntry> target = (consumer != null) ? consumer : (entry) -> {
		};
		try {
			Replayer.End end = Replayer.replay(this.directory, target);
			this.writer = SegmentWriter.open(this.directory, this.segmentBytes, end);
		}
		catch (IOException ex) {
			throw new JournalException("Cannot read or repair the journal in " + this.directory, ex);
		}
		this.started = true;
		this.writerThread.start();
	}

	private void runWriter() {
		SegmentWriter segments = this.writer;
		try {
			List<Pending> group = this.queue.takeAll();
			while (!group.isEmpty() && writeGroup(segments, group)) {
				group = this.queue.takeAll();
			}
		}
		finally {
			closeQuietly(segments);
			releaseLock();
		}
	}

	/**
	 * Writes and forces one group, then completes its futures in order.
	 * @return {@code false} if the journal failed
	 */
	private boolean writeGroup(SegmentWriter segments, List<Pending> group) {
		long bytes = 0;
		try {
			for (Pending pending : group) {
				segments.write(pending.frame());
				bytes += pending.frame().length;
			}
			segments.sync();
		}
		catch (IOException | RuntimeException ex) {
			JournalException failure = new JournalException(
					"Journal in " + this.directory + " failed to write or fsync; this and every later append fail", ex);
			for (Pending pending : group) {
				pending.future().completeExceptionally(failure);
			}
			for (Pending pending : this.queue.fail(failure)) {
				pending.future().completeExceptionally(failure);
			}
			return false;
		}
		this.queue.release(bytes);
		for (Pending pending : group) {
			pending.future().complete(null);
		}
		return true;
	}

	private void joinWriter() {
		boolean interrupted = false;
		while (this.writerThread.isAlive()) {
			try {
				this.writerThread.join();
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private void releaseLock() {
		closeQuietly(this.lockChannel);
	}

	private static void closeQuietly(@Nullable AutoCloseable closeable) {
		if (closeable != null) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				// Nothing more can be done about a file that cannot be closed.
			}
		}
	}

}

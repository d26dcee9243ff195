package io.github.s2spring.embedded.storage.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link KillRecoveryTests}: appends numbered entries from several
 * writers forever, each waiting for its previous append, and prints
 * {@code ack <writer> <seq>} for every acknowledged one. After a restart each writer
 * continues after its last entry.
 */
public final class JournalAppenderProcess {

	static final int WRITERS = 4;

	private JournalAppenderProcess() {
	}

	/**
	 * Runs until killed.
	 * @param args the journal directory
	 */
	public static void main(String[] args) {
		FileJournal journal = FileJournal.open(Path.of(args[0]));
		int[] next = new int[WRITERS];
		journal.replay((entry) -> {
			int[] number = Entries.number(entry);
			next[number[0]] = number[1] + 1;
		});
		System.out.println("ready");
		System.out.flush();
		List<Thread> threads = new ArrayList<>();
		for (int w = 0; w < WRITERS; w++) {
			int writer = w;
			threads.add(new Thread(() -> {
				for (int seq = next[writer];; seq++) {
					journal.append(Entries.numbered(writer, seq)).join();
					synchronized (System.out) {
						System.out.println("ack " + writer + " " + seq);
						System.out.flush();
					}
				}
			}));
		}
		threads.forEach(Thread::start);
	}

}

// Append and read sessions over both session transports: s2s (HTTP/2 frames) and fetch
// (unary POSTs and SSE). Ordered acks, bounded reads, live tailing with caughtUp, 412 and 416.
import { AppendInput, AppendRecord, RangeNotSatisfiableError, SeqNumMismatchError } from "@s2-dev/streamstore";
import {
	assert,
	checkAck,
	closeQuietly,
	expectS2Error,
	hex,
	plain,
	plainBytes,
	readToEnd,
	takeRecords,
	utf8,
	withTimeout,
} from "../lib/harness.mjs";

const TRANSPORTS = ["s2s", "fetch"];
const strings = (from, n, prefix = "rec") => Array.from({ length: n }, (_, i) => AppendRecord.string({ body: `${prefix}-${from + i}` }));

function perTransport(name, fn, timeoutMs) {
	return TRANSPORTS.map((transport) => ({ name: `${name} [${transport}]`, timeoutMs, run: (t) => fn(t, transport) }));
}

/** Opens a read session and reads the first record, so that errors surface on both transports. */
async function openAndReadFirst(stream, input, options) {
	const session = await stream.readSession(input, options);
	try {
		return await takeRecords(session, 1, 10_000, "first record");
	} finally {
		await closeQuietly(session);
	}
}

export const scenarios = [
	...perTransport("sessions: append session with pipelined batches and ordered acks", async (t, transport) => {
		const { stream } = await t.newStream(`append-${transport}`, { transport });
		const session = await stream.appendSession();
		t.onCleanup(() => closeQuietly(session));
		const tickets = [];
		tickets.push(await session.submit(AppendInput.create(strings(0, 2))));
		tickets.push(await session.submit(AppendInput.create(strings(2, 3), { matchSeqNum: 2 })));
		tickets.push(await session.submit(AppendInput.create([AppendRecord.bytes({ body: new Uint8Array([0, 255]), headers: [[utf8("bin"), new Uint8Array([1])]] })])));
		tickets.push(await session.submit(AppendInput.create(strings(6, 1))));
		const acks = await withTimeout(Promise.all(tickets.map((tk) => tk.ack())), 15_000, "acks");
		checkAck(acks[0], 0, 2, "ack 1");
		checkAck(acks[1], 2, 5, "ack 2");
		checkAck(acks[2], 5, 6, "ack 3");
		checkAck(acks[3], 6, 7, "ack 4");
		for (let i = 1; i < acks.length; i++) {
			assert.ok(acks[i].start.timestamp.getTime() >= acks[i - 1].end.timestamp.getTime(), `ack ${i + 1} timestamp not before ack ${i}`);
		}
		await withTimeout(session.close(), 10_000, "append session close");
		assert.equal(session.failureCause(), undefined, "no failure");
		assert.equal(session.lastAckedPosition()?.end.seqNum, 7, "lastAckedPosition");
		const batch = await stream.read({ start: { from: { seqNum: 0 } } }, { as: "bytes" });
		assert.deepEqual(
			batch.records.map(plainBytes),
			[
				...[0, 1, 2, 3, 4].map((i) => ({ seqNum: i, body: hex(utf8(`rec-${i}`)), headers: [] })),
				{ seqNum: 5, body: "00ff", headers: [[hex(utf8("bin")), "01"]] },
				{ seqNum: 6, body: hex(utf8("rec-6")), headers: [] },
			],
			"records appended by the session",
		);
	}),
	...perTransport("sessions: many batches through one append session", async (t, transport) => {
		const { stream } = await t.newStream(`append-many-${transport}`, { transport });
		const session = await stream.appendSession({ maxInflightBatches: 20 });
		t.onCleanup(() => closeQuietly(session));
		const tickets = [];
		for (let i = 0; i < 50; i++) tickets.push(await session.submit(AppendInput.create(strings(i * 4, 4, "m"))));
		const acks = await withTimeout(Promise.all(tickets.map((tk) => tk.ack())), 30_000, "50 acks");
		acks.forEach((ack, i) => checkAck(ack, i * 4, i * 4 + 4, `ack ${i}`));
		await withTimeout(session.close(), 10_000, "close");
		const tail = await stream.checkTail();
		assert.equal(tail.tail.seqNum, 200, "tail after 50 batches of 4");
	}),
	...perTransport("sessions: bounded read session (count) ends by itself, strings and bytes", async (t, transport) => {
		const { stream } = await t.newStream(`read-${transport}`, { transport });
		await stream.append(AppendInput.create([AppendRecord.string({ body: "a", headers: [["h", "1"]] }), ...strings(1, 5)]));
		const session = await stream.readSession({ start: { from: { seqNum: 0 } }, stop: { limits: { count: 4 } } });
		const records = await readToEnd(session, 15_000, "bounded read session");
		assert.deepEqual(
			records.map(plain),
			[
				{ seqNum: 0, body: "a", headers: [["h", "1"]] },
				{ seqNum: 1, body: "rec-1", headers: [] },
				{ seqNum: 2, body: "rec-2", headers: [] },
				{ seqNum: 3, body: "rec-3", headers: [] },
			],
			"count-bounded session",
		);
		const bytesSession = await stream.readSession({ start: { from: { seqNum: 4 } }, stop: { limits: { count: 2 } } }, { as: "bytes" });
		const bytes = await readToEnd(bytesSession, 15_000, "bounded bytes session");
		assert.deepEqual(
			bytes.map(plainBytes),
			[
				{ seqNum: 4, body: hex(utf8("rec-4")), headers: [] },
				{ seqNum: 5, body: hex(utf8("rec-5")), headers: [] },
			],
			"bytes session",
		);
	}),
	...perTransport("sessions: read session catches up, reports caughtUp and tails live appends", async (t, transport) => {
		const { stream } = await t.newStream(`tailing-${transport}`, { transport });
		await stream.append(AppendInput.create(strings(0, 3)));
		const session = await stream.readSession({ start: { from: { seqNum: 0 } } });
		t.onCleanup(() => closeQuietly(session));
		const caughtUp = session.caughtUp();
		const first = await takeRecords(session, 3, 15_000, "catch-up records");
		assert.deepEqual(first.map((r) => [r.seqNum, r.body]), [[0, "rec-0"], [1, "rec-1"], [2, "rec-2"]], "catch-up records");
		const tail = await withTimeout(caughtUp, 15_000, "caughtUp() after the catch-up (needs a heartbeat with tail)");
		assert.equal(tail.seqNum, 3, "caughtUp tail");
		assert.equal(session.isCaughtUp(), true, "isCaughtUp");
		await stream.append(AppendInput.create(strings(3, 2)));
		await stream.append(AppendInput.create(strings(5, 1)));
		const live = await takeRecords(session, 3, 15_000, "live records");
		assert.deepEqual(live.map((r) => [r.seqNum, r.body]), [[3, "rec-3"], [4, "rec-4"], [5, "rec-5"]], "live records");
		const tail2 = await withTimeout(session.caughtUp(), 15_000, "caughtUp() after live records");
		assert.equal(tail2.seqNum, 6, "caughtUp tail after live records");
		assert.equal(session.nextReadPosition()?.seqNum, 6, "nextReadPosition");
	}),
	...perTransport("sessions: read session without start begins at the tail", async (t, transport) => {
		const { stream } = await t.newStream(`at-tail-${transport}`, { transport });
		await stream.append(AppendInput.create(strings(0, 2)));
		const session = await stream.readSession();
		t.onCleanup(() => closeQuietly(session));
		const tail = await withTimeout(session.caughtUp(), 15_000, "caughtUp() of a session at the tail");
		assert.equal(tail.seqNum, 2, "tail reported by the heartbeat");
		await stream.append(AppendInput.create(strings(2, 1)));
		const [rec] = await takeRecords(session, 1, 15_000, "the next appended record");
		assert.deepEqual([rec.seqNum, rec.body], [2, "rec-2"], "first record after the tail");
	}),
	...perTransport("sessions: append session fails with SeqNumMismatchError (412)", async (t, transport) => {
		const { stream } = await t.newStream(`s412-${transport}`, { transport });
		await stream.append(AppendInput.create(strings(0, 2)));
		const session = await stream.appendSession();
		t.onCleanup(() => closeQuietly(session));
		const ok = await session.submit(AppendInput.create(strings(2, 1), { matchSeqNum: 2 }));
		checkAck(await withTimeout(ok.ack(), 10_000, "ack"), 2, 3, "matching append");
		const bad = await session.submit(AppendInput.create(strings(3, 1), { matchSeqNum: 7 }));
		const err = await expectS2Error(withTimeout(bad.ack(), 10_000, "rejection"), { type: SeqNumMismatchError, status: 412 }, "mismatching append");
		assert.equal(err.expectedSeqNum, 3, "expectedSeqNum");
		await closeQuietly(session);
		assert.equal((await stream.checkTail()).tail.seqNum, 3, "the mismatching batch was not appended");
	}),
	...perTransport("sessions: read session beyond the tail fails with RangeNotSatisfiableError (416)", async (t, transport) => {
		const { stream } = await t.newStream(`s416-${transport}`, { transport });
		await stream.append(AppendInput.create(strings(0, 3)));
		const err = await expectS2Error(
			() => openAndReadFirst(stream, { start: { from: { seqNum: 10 } } }),
			{ type: RangeNotSatisfiableError, status: 416 },
			"read session from seq 10 of 3",
		);
		assert.equal(err.tail?.seqNum, 3, "416 carries the tail");
		// clamp: start at the tail instead and follow it.
		const session = await stream.readSession({ start: { from: { seqNum: 10 }, clamp: true } });
		t.onCleanup(() => closeQuietly(session));
		const tail = await withTimeout(session.caughtUp(), 15_000, "caughtUp() of a clamped session");
		assert.equal(tail.seqNum, 3, "clamped session waits at the tail");
		await stream.append(AppendInput.create(strings(3, 1)));
		const [rec] = await takeRecords(session, 1, 15_000, "record after clamp");
		assert.deepEqual([rec.seqNum, rec.body], [3, "rec-3"], "clamped session delivers the next record");
	}),
	...perTransport("sessions: 404 for a missing stream", async (t, transport) => {
		const basin = await t.newBasin(`s404-${transport}`);
		const stream = basin.stream("missing", { forceTransport: transport });
		t.onCleanup(() => stream.close());
		await expectS2Error(() => openAndReadFirst(stream, { start: { from: { seqNum: 0 } } }), { status: 404, code: "stream_not_found" }, "read session");
		const session = await stream.appendSession();
		t.onCleanup(() => closeQuietly(session));
		const ticket = await session.submit(AppendInput.create(strings(0, 1)));
		await expectS2Error(withTimeout(ticket.ack(), 10_000, "rejection"), { status: 404, code: "stream_not_found" }, "append session");
	}),
];


scenarios.push(
	...perTransport("sessions: concurrent readers and a writer on the same stream", async (t, transport) => {
		const { stream } = await t.newStream(`concurrent-${transport}`, { transport });
		const readers = [];
		for (let i = 0; i < 4; i++) {
			const session = await stream.readSession({ start: { from: { seqNum: 0 } } });
			t.onCleanup(() => closeQuietly(session));
			readers.push(session);
		}
		await Promise.all(readers.map((r, i) => withTimeout(r.caughtUp(), 15_000, `caughtUp of reader ${i}`)));
		const writer = await stream.appendSession();
		t.onCleanup(() => closeQuietly(writer));
		const tickets = [];
		for (let b = 0; b < 10; b++) tickets.push(await writer.submit(AppendInput.create(strings(b * 3, 3, "c"))));
		await withTimeout(Promise.all(tickets.map((tk) => tk.ack())), 15_000, "acks");
		const expected = Array.from({ length: 30 }, (_, i) => [i, `c-${i}`]);
		const results = await Promise.all(readers.map((r, i) => takeRecords(r, 30, 20_000, `reader ${i}`)));
		results.forEach((records, i) => assert.deepEqual(records.map((r) => [r.seqNum, r.body]), expected, `reader ${i}`));
		await withTimeout(writer.close(), 10_000, "close");
	}),
);

scenarios.push(
	...perTransport(
		"sessions: heartbeats keep an idle tailing session alive past the SDK watchdog (20 s s2s, 25 s SSE)",
		async (t, transport) => {
			const { stream } = await t.newStream(`idle-${transport}`, { transport });
			await stream.append(AppendInput.create(strings(0, 1)));
			const session = await stream.readSession({ start: { from: { seqNum: 1 } } });
			t.onCleanup(() => closeQuietly(session));
			await withTimeout(session.caughtUp(), 15_000, "caughtUp");
			const pending = takeRecords(session, 1, 45_000, "record after 28 s idle");
			pending.catch(() => {});
			await new Promise((resolve) => setTimeout(resolve, 28_000));
			await stream.append(AppendInput.create(strings(1, 1)));
			const [rec] = await pending;
			assert.deepEqual([rec.seqNum, rec.body], [1, "rec-1"], "the session survived 28 s without records");
		},
		60_000,
	),
);

scenarios.push(
	...perTransport("sessions: stream names that need percent-encoding", async (t, transport) => {
		const basin = await t.newBasin(`names-${transport}`);
		const name = "tenant/a b/événements?#%";
		await basin.streams.create({ stream: name });
		const stream = basin.stream(name, { forceTransport: transport });
		t.onCleanup(() => stream.close());
		const session = await stream.appendSession();
		const ticket = await session.submit(AppendInput.create(strings(0, 2)));
		checkAck(await withTimeout(ticket.ack(), 10_000, "ack"), 0, 2, "append session");
		await withTimeout(session.close(), 10_000, "close");
		const read = await readToEnd(await stream.readSession({ start: { from: { seqNum: 0 } }, stop: { limits: { count: 2 } } }), 15_000);
		assert.deepEqual(read.map((r) => r.body), ["rec-0", "rec-1"], "read session");
		assert.deepEqual((await basin.streams.list()).streams.map((s) => s.name), [name], "listed under its name");
	}),
	...perTransport("sessions: maximum batches (1000 records; one record of 1 MiB metered) and binary bodies", async (t, transport) => {
		const { stream } = await t.newStream(`max-${transport}`, { transport });
		const session = await stream.appendSession();
		t.onCleanup(() => closeQuietly(session));
		const many = Array.from({ length: 1000 }, (_, i) => AppendRecord.bytes({ body: new Uint8Array(1040).fill(i & 0xff) }));
		const t1 = await session.submit(AppendInput.create(many));
		checkAck(await withTimeout(t1.ack(), 20_000, "ack of 1000 records"), 0, 1000, "1000 records");
		const maxBody = AppendRecord.maxBodyBytes();
		assert.equal(maxBody, 1048576 - 8, "max body of a header-less record");
		const big = new Uint8Array(maxBody).map((_, i) => (i * 7 + 3) & 0xff);
		const t2 = await session.submit(AppendInput.create([AppendRecord.bytes({ body: big })]));
		checkAck(await withTimeout(t2.ack(), 20_000, "ack of a 1 MiB record"), 1000, 1001, "1 MiB record");
		const binary = new Uint8Array([0xc3, 0x28, 0x00, 0xff, 0xfe, 0x80]);
		const t3 = await session.submit(AppendInput.create([AppendRecord.bytes({ body: binary, headers: [[new Uint8Array([0xff]), new Uint8Array([0x00, 0xc0])]] })]));
		checkAck(await withTimeout(t3.ack(), 10_000, "ack"), 1001, 1002, "binary record");
		await withTimeout(session.close(), 10_000, "close");
		const read = await readToEnd(await stream.readSession({ start: { from: { seqNum: 0 } }, stop: { limits: { count: 1002 } } }, { as: "bytes" }), 30_000);
		assert.equal(read.length, 1002, "records read");
		read.slice(0, 1000).forEach((r, i) => {
			if (r.seqNum !== i || r.body.length !== 1040 || r.body[0] !== (i & 0xff)) assert.fail(`record ${i}: seq ${r.seqNum}, ${r.body.length} bytes`);
		});
		assert.equal(hex(read[1000].body), hex(big), "the 1 MiB record");
		assert.deepEqual(plainBytes(read[1001]), { seqNum: 1001, body: "c32800fffe80", headers: [["ff", "00c0"]] }, "binary record");
		// Invalid UTF-8 read as string: decoded lossily (U+FFFD), as s2-lite does for s2-format raw.
		const lossy = await stream.read({ start: { from: { seqNum: 1001 } }, stop: { limits: { count: 1 } } });
		assert.equal(lossy.records[0].body, "\uFFFD(\u0000\uFFFD\uFFFD\uFFFD", "lossy body");
	}, 90_000),
);

// Read bounds: count, bytes (metered), until, start by timestamp and tail_offset, clamp; unary
// and sessions on both transports.
import { AppendInput, AppendRecord } from "@s2-dev/streamstore";
import { assert, closeQuietly, readToEnd, takeRecords, withTimeout } from "../lib/harness.mjs";

// Six records with 10-byte bodies and no headers: metered size 8 + 10 = 18 bytes each.
async function setup(t, tag, transport) {
	const made = await t.newStream(tag, { transport });
	const base = Date.now() - 600_000;
	const records = Array.from({ length: 6 }, (_, i) => AppendRecord.string({ body: `record-${String(i).padStart(3, "0")}`, timestamp: base + i * 1000 }));
	await made.stream.append(AppendInput.create(records));
	return { ...made, base };
}

const seqs = (records) => records.map((r) => r.seqNum);

export const scenarios = [
	{
		name: "read limits: unary count, bytes, until, timestamp, tail_offset",
		async run(t) {
			const { stream, base } = await setup(t, "limits-unary");
			const read = async (input) => seqs((await stream.read(input)).records);
			assert.deepEqual(await read({ start: { from: { seqNum: 0 } }, stop: { limits: { count: 2 } } }), [0, 1], "count 2");
			assert.deepEqual(await read({ start: { from: { seqNum: 1 } }, stop: { limits: { count: 100 } } }), [1, 2, 3, 4, 5], "count beyond the tail");
			assert.deepEqual(await read({ start: { from: { seqNum: 0 } }, stop: { limits: { bytes: 36 } } }), [0, 1], "bytes 36 = two records of 18");
			assert.deepEqual(await read({ start: { from: { seqNum: 0 } }, stop: { limits: { bytes: 53 } } }), [0, 1], "bytes 53: a third record would exceed it");
			assert.deepEqual(await read({ start: { from: { seqNum: 0 } }, stop: { limits: { bytes: 54 } } }), [0, 1, 2], "bytes 54");
			assert.deepEqual(await read({ start: { from: { seqNum: 0 } }, stop: { limits: { bytes: 17 } } }), [], "bytes below one record");
			assert.deepEqual(await read({ start: { from: { seqNum: 0 } }, stop: { limits: { count: 5, bytes: 36 } } }), [0, 1], "count and bytes: the tighter wins");
			assert.deepEqual(await read({ start: { from: { seqNum: 0 } }, stop: { untilTimestamp: base + 2500 } }), [0, 1, 2], "until is exclusive of later timestamps");
			assert.deepEqual(await read({ start: { from: { seqNum: 0 } }, stop: { untilTimestamp: base + 2000 } }), [0, 1], "until equal to a timestamp excludes it");
			assert.deepEqual(await read({ start: { from: { timestamp: base + 2500 } } }), [3, 4, 5], "start at the first timestamp >= 2500");
			assert.deepEqual(await read({ start: { from: { timestamp: base + 3000 } }, stop: { limits: { count: 1 } } }), [3], "start at an exact timestamp");
			assert.deepEqual(await read({ start: { from: { tailOffset: 2 } } }), [4, 5], "tail_offset 2");
			assert.deepEqual(await read({ start: { from: { seqNum: 2 } }, stop: { limits: { count: 2 }, untilTimestamp: base + 10_000 } }), [2, 3], "count with until");
		},
	},
	...["s2s", "fetch"].map((transport) => ({
		name: `read limits: sessions end at count, bytes and until [${transport}]`,
		async run(t) {
			const { stream, base } = await setup(t, `limits-${transport}`, transport);
			const session = async (input) => seqs(await readToEnd(await stream.readSession(input), 15_000, JSON.stringify(input.stop)));
			assert.deepEqual(await session({ start: { from: { seqNum: 1 } }, stop: { limits: { count: 3 } } }), [1, 2, 3], "count 3");
			assert.deepEqual(await session({ start: { from: { seqNum: 0 } }, stop: { limits: { bytes: 54 } } }), [0, 1, 2], "bytes 54");
			assert.deepEqual(await session({ start: { from: { seqNum: 0 } }, stop: { untilTimestamp: base + 3500 } }), [0, 1, 2, 3], "until");
			assert.deepEqual(await session({ start: { from: { timestamp: base + 4000 } }, stop: { limits: { count: 10 } } }), [4, 5], "timestamp start, count beyond the tail (no wait)");
			assert.deepEqual(await session({ start: { from: { tailOffset: 1 } }, stop: { limits: { count: 10 } } }), [5], "tail_offset 1");
			// wait: a bounded session waits up to `wait` seconds at the tail for more records.
			const waiting = await stream.readSession({ start: { from: { seqNum: 5 } }, stop: { limits: { count: 3 }, waitSecs: 20 } });
			t.onCleanup(() => closeQuietly(waiting));
			const firstRecord = await takeRecords(waiting, 1, 10_000, "record 5");
			assert.deepEqual(seqs(firstRecord), [5], "first record of the waiting session");
			await stream.append(AppendInput.create([AppendRecord.string({ body: "late-1" }), AppendRecord.string({ body: "late-2" }), AppendRecord.string({ body: "late-3" })]));
			const rest = await readToEnd(waiting, 15_000, "the rest of a waiting session");
			assert.deepEqual(rest.map((r) => [r.seqNum, r.body]), [[6, "late-1"], [7, "late-2"]], "live records up to the count, then the session ends");
		},
	})),
	{
		name: "read limits: a session with wait ends after the wait expires",
		async run(t) {
			const { stream } = await setup(t, "limits-wait", "s2s");
			const started = Date.now();
			const got = await readToEnd(await stream.readSession({ start: { from: { seqNum: 4 } }, stop: { waitSecs: 2 } }), 20_000, "session with wait=2");
			assert.deepEqual(seqs(got), [4, 5], "records before the tail");
			const elapsed = Date.now() - started;
			assert.ok(elapsed >= 1500, `ended after the wait (${elapsed} ms)`);
		},
	},
	{
		name: "read limits: a session reads more than one batch (1200 records)",
		async run(t) {
			const { stream } = await t.newStream("limits-many", { transport: "s2s" });
			for (let b = 0; b < 3; b++) {
				await stream.append(AppendInput.create(Array.from({ length: 400 }, (_, i) => AppendRecord.string({ body: `n${b * 400 + i}` }))));
			}
			const got = await readToEnd(await stream.readSession({ start: { from: { seqNum: 0 } }, stop: { limits: { count: 1200 } } }), 20_000, "1200 records");
			assert.equal(got.length, 1200, "count");
			got.forEach((r, i) => {
				if (r.seqNum !== i || r.body !== `n${i}`) assert.fail(`record ${i}: got seq ${r.seqNum} body ${r.body}`);
			});
		},
	},
];

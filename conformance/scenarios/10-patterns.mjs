// @s2-dev/streamstore-patterns round trip: SerializingAppendSession (chunking, framing, dedupe
// headers) into DeserializingReadSession (dedupe filter, frame reassembly), including a 3 MiB
// message split across four records and a duplicated record as a retry would produce it.
import { createHash } from "node:crypto";
import { AppendInput, AppendRecord } from "@s2-dev/streamstore";
import { serialization } from "@s2-dev/streamstore-patterns";
import { assert, closeQuietly, hex, withTimeout } from "../lib/harness.mjs";

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const serialize = (m) => encoder.encode(JSON.stringify(m));
const deserialize = (b) => JSON.parse(decoder.decode(b));

function bigMessage() {
	// 3 MiB of deterministic, incompressible-looking text.
	const parts = [];
	let seed = createHash("sha256").update("conformance").digest();
	let size = 0;
	while (size < 3 * 1024 * 1024) {
		seed = createHash("sha256").update(seed).digest();
		const s = seed.toString("base64");
		parts.push(s);
		size += s.length;
	}
	return { id: "big", data: parts.join("").slice(0, 3 * 1024 * 1024) };
}

const headerMap = (record) => new Map(record.headers.map(([k, v]) => [decoder.decode(k), v]));
const u64 = (bytes) => Number(Buffer.from(bytes).readBigUInt64BE(0));

async function readMessages(reader, n, ms) {
	const out = [];
	const deadline = Date.now() + ms;
	while (out.length < n) {
		const step = await withTimeout(reader.read(), Math.max(deadline - Date.now(), 1), `message ${out.length + 1} of ${n}`);
		if (step.done) assert.fail(`read session ended after ${out.length} messages`);
		out.push(step.value);
	}
	return out;
}

export const scenarios = ["s2s", "fetch"].map((transport) => ({
	name: `patterns: serialized messages (3 MiB, dedupe) round trip [${transport}]`,
	timeoutMs: 120_000,
	async run(t) {
		const { stream } = await t.newStream(`patterns-${transport}`, { transport });
		const appendSession = await stream.appendSession();
		t.onCleanup(() => closeQuietly(appendSession));
		const writer = new serialization.SerializingAppendSession(appendSession, serialize, { dedupeSeq: 0 });
		const big = bigMessage();
		const m1 = { id: "m1", text: "hello" };
		const m3 = { id: "m3", list: [1, 2, 3] };
		const m4 = { id: "m4", text: "after the duplicate" };

		assert.deepEqual(await withTimeout(writer.submit(m1), 20_000, "m1"), { start: 0, end: 1 }, "m1 range");
		assert.deepEqual(await withTimeout(writer.submit(big), 60_000, "3 MiB message"), { start: 1, end: 5 }, "3 MiB message spans 4 records");
		assert.deepEqual(await withTimeout(writer.submit(m3), 20_000, "m3"), { start: 5, end: 6 }, "m3 range");

		// Wire layout of the big message's records.
		const raw = await stream.read({ start: { from: { seqNum: 1 } }, stop: { limits: { count: 1 } } }, { as: "bytes" });
		assert.equal(raw.records.length, 1, "first chunk record");
		const h = headerMap(raw.records[0]);
		const bigBytes = serialize(big).byteLength;
		assert.equal(u64(h.get("_frame_records")), 4, "_frame_records");
		assert.equal(u64(h.get("_frame_bytes")), bigBytes, "_frame_bytes");
		assert.equal(u64(h.get("_dedupe_seq")), 1, "_dedupe_seq of the first chunk");
		assert.equal(raw.records[0].body.byteLength, serialization.MAX_CHUNK_BODY_BYTES, "chunk body size");

		// A retry would append m3's record again: same _writer_id and _dedupe_seq.
		const m3Record = (await stream.read({ start: { from: { seqNum: 5 } }, stop: { limits: { count: 1 } } }, { as: "bytes" })).records[0];
		const dup = await stream.append(
			AppendInput.create([AppendRecord.bytes({ body: m3Record.body, headers: m3Record.headers.map(([k, v]) => [k, v]) })]),
		);
		assert.equal(dup.start.seqNum, 6, "duplicate appended at 6");
		assert.deepEqual(await withTimeout(writer.submit(m4), 20_000, "m4"), { start: 7, end: 8 }, "m4 range");
		await withTimeout(appendSession.close(), 20_000, "append session close");

		const readSession = await stream.readSession({ start: { from: { seqNum: 0 } } }, { as: "bytes" });
		const messages = new serialization.DeserializingReadSession(readSession, deserialize);
		const reader = messages.getReader();
		t.onCleanup(() => reader.cancel().catch(() => {}));
		const got = await readMessages(reader, 4, 60_000);
		assert.deepEqual(got[0], m1, "m1");
		assert.equal(got[1].id, "big", "big message id");
		assert.equal(got[1].data.length, big.data.length, "big message length");
		assert.equal(hex(createHash("sha256").update(got[1].data).digest()), hex(createHash("sha256").update(big.data).digest()), "big message content");
		assert.deepEqual(got[2], m3, "m3");
		assert.deepEqual(got[3], m4, "m4 follows m3 once: the duplicate was dropped");
	},
}));

// The records the official SerializingAppendSession writes, as stored and read back by the
// server, equal the verified layout of ts-sdk.md §3.3 (the table the Java writer reproduces in
// TsWireLayoutTests): chunk size 4, frame headers on every first chunk, per-record dedupe
// sequence continuing across messages, a new writer id per session.
import { serialization } from "@s2-dev/streamstore-patterns";
import { assert, closeQuietly, hex, withTimeout } from "../lib/harness.mjs";

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const serialize = (m) => encoder.encode(JSON.stringify(m));
const u64 = (n) => n.toString(16).padStart(16, "0");

function describe(record, ids) {
	const parts = [decoder.decode(record.body)];
	for (const [k, v] of record.headers) {
		const name = decoder.decode(k);
		parts.push(`${name}=${name === "_writer_id" ? ids(decoder.decode(v)) : hex(v)}`);
	}
	return parts.join(" ");
}

export const scenarios = [
	{
		name: "patterns: official writer's records match the verified wire layout byte for byte",
		timeoutMs: 60_000,
		async run(t) {
			const { stream } = await t.newStream("patterns-layout", { transport: "s2s" });
			const first = await stream.appendSession();
			t.onCleanup(() => closeQuietly(first));
			const w1 = new serialization.SerializingAppendSession(first, serialize, { chunkSize: 4, dedupeSeq: 0 });
			assert.deepEqual(await withTimeout(w1.submit({ a: "0123456789" }), 20_000, "a"), { start: 0, end: 5 });
			assert.deepEqual(await withTimeout(w1.submit({ b: 1 }), 20_000, "b"), { start: 5, end: 7 });
			await withTimeout(first.close(), 20_000, "first close");
			const second = await stream.appendSession();
			t.onCleanup(() => closeQuietly(second));
			const w2 = new serialization.SerializingAppendSession(second, serialize, { chunkSize: 4, dedupeSeq: 100 });
			assert.deepEqual(await withTimeout(w2.submit({ c: "xyz" }), 20_000, "c"), { start: 7, end: 10 });
			await withTimeout(second.close(), 20_000, "second close");

			const read = await stream.read({ start: { from: { seqNum: 0 } } }, { as: "bytes" });
			const seen = new Map();
			const ids = (id) => {
				assert.match(id, /^[A-Za-z0-9_-]{12}$/, "writer id is a 12-character nanoid");
				if (!seen.has(id)) seen.set(id, `W${seen.size + 1}`);
				return seen.get(id);
			};
			const got = read.records.map((r) => describe(r, ids));
			const d = (n) => `_dedupe_seq=${u64(n)}`;
			assert.deepEqual(got, [
				`{"a" _frame_records=${u64(5)} _frame_bytes=${u64(18)} ${d(0)} _writer_id=W1`,
				`:"01 ${d(1)} _writer_id=W1`,
				`2345 ${d(2)} _writer_id=W1`,
				`6789 ${d(3)} _writer_id=W1`,
				`"} ${d(4)} _writer_id=W1`,
				`{"b" _frame_records=${u64(2)} _frame_bytes=${u64(7)} ${d(5)} _writer_id=W1`,
				`:1} ${d(6)} _writer_id=W1`,
				`{"c" _frame_records=${u64(3)} _frame_bytes=${u64(11)} ${d(100)} _writer_id=W2`,
				`:"xy ${d(101)} _writer_id=W2`,
				`z"} ${d(102)} _writer_id=W2`,
			]);
		},
	},
];

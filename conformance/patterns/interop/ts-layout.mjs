// Writes the verified layout of ts-sdk.md §3.3 with the official writer: chunk size 4, two
// messages from a writer starting at dedupe seq 0, one from a new writer starting at 100.
// The Java test reads the records and compares them byte for byte with its own writer's.
import { serialization } from "@s2-dev/streamstore-patterns";
import { args, main, serialize, withTimeout } from "./common.mjs";

await main(async () => {
	const { stream } = args();
	const first = await stream.appendSession();
	const w1 = new serialization.SerializingAppendSession(first, serialize, { chunkSize: 4, dedupeSeq: 0 });
	await withTimeout(w1.submit({ a: "0123456789" }), 20_000, "a");
	await withTimeout(w1.submit({ b: 1 }), 20_000, "b");
	await withTimeout(first.close(), 20_000, "first close");
	const second = await stream.appendSession();
	const w2 = new serialization.SerializingAppendSession(second, serialize, { chunkSize: 4, dedupeSeq: 100 });
	await withTimeout(w2.submit({ c: "xyz" }), 20_000, "c");
	await withTimeout(second.close(), 20_000, "second close");
});

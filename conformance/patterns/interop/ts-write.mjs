// Writes messages with the official SerializingAppendSession (dedupe on from 0): a small one,
// a 3 MiB one (four records), another small one; then appends two of the writer's records
// again as a retry after a lost ack would (same _writer_id, same _dedupe_seq); then two more.
// Prints the summary of every message written once, in order.
import { AppendInput, AppendRecord } from "@s2-dev/streamstore";
import { serialization } from "@s2-dev/streamstore-patterns";
import { args, main, serialize, summary, text, withTimeout } from "./common.mjs";

await main(async () => {
	const { stream } = args();
	const session = await stream.appendSession();
	const writer = new serialization.SerializingAppendSession(session, serialize, { dedupeSeq: 0 });
	const messages = [
		{ id: "m1", body: "hello from TypeScript" },
		{ id: "big", body: text(3 * 1024 * 1024, "ts-big") },
		{ id: "m3", body: "after the big one" },
	];
	for (const m of messages) {
		await withTimeout(writer.submit(m), 60_000, m.id);
	}
	// records 4 (last chunk of big) and 5 (m3) again
	const again = await stream.read({ start: { from: { seqNum: 4 } }, stop: { limits: { count: 2 } } }, { as: "bytes" });
	if (again.records.length !== 2) throw new Error(`expected 2 records to duplicate, got ${again.records.length}`);
	await stream.append(
		AppendInput.create(again.records.map((r) => AppendRecord.bytes({ body: r.body, headers: r.headers.map(([k, v]) => [k, v]) }))),
	);
	const after = [{ id: "m4", body: "after the duplicates" }, { id: "end", body: "" }];
	for (const m of after) {
		await withTimeout(writer.submit(m), 60_000, m.id);
		messages.push(m);
	}
	await withTimeout(session.close(), 20_000, "append session close");
	for (const m of messages) console.log(summary(m));
});

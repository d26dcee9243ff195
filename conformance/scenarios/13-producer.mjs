// The SDK's Producer (auto-batching with BatchTransform: linger, batch size, fencing token and an
// auto-incremented match_seq_num) over both session transports.
import { AppendInput, AppendRecord, BatchTransform, Producer } from "@s2-dev/streamstore";
import { assert, closeQuietly, readToEnd, withTimeout } from "../lib/harness.mjs";

export const scenarios = ["s2s", "fetch"].map((transport) => ({
	name: `producer: 500 records auto-batched with fencing token and match_seq_num [${transport}]`,
	timeoutMs: 90_000,
	async run(t) {
		const { stream } = await t.newStream(`producer-${transport}`, { transport });
		await stream.append(AppendInput.create([AppendRecord.fence("producer-1")]));
		const session = await stream.appendSession();
		t.onCleanup(() => closeQuietly(session));
		const producer = new Producer(
			new BatchTransform({ lingerDurationMillis: 5, maxBatchRecords: 40, fencingToken: "producer-1", matchSeqNum: 1 }),
			session,
		);
		const tickets = [];
		for (let i = 0; i < 500; i++) tickets.push(await producer.submit(AppendRecord.string({ body: `p-${i}`, headers: [["n", String(i)]] })));
		const acks = await withTimeout(Promise.all(tickets.map((tk) => tk.ack())), 60_000, "500 record acks");
		acks.forEach((ack, i) => {
			if (ack.seqNum() !== i + 1) assert.fail(`record ${i} acknowledged at seq ${ack.seqNum()}, expected ${i + 1}`);
		});
		await withTimeout(producer.close(), 20_000, "producer close");
		const read = await readToEnd(await stream.readSession({ start: { from: { seqNum: 1 } }, stop: { limits: { count: 500 } } }), 30_000);
		assert.equal(read.length, 500, "records read");
		read.forEach((r, i) => {
			if (r.seqNum !== i + 1 || r.body !== `p-${i}` || r.headers[0]?.[1] !== String(i)) assert.fail(`record ${i}: seq ${r.seqNum} body ${r.body}`);
		});
		assert.equal((await stream.checkTail()).tail.seqNum, 501, "tail");
	},
}));

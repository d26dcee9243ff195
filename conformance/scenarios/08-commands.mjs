// Command records: fence (token in the body, header ["", "fence"]) and trim (8-byte big-endian
// seq num, header ["", "trim"]), over unary appends and an s2s append session.
import { AppendInput, AppendRecord, FencingTokenMismatchError } from "@s2-dev/streamstore";
import { assert, checkAck, closeQuietly, expectS2Error, hex, plain, plainBytes, sleep, utf8, withTimeout } from "../lib/harness.mjs";

export const scenarios = [
	{
		name: "commands: fence records are sequenced, readable and enforce the token",
		async run(t) {
			const { stream, basin, streamName } = await t.newStream("fence");
			checkAck(await stream.append(AppendInput.create([AppendRecord.string({ body: "before" })])), 0, 1, "plain record");
			checkAck(await stream.append(AppendInput.create([AppendRecord.fence("tok-1")])), 1, 2, "fence tok-1");
			const read = await stream.read({ start: { from: { seqNum: 0 } } });
			assert.deepEqual(
				read.records.map(plain),
				[
					{ seqNum: 0, body: "before", headers: [] },
					{ seqNum: 1, body: "tok-1", headers: [["", "fence"]] },
				],
				"fence record as read back (JSON)",
			);
			const readBytes = await stream.read({ start: { from: { seqNum: 1 } } }, { as: "bytes" });
			assert.deepEqual(readBytes.records.map(plainBytes), [{ seqNum: 1, body: hex(utf8("tok-1")), headers: [["", hex(utf8("fence"))]] }], "fence record (protobuf)");
			const filtered = await stream.read({ start: { from: { seqNum: 0 } } });
			assert.equal(filtered.records.length, 2, "both records visible");
			const withoutCommands = await stream.read({ start: { from: { seqNum: 0 } }, ignoreCommandRecords: true });
			assert.deepEqual(withoutCommands.records.map((r) => r.body), ["before"], "ignoreCommandRecords drops the fence (client side)");

			// Fencing through an s2s append session.
			const s2sStream = basin.stream(streamName, { forceTransport: "s2s" });
			t.onCleanup(() => s2sStream.close());
			const session = await s2sStream.appendSession();
			t.onCleanup(() => closeQuietly(session));
			const good = await session.submit(AppendInput.create([AppendRecord.string({ body: "fenced write" })], { fencingToken: "tok-1" }));
			checkAck(await withTimeout(good.ack(), 10_000, "ack"), 2, 3, "append with the right token in a session");
			// Re-fence to tok-2 with the current token, then the old token is rejected.
			const refence = await session.submit(AppendInput.create([AppendRecord.fence("tok-2")], { fencingToken: "tok-1" }));
			checkAck(await withTimeout(refence.ack(), 10_000, "ack"), 3, 4, "re-fence");
			const stale = await session.submit(AppendInput.create([AppendRecord.string({ body: "stale" })], { fencingToken: "tok-1" }));
			const err = await expectS2Error(withTimeout(stale.ack(), 10_000, "rejection"), { type: FencingTokenMismatchError, status: 412 }, "stale token in a session");
			assert.equal(err.expectedFencingToken, "tok-2", "expected token in the terminal frame");
			await closeQuietly(session);

			// An empty fence clears the token.
			checkAck(await stream.append(AppendInput.create([AppendRecord.fence("")], { fencingToken: "tok-2" })), 4, 5, "clear fence");
			const cleared = await expectS2Error(stream.append(AppendInput.create([AppendRecord.string({ body: "x" })], { fencingToken: "tok-2" })), { type: FencingTokenMismatchError }, "old token after clearing");
			assert.equal(cleared.expectedFencingToken, "", "token is empty after an empty fence");
			assert.equal((await stream.checkTail()).tail.seqNum, 5, "tail");
		},
	},
	{
		name: "commands: trim removes records before the trim point",
		async run(t) {
			const { stream } = await t.newStream("trim");
			const records = Array.from({ length: 5 }, (_, i) => AppendRecord.string({ body: `r${i}` }));
			checkAck(await stream.append(AppendInput.create(records)), 0, 5, "records");
			checkAck(await stream.append(AppendInput.create([AppendRecord.trim(3)])), 5, 6, "trim to 3");
			const trimRecord = await stream.read({ start: { from: { seqNum: 5 } } }, { as: "bytes" });
			assert.deepEqual(
				trimRecord.records.map(plainBytes),
				[{ seqNum: 5, body: "0000000000000003", headers: [["", hex(utf8("trim"))]] }],
				"trim record as read back",
			);
			// Trimming may be eventual (s2-lite trims in the background): poll for up to 10 s.
			let first;
			const deadline = Date.now() + 10_000;
			for (;;) {
				const batch = await stream.read({ start: { from: { seqNum: 0 } } });
				first = batch.records.map((r) => [r.seqNum, r.body]);
				if (first[0]?.[0] === 3 || Date.now() > deadline) break;
				await sleep(250);
			}
			assert.deepEqual(first.slice(0, 2), [[3, "r3"], [4, "r4"]], "reading from 0 starts at the trim point");
			assert.equal((await stream.checkTail()).tail.seqNum, 6, "the tail is unchanged by a trim");
			const after = await stream.read({ start: { from: { seqNum: 0 } }, ignoreCommandRecords: true });
			assert.deepEqual(after.records.map((r) => r.body), ["r3", "r4"], "data records after the trim");
		},
	},
];

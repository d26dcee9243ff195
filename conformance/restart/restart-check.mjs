#!/usr/bin/env node
// Durability across a crash, seen through the official SDK: `write` creates state and records
// (unary and S2S session, acknowledged), the orchestrator kills the server with SIGKILL and starts
// it again on the same --data-dir, then `verify` checks that everything acknowledged survived.
//
// Usage: node restart/restart-check.mjs write|verify <server-url> <state-file>
import { readFileSync, writeFileSync } from "node:fs";
import { AppendInput, AppendRecord, FencingTokenMismatchError } from "@s2-dev/streamstore";
import { assert, describeError, expectS2Error, makeClient, uniqueBasinName, withTimeout } from "../lib/harness.mjs";

const [phase, url, stateFile] = process.argv.slice(2);

async function write() {
	const s2 = makeClient(url);
	const basinName = uniqueBasinName("restart");
	await s2.basins.create({ basin: basinName, config: { createStreamOnAppend: true, defaultStreamConfig: { retentionPolicy: { ageSecs: 4321 } } } });
	const basin = s2.basin(basinName);
	await basin.streams.create({ stream: "events", config: { timestamping: { mode: "client-require" } } });
	const base = Date.now() - 100_000;
	const stream = basin.stream("events", { forceTransport: "s2s" });
	await stream.append(AppendInput.create([0, 1, 2].map((i) => AppendRecord.string({ body: `unary-${i}`, headers: [["i", String(i)]], timestamp: base + i }))));
	const session = await stream.appendSession();
	const tickets = [];
	for (let b = 0; b < 5; b++) {
		tickets.push(await session.submit(AppendInput.create([AppendRecord.bytes({ body: new Uint8Array([b, 0xff, 0x00]), timestamp: base + 10 + b })])));
	}
	await withTimeout(Promise.all(tickets.map((t) => t.ack())), 30_000, "session acks");
	await withTimeout(session.close(), 30_000, "session close");
	await stream.append(AppendInput.create([AppendRecord.fence("owner-7", base + 20)]));
	await stream.append(AppendInput.create([AppendRecord.trim(2, base + 21)], { fencingToken: "owner-7" }));
	const tail = (await stream.checkTail()).tail;
	// The trim command cuts seq nums 0 and 1 (possibly eventually): compare from the trim point on.
	const records = (await stream.read({ start: { from: { seqNum: 0 } } }, { as: "bytes" })).records.map(plainRecord).filter((r) => r.seqNum >= 2);
	await basin.stream("auto").append(AppendInput.create([AppendRecord.string({ body: "auto-created" })]));
	writeFileSync(stateFile, JSON.stringify({ basinName, tail: { seqNum: tail.seqNum, timestamp: tail.timestamp.getTime() }, records }));
	await stream.close();
}

function plainRecord(r) {
	const hex = (b) => Buffer.from(b).toString("hex");
	return { seqNum: r.seqNum, timestamp: r.timestamp.getTime(), body: hex(r.body), headers: r.headers.map(([k, v]) => [hex(k), hex(v)]) };
}

async function verify() {
	const state = JSON.parse(readFileSync(stateFile, "utf8"));
	const s2 = makeClient(url);
	const config = await s2.basins.getConfig({ basin: state.basinName });
	assert.equal(config.createStreamOnAppend, true, "basin config survived");
	assert.deepEqual(config.defaultStreamConfig?.retentionPolicy, { ageSecs: 4321 }, "basin default stream config survived");
	const basin = s2.basin(state.basinName);
	assert.deepEqual((await basin.streams.list()).streams.map((s) => s.name), ["auto", "events"], "streams survived");
	assert.equal((await basin.streams.getConfig({ stream: "events" })).timestamping?.mode, "client-require", "stream config survived");
	assert.deepEqual((await basin.streams.getConfig({ stream: "auto" })).retentionPolicy, { ageSecs: 4321 }, "auto-created stream config survived");
	const stream = basin.stream("events", { forceTransport: "s2s" });
	const tail = (await stream.checkTail()).tail;
	assert.deepEqual({ seqNum: tail.seqNum, timestamp: tail.timestamp.getTime() }, state.tail, "tail survived");
	const all = (await stream.read({ start: { from: { seqNum: 0 } } }, { as: "bytes" })).records.map(plainRecord);
	assert.deepEqual(all.filter((r) => r.seqNum >= 2), state.records, "every acknowledged record survived");
	assert.equal(state.records.length, 8, "records 2..9 were written");
	const err = await expectS2Error(
		stream.append(AppendInput.create([AppendRecord.string({ body: "x", timestamp: Date.now() })], { fencingToken: "someone-else" })),
		{ type: FencingTokenMismatchError, status: 412 },
		"fencing token after restart",
	);
	assert.equal(err.expectedFencingToken, "owner-7", "fencing token survived");
	const ack = await stream.append(AppendInput.create([AppendRecord.string({ body: "after restart", timestamp: Date.now() })], { fencingToken: "owner-7", matchSeqNum: state.tail.seqNum }));
	assert.equal(ack.start.seqNum, state.tail.seqNum, "appends continue at the old tail");
	const [auto] = (await basin.stream("auto").read({ start: { from: { seqNum: 0 } } })).records;
	assert.equal(auto?.body, "auto-created", "auto-created stream's record survived");
	await s2.basins.delete({ basin: state.basinName });
	await stream.close();
}

(phase === "write" ? write() : verify()).then(
	() => process.exit(0),
	(err) => {
		console.log(`${phase}: ${describeError(err)}`);
		process.exit(1);
	},
);

// Unary append and read in JSON (string records) and protobuf (bytes records), check tail,
// timestamps (client-prefer, capping, monotonicity) and batch limits.
import { AppendInput, AppendRecord } from "@s2-dev/streamstore";
import { assert, checkAck, checkMonotonicTimestamps, expectS2Error, hex, plain, plainBytes, utf8 } from "../lib/harness.mjs";

export const scenarios = [
	{
		name: "unary: JSON append and read of string records",
		async run(t) {
			const { stream } = await t.newStream("unary-json");
			const ack1 = await stream.append(
				AppendInput.create([
					AppendRecord.string({ body: "hello", headers: [["k", "v"], ["k", "v2"]] }),
					AppendRecord.string({ body: "héllo wörld ✓ 🚀" }),
					AppendRecord.string({ body: "", headers: [["only-header", ""]] }),
				]),
			);
			checkAck(ack1, 0, 3, "first append");
			const ack2 = await stream.append(AppendInput.create([AppendRecord.string({ body: "second" })], { matchSeqNum: 3 }));
			checkAck(ack2, 3, 4, "second append with matchSeqNum");
			assert.ok(ack2.start.timestamp.getTime() >= ack1.end.timestamp.getTime(), "timestamps do not go back across appends");

			const batch = await stream.read({ start: { from: { seqNum: 0 } } });
			assert.deepEqual(
				batch.records.map(plain),
				[
					{ seqNum: 0, body: "hello", headers: [["k", "v"], ["k", "v2"]] },
					{ seqNum: 1, body: "héllo wörld ✓ 🚀", headers: [] },
					{ seqNum: 2, body: "", headers: [["only-header", ""]] },
					{ seqNum: 3, body: "second", headers: [] },
				],
				"records read back",
			);
			checkMonotonicTimestamps(batch.records);
			assert.equal(batch.records[3].timestamp.getTime(), ack2.end.timestamp.getTime(), "record timestamp equals the ack's");

			const fromMiddle = await stream.read({ start: { from: { seqNum: 2 } }, stop: { limits: { count: 1 } } });
			assert.deepEqual(fromMiddle.records.map(plain), [{ seqNum: 2, body: "", headers: [["only-header", ""]] }], "read from seq 2, count 1");

			// The same records read as bytes (protobuf response).
			const asBytes = await stream.read({ start: { from: { seqNum: 0 } } }, { as: "bytes" });
			assert.deepEqual(
				asBytes.records.map(plainBytes),
				[
					{ seqNum: 0, body: hex(utf8("hello")), headers: [[hex(utf8("k")), hex(utf8("v"))], [hex(utf8("k")), hex(utf8("v2"))]] },
					{ seqNum: 1, body: hex(utf8("héllo wörld ✓ 🚀")), headers: [] },
					{ seqNum: 2, body: "", headers: [[hex(utf8("only-header")), ""]] },
					{ seqNum: 3, body: hex(utf8("second")), headers: [] },
				],
				"JSON-appended records read as protobuf",
			);
		},
	},
	{
		name: "unary: protobuf append and read of bytes records",
		async run(t) {
			const { stream } = await t.newStream("unary-proto");
			const binary = new Uint8Array([0, 1, 2, 0x7f, 0x80, 0xfe, 0xff]);
			const big = new Uint8Array(200_000).map((_, i) => (i * 31) & 0xff);
			const ack = await stream.append(
				AppendInput.create([
					AppendRecord.bytes({ body: binary, headers: [[utf8("h"), new Uint8Array([0, 1, 2])]] }),
					AppendRecord.bytes({ body: new Uint8Array(0) }),
					AppendRecord.bytes({ body: big, headers: [[new Uint8Array([0xff, 0x00]), new Uint8Array(0)]] }),
				]),
			);
			checkAck(ack, 0, 3, "protobuf append");
			const batch = await stream.read({ start: { from: { seqNum: 0 } } }, { as: "bytes" });
			assert.deepEqual(
				batch.records.map(plainBytes),
				[
					{ seqNum: 0, body: hex(binary), headers: [[hex(utf8("h")), "000102"]] },
					{ seqNum: 1, body: "", headers: [] },
					{ seqNum: 2, body: hex(big), headers: [["ff00", ""]] },
				],
				"bytes records read back as protobuf",
			);
			checkMonotonicTimestamps(batch.records);

			// Protobuf-appended UTF-8 read back as JSON strings.
			await stream.append(AppendInput.create([AppendRecord.bytes({ body: utf8("text ✓"), headers: [[utf8("name"), utf8("value")]] })]));
			const json = await stream.read({ start: { from: { seqNum: 3 } } });
			assert.deepEqual(json.records.map(plain), [{ seqNum: 3, body: "text ✓", headers: [["name", "value"]] }], "protobuf-appended record read as JSON");
		},
	},
	{
		name: "unary: check tail",
		async run(t) {
			const { stream } = await t.newStream("tail");
			const empty = await stream.checkTail();
			assert.equal(empty.tail.seqNum, 0, "empty stream: tail seqNum");
			assert.equal(empty.tail.timestamp.getTime(), 0, "empty stream: tail timestamp");
			const base = Date.now() - 60_000;
			const ack = await stream.append(
				AppendInput.create([
					AppendRecord.string({ body: "a", timestamp: base }),
					AppendRecord.string({ body: "b", timestamp: base + 10 }),
					AppendRecord.string({ body: "c", timestamp: base + 20 }),
				]),
			);
			checkAck(ack, 0, 3, "append");
			const tail = await stream.checkTail();
			assert.equal(tail.tail.seqNum, 3, "tail seqNum after 3 records");
			assert.equal(tail.tail.timestamp.getTime(), base + 20, "tail timestamp is the last record's");
			assert.equal(ack.tail.timestamp.getTime(), base + 20, "ack tail timestamp");
		},
	},
	{
		name: "unary: client timestamps (client-prefer, future capped, monotonic)",
		async run(t) {
			const { stream } = await t.newStream("timestamps");
			const base = Date.now() - 3_600_000;
			const before = Date.now();
			const ack = await stream.append(
				AppendInput.create([
					AppendRecord.string({ body: "t0", timestamp: base }),
					AppendRecord.string({ body: "t1", timestamp: base + 1000 }),
					AppendRecord.string({ body: "t2-earlier", timestamp: base + 500 }),
					AppendRecord.string({ body: "t3-future", timestamp: Date.now() + 3_600_000 }),
					AppendRecord.string({ body: "t4-none" }),
				]),
			);
			const after = Date.now();
			checkAck(ack, 0, 5, "append");
			const { records } = await stream.read({ start: { from: { seqNum: 0 } } });
			const ts = records.map((r) => r.timestamp.getTime());
			assert.equal(ts[0], base, "client timestamp kept");
			assert.equal(ts[1], base + 1000, "client timestamp kept");
			assert.equal(ts[2], base + 1000, "an earlier client timestamp is raised to the stream's last timestamp");
			assert.ok(ts[3] >= before - 1000 && ts[3] <= after + 1000, `a future timestamp is capped at arrival time (got ${ts[3] - before} ms after start)`);
			assert.ok(ts[4] >= ts[3] && ts[4] <= after + 1000, "a missing timestamp is the arrival time");
			assert.equal(ack.start.timestamp.getTime(), base, "ack start timestamp");
			assert.equal(ack.end.timestamp.getTime(), ts[4], "ack end timestamp is the last record's");
		},
	},
	{
		name: "unary: batch limits (empty, 1001 records, over 1 MiB) are rejected with 422 invalid",
		async run(t) {
			const { stream } = await t.newStream("limits");
			// Built by hand: AppendInput.create would refuse these on the client.
			const raw = (records) => ({ records, meteredBytes: 0 });
			await expectS2Error(stream.append(raw([])), { status: 422, code: "invalid" }, "empty batch");
			const many = Array.from({ length: 1001 }, (_, i) => AppendRecord.string({ body: String(i) }));
			await expectS2Error(stream.append(raw(many)), { status: 422, code: "invalid" }, "1001 records");
			const huge = [AppendRecord.bytes({ body: new Uint8Array(600_000) }), AppendRecord.bytes({ body: new Uint8Array(600_000) })];
			await expectS2Error(stream.append(raw(huge)), { status: 422, code: "invalid" }, "batch over 1 MiB metered");
			const tail = await stream.checkTail();
			assert.equal(tail.tail.seqNum, 0, "nothing was appended");
			const ok = Array.from({ length: 1000 }, (_, i) => AppendRecord.string({ body: String(i) }));
			checkAck(await stream.append(AppendInput.create(ok)), 0, 1000, "exactly 1000 records are accepted");
		},
	},
	{
		name: "unary: a read returns at most 1000 records",
		async run(t) {
			const { stream } = await t.newStream("readcap");
			const make = (from) => AppendInput.create(Array.from({ length: 600 }, (_, i) => AppendRecord.string({ body: `r${from + i}` })));
			checkAck(await stream.append(make(0)), 0, 600, "append 1");
			checkAck(await stream.append(make(600)), 600, 1200, "append 2");
			const batch = await stream.read({ start: { from: { seqNum: 0 } } });
			assert.equal(batch.records.length, 1000, "unary read without limits is capped at 1000 records");
			assert.deepEqual(batch.records.map((r) => r.seqNum), Array.from({ length: 1000 }, (_, i) => i), "seq nums 0..999");
			assert.equal(batch.records[999].body, "r999", "last body");
			const rest = await stream.read({ start: { from: { seqNum: 1000 } }, stop: { limits: { count: 5000 } } });
			assert.deepEqual(rest.records.map((r) => r.body), Array.from({ length: 200 }, (_, i) => `r${1000 + i}`), "the remaining 200");
		},
	},
	{
		name: "unary: timestamping modes arrival, client-require and uncapped",
		async run(t) {
			const basin = await t.newBasin("ts-modes");
			const past = Date.now() - 3_600_000;
			const future = Date.now() + 3_600_000;

			await basin.streams.create({ stream: "arrival", config: { timestamping: { mode: "arrival" } } });
			const before = Date.now();
			await basin.stream("arrival").append(AppendInput.create([AppendRecord.string({ body: "a", timestamp: past })]));
			const [arrival] = (await basin.stream("arrival").read({ start: { from: { seqNum: 0 } } })).records;
			assert.ok(arrival.timestamp.getTime() >= before - 1000, "arrival mode ignores the client timestamp");

			await basin.streams.create({ stream: "require", config: { timestamping: { mode: "client-require" } } });
			await expectS2Error(
				basin.stream("require").append(AppendInput.create([AppendRecord.string({ body: "no timestamp" })])),
				{ status: 422, code: "invalid" },
				"client-require without a timestamp",
			);
			await basin.stream("require").append(AppendInput.create([AppendRecord.string({ body: "with", timestamp: past })]));
			const [required] = (await basin.stream("require").read({ start: { from: { seqNum: 0 } } })).records;
			assert.deepEqual([required.seqNum, required.timestamp.getTime()], [0, past], "client-require keeps the client timestamp");

			await basin.streams.create({ stream: "uncapped", config: { timestamping: { uncapped: true } } });
			await basin.stream("uncapped").append(AppendInput.create([AppendRecord.string({ body: "f", timestamp: future })]));
			const [uncapped] = (await basin.stream("uncapped").read({ start: { from: { seqNum: 0 } } })).records;
			assert.equal(uncapped.timestamp.getTime(), future, "uncapped keeps a future timestamp");
		},
	},
	{
		name: "unary: a read at the tail with wait long-polls for the next append",
		async run(t) {
			const { stream } = await t.newStream("longpoll");
			await stream.append(AppendInput.create([AppendRecord.string({ body: "first" })]));
			const started = Date.now();
			const poll = stream.read({ start: { from: { seqNum: 1 } }, stop: { waitSecs: 20 } });
			setTimeout(() => {
				stream.append(AppendInput.create([AppendRecord.string({ body: "second" }), AppendRecord.string({ body: "third" })])).catch(() => {});
			}, 1000);
			const batch = await poll;
			const elapsed = Date.now() - started;
			assert.deepEqual(batch.records.map(plain), [
				{ seqNum: 1, body: "second", headers: [] },
				{ seqNum: 2, body: "third", headers: [] },
			], "the long poll returns the live batch");
			assert.ok(elapsed < 15_000, `returned when the records arrived, not at the end of the wait (${elapsed} ms)`);
		},
	},
];

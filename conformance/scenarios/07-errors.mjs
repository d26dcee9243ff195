// Typed errors of unary calls: 412 (seq_num_mismatch, fencing_token_mismatch), 416 with tail, 404s.
import { AppendInput, AppendRecord, FencingTokenMismatchError, RangeNotSatisfiableError, SeqNumMismatchError } from "@s2-dev/streamstore";
import { assert, checkAck, expectS2Error, utf8 } from "../lib/harness.mjs";

const one = (body, options) => AppendInput.create([AppendRecord.string({ body })], options);
const oneBytes = (options) => AppendInput.create([AppendRecord.bytes({ body: new Uint8Array([1, 2, 3]) })], options);

export const scenarios = [
	{
		name: "errors: 412 seq_num_mismatch with the expected seq num (JSON and protobuf)",
		async run(t) {
			const { stream } = await t.newStream("e412-seq");
			checkAck(await stream.append(AppendInput.create([AppendRecord.string({ body: "a" }), AppendRecord.string({ body: "b" })])), 0, 2, "setup");
			let err = await expectS2Error(stream.append(one("c", { matchSeqNum: 5 })), { type: SeqNumMismatchError, status: 412 }, "JSON append, matchSeqNum 5");
			assert.equal(err.expectedSeqNum, 2, "expectedSeqNum (JSON)");
			err = await expectS2Error(stream.append(oneBytes({ matchSeqNum: 0 })), { type: SeqNumMismatchError, status: 412 }, "protobuf append, matchSeqNum 0");
			assert.equal(err.expectedSeqNum, 2, "expectedSeqNum (protobuf)");
			checkAck(await stream.append(one("c", { matchSeqNum: 2 })), 2, 3, "matching append");
			checkAck(await stream.append(oneBytes({ matchSeqNum: 3 })), 3, 4, "matching protobuf append");
			assert.equal((await stream.checkTail()).tail.seqNum, 4, "failed appends added nothing");
		},
	},
	{
		name: "errors: 412 fencing_token_mismatch with the expected token, checked before match_seq_num",
		async run(t) {
			const { stream } = await t.newStream("e412-fence");
			// Initially the token is "" and any fencing_token other than "" mismatches.
			let err = await expectS2Error(stream.append(one("x", { fencingToken: "abc" })), { type: FencingTokenMismatchError, status: 412 }, "token before any fence");
			assert.equal(err.expectedFencingToken, "", "initial token is empty");
			checkAck(await stream.append(AppendInput.create([AppendRecord.fence("writer-1")])), 0, 1, "fence");
			err = await expectS2Error(stream.append(one("x", { fencingToken: "writer-0" })), { type: FencingTokenMismatchError, status: 412 }, "wrong token (JSON)");
			assert.equal(err.expectedFencingToken, "writer-1", "expectedFencingToken (JSON)");
			err = await expectS2Error(stream.append(oneBytes({ fencingToken: "writer-0" })), { type: FencingTokenMismatchError, status: 412 }, "wrong token (protobuf)");
			assert.equal(err.expectedFencingToken, "writer-1", "expectedFencingToken (protobuf)");
			err = await expectS2Error(
				stream.append(one("x", { fencingToken: "writer-0", matchSeqNum: 99 })),
				{ type: FencingTokenMismatchError, status: 412 },
				"wrong token and wrong seq num",
			);
			assert.equal(err.expectedFencingToken, "writer-1", "fencing is checked first");
			checkAck(await stream.append(one("y", { fencingToken: "writer-1", matchSeqNum: 1 })), 1, 2, "right token");
			checkAck(await stream.append(one("z")), 2, 3, "no token given: not checked");
			err = await expectS2Error(stream.append(one("x", { fencingToken: "writer-1", matchSeqNum: 0 })), { type: SeqNumMismatchError, status: 412 }, "right token, wrong seq num");
			assert.equal(err.expectedSeqNum, 3, "expectedSeqNum");
		},
	},
	{
		name: "errors: 416 range not satisfiable with tail (unary read)",
		async run(t) {
			const { stream } = await t.newStream("e416");
			const base = Date.now() - 60_000;
			await stream.append(
				AppendInput.create([0, 1, 2].map((i) => AppendRecord.string({ body: `r${i}`, timestamp: base + i * 1000 }))),
			);
			let err = await expectS2Error(stream.read({ start: { from: { seqNum: 10 } } }), { type: RangeNotSatisfiableError, status: 416 }, "read from seq 10 of 3");
			assert.equal(err.tail?.seqNum, 3, "416 tail seqNum");
			assert.equal(err.tail?.timestamp.getTime(), base + 2000, "416 tail timestamp");
			err = await expectS2Error(stream.read({ start: { from: { seqNum: 10 } } }, { as: "bytes" }), { type: RangeNotSatisfiableError, status: 416 }, "protobuf read from seq 10 of 3");
			assert.equal(err.tail?.seqNum, 3, "416 tail seqNum (protobuf read)");
			err = await expectS2Error(stream.read({ start: { from: { seqNum: 3 } } }), { type: RangeNotSatisfiableError, status: 416 }, "unary read at the tail without wait");
			assert.equal(err.tail?.seqNum, 3, "416 tail at the tail");
			err = await expectS2Error(stream.read({ start: { from: { seqNum: 10 }, clamp: true } }), { type: RangeNotSatisfiableError, status: 416 }, "clamped to the tail, no wait");
			assert.equal(err.tail?.seqNum, 3, "416 tail after clamp");
			err = await expectS2Error(stream.read({ start: { from: { timestamp: base + 5000 } } }), { type: RangeNotSatisfiableError, status: 416 }, "timestamp after the tail");
			assert.equal(err.tail?.seqNum, 3, "416 tail for a timestamp start");
			const started = Date.now();
			const waited = await stream.read({ start: { from: { seqNum: 10 }, clamp: true }, stop: { waitSecs: 1 } });
			assert.deepEqual(waited.records, [], "clamped read with wait=1 returns no records");
			assert.ok(Date.now() - started >= 900, "clamped read with wait=1 waited about a second");
			const tailOffset = await stream.read({ start: { from: { tailOffset: 10 } } });
			assert.deepEqual(tailOffset.records.map((r) => r.body), ["r0", "r1", "r2"], "tail_offset beyond the head saturates at 0");
			const empty = t.s2.basin((await t.newBasin("e416-empty")).name);
			await empty.streams.create({ stream: "empty" });
			err = await expectS2Error(empty.stream("empty").read({ start: { from: { seqNum: 0 } } }), { type: RangeNotSatisfiableError, status: 416 }, "read of an empty stream");
			assert.equal(err.tail?.seqNum, 0, "416 tail of an empty stream");
		},
	},
	{
		name: "errors: 404 basin_not_found and stream_not_found",
		async run(t) {
			const s2 = t.s2;
			const missingBasin = t.basinName("missing");
			await expectS2Error(s2.basins.getConfig({ basin: missingBasin }), { status: 404, code: "basin_not_found" }, "getConfig of a missing basin");
			await expectS2Error(s2.basins.reconfigure({ basin: missingBasin, createStreamOnRead: true }), { status: 404, code: "basin_not_found" }, "reconfigure of a missing basin");
			await expectS2Error(s2.basin(missingBasin).streams.list(), { status: 404, code: "basin_not_found" }, "list streams of a missing basin");
			await expectS2Error(s2.basin(missingBasin).streams.create({ stream: "s" }), { status: 404, code: "basin_not_found" }, "create stream in a missing basin");
			await expectS2Error(s2.basin(missingBasin).stream("s").checkTail(), { status: 404, code: "basin_not_found" }, "check tail in a missing basin");

			const basin = await t.newBasin("e404");
			const missing = basin.stream("missing");
			await expectS2Error(basin.streams.getConfig({ stream: "missing" }), { status: 404, code: "stream_not_found" }, "getConfig of a missing stream");
			await expectS2Error(missing.checkTail(), { status: 404, code: "stream_not_found" }, "check tail of a missing stream");
			await expectS2Error(missing.read({ start: { from: { seqNum: 0 } } }), { status: 404, code: "stream_not_found" }, "read of a missing stream");
			await expectS2Error(missing.read({ start: { from: { seqNum: 0 } } }, { as: "bytes" }), { status: 404, code: "stream_not_found" }, "protobuf read of a missing stream");
			await expectS2Error(missing.append(one("x")), { status: 404, code: "stream_not_found" }, "JSON append to a missing stream");
			await expectS2Error(missing.append(AppendInput.create([AppendRecord.bytes({ body: utf8("x") })])), { status: 404, code: "stream_not_found" }, "protobuf append to a missing stream");
		},
	},
	{
		name: "errors: 422 invalid records (empty header name, unknown command, bad command bodies)",
		async run(t) {
			const { stream } = await t.newStream("e422");
			const raw = (records) => ({ records, meteredBytes: 0 });
			const cases = [
				["a header with an empty name next to another header", [AppendRecord.string({ body: "x", headers: [["", "fence"], ["a", "b"]] })]],
				["an empty header name on a data record", [AppendRecord.string({ body: "x", headers: [["ok", "1"], ["", "v"]] })]],
				["an unknown command", [AppendRecord.string({ body: "x", headers: [["", "explode"]] })]],
				["a fencing token over 36 bytes", [AppendRecord.string({ body: "t".repeat(37), headers: [["", "fence"]] })]],
				["a trim body that is not 8 bytes", [AppendRecord.bytes({ body: new Uint8Array([1, 2, 3]), headers: [[utf8(""), utf8("trim")]] })]],
			];
			for (const [what, records] of cases) {
				await expectS2Error(stream.append(raw(records)), { status: 422, code: "invalid" }, what);
			}
			assert.equal((await stream.checkTail()).tail.seqNum, 0, "nothing was appended");
			await expectS2Error(
				stream.append({ records: [AppendRecord.string({ body: "x" })], fencingToken: "f".repeat(37), meteredBytes: 0 }),
				{ status: 422, code: "invalid" },
				"a fencing_token condition over 36 bytes",
			);
		},
	},
];

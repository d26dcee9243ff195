// Wire-level checks the SDK cannot make: malformed requests get S2's error JSON with the status and
// code of s2-protocol.md §6 (as s2-lite maps them), and bad S2S frames end a session with a
// terminal frame.
import http2 from "node:http2";
import { AppendInput, AppendRecord } from "@s2-dev/streamstore";
import { assert, withTimeout } from "../lib/harness.mjs";

async function call(t, method, path, { basin, headers = {}, body } = {}) {
	const res = await fetch(`${t.url}${path}`, {
		method,
		headers: { authorization: "Bearer conformance-token", ...(basin ? { "s2-basin": basin } : {}), ...headers },
		body,
	});
	const text = await res.text();
	let json;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	return { status: res.status, json, text };
}

function expectError(res, status, code, what) {
	assert.ok(res.json && typeof res.json === "object", `${what}: body is JSON (got ${JSON.stringify(res.text.slice(0, 200))})`);
	assert.deepEqual([res.status, res.json.code], [status, code], `${what}: status and code (message ${JSON.stringify(res.json.message)})`);
	assert.equal(typeof res.json.message, "string", `${what}: message`);
}

/** Sends raw bytes as an S2S append session body; returns the response frames. */
function s2sAppend(url, basin, stream, bytes) {
	return new Promise((resolve, reject) => {
		const client = http2.connect(url);
		client.on("error", reject);
		const req = client.request({
			":method": "POST",
			":path": `/v1/streams/${encodeURIComponent(stream)}/records`,
			"content-type": "s2s/proto",
			authorization: "Bearer conformance-token",
			"s2-basin": basin,
		});
		const chunks = [];
		let status;
		req.on("response", (h) => (status = h[":status"]));
		req.on("data", (c) => chunks.push(c));
		req.on("error", (e) => {
			client.close();
			reject(e);
		});
		req.on("end", () => {
			client.close();
			const buf = Buffer.concat(chunks);
			const frames = [];
			for (let off = 0; off + 4 <= buf.length; ) {
				const len = (buf[off] << 16) | (buf[off + 1] << 8) | buf[off + 2];
				frames.push({ flag: buf[off + 3], payload: buf.subarray(off + 4, off + 3 + len) });
				off += 3 + len;
			}
			resolve({ status, frames });
		});
		req.write(bytes);
		req.end();
	});
}

const frame = (flag, payload) => {
	const len = payload.length + 1;
	return Buffer.concat([Buffer.from([len >> 16, (len >> 8) & 255, len & 255, flag]), payload]);
};
// AppendInput{records:[{body:"s1"}]}
const GOOD = Buffer.from("0a041a027331", "hex");

function expectTerminal(result, status, code, what) {
	assert.equal(result.status, 200, `${what}: the session was established`);
	const last = result.frames.at(-1);
	assert.ok(last && (last.flag & 0x80) === 0x80, `${what}: ends with a terminal frame (frames: ${result.frames.map((f) => f.flag.toString(16)).join(",")})`);
	const got = last.payload.readUInt16BE(0);
	const json = JSON.parse(last.payload.subarray(2).toString("utf8"));
	assert.deepEqual([got, json.code], [status, code], `${what}: terminal status and code (message ${JSON.stringify(json.message)})`);
}

export const scenarios = [
	{
		name: "wire: malformed HTTP requests get S2 error JSON (bad_json, bad_proto, bad_query, invalid)",
		async run(t) {
			const { basin, streamName, stream } = await t.newStream("raw-http");
			await stream.append(AppendInput.create([AppendRecord.string({ body: "a", timestamp: 5000 })]));
			const records = `/v1/streams/${encodeURIComponent(streamName)}/records`;
			expectError(await call(t, "POST", "/v1/basins", { headers: { "content-type": "application/json" }, body: "{not json" }), 400, "bad_json", "create basin with broken JSON");
			expectError(
				await call(t, "POST", records, { basin: basin.name, headers: { "content-type": "application/json" }, body: '{"records":"nope"}' }),
				400,
				"bad_json",
				"append with a wrongly typed JSON field",
			);
			expectError(
				await call(t, "POST", records, { basin: basin.name, headers: { "content-type": "application/protobuf" }, body: new Uint8Array([0xff, 0xff, 0xff]) }),
				400,
				"bad_proto",
				"append with a broken protobuf body",
			);
			expectError(await call(t, "GET", `${records}?seq_num=abc`, { basin: basin.name }), 400, "bad_query", "read with seq_num=abc");
			expectError(await call(t, "GET", `${records}?seq_num=0&tail_offset=1`, { basin: basin.name }), 422, "invalid", "read with two start selectors");
			expectError(await call(t, "GET", `${records}?timestamp=5000&until=5000`, { basin: basin.name }), 422, "invalid", "read with until <= start timestamp");
			assert.equal((await stream.checkTail()).tail.seqNum, 1, "nothing appended by the bad requests");
		},
	},
	{
		name: "wire: bad S2S append frames end the session with a terminal 400 bad_frame",
		async run(t) {
			const { basin, streamName, stream } = await t.newStream("raw-s2s");
			const ok = await withTimeout(s2sAppend(t.url, basin.name, streamName, frame(0x00, GOOD)), 10_000, "good frame");
			assert.equal(ok.status, 200, "a good frame is acknowledged");
			assert.deepEqual(ok.frames.map((f) => f.flag), [0x00], "one ack, no terminal frame on a clean close");
			const badCompression = await withTimeout(s2sAppend(t.url, basin.name, streamName, Buffer.concat([frame(0x00, GOOD), frame(0x60, GOOD)])), 10_000, "compression 11");
			expectTerminal(badCompression, 400, "bad_frame", "compression bits 11");
			assert.equal(badCompression.frames[0].flag, 0x00, "the good frame before it is acknowledged first");
			const clientTerminal = await withTimeout(s2sAppend(t.url, basin.name, streamName, frame(0x80, Buffer.from([0x01, 0x90, 0x7b, 0x7d]))), 10_000, "client terminal frame");
			expectTerminal(clientTerminal, 400, "bad_frame", "a terminal frame sent by the client");
			const garbage = await withTimeout(s2sAppend(t.url, basin.name, streamName, frame(0x00, Buffer.from([0xff, 0xff, 0xff, 0xff]))), 10_000, "garbage protobuf");
			expectTerminal(garbage, 400, "bad_frame", "an undecodable AppendInput");
			assert.equal((await stream.checkTail()).tail.seqNum, 2, "only the two good frames were appended");
		},
	},
];

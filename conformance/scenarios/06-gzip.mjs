// gzip compression on the s2s transport: compressed append frames (>= 1 KiB) up, compressed read
// frames down when negotiated, and never compressed frames to a client that did not ask for them.
// ts-sdk.md §8: a compressed batch can overtake a small one inside the SDK, so every submit here
// waits for the previous ack.
import http2 from "node:http2";
import { gunzipSync } from "node:zlib";
import { AppendInput, AppendRecord } from "@s2-dev/streamstore";
import { assert, checkAck, closeQuietly, readToEnd, withTimeout } from "../lib/harness.mjs";

const bigBody = (i) => `record ${i} `.repeat(400); // ~4.4 KB, compresses well

function expectedRecords() {
	const out = [];
	let seq = 0;
	for (let batch = 0; batch < 4; batch++) {
		out.push({ seqNum: seq++, body: bigBody(batch) });
		out.push({ seqNum: seq++, body: `small ${batch}` });
	}
	out.push({ seqNum: seq++, body: "tiny" });
	return out;
}

/** Raw HTTP/2 read session: returns the flag bytes of every frame the server sent. */
function rawReadFrames(url, basin, stream, query, acceptEncoding) {
	return new Promise((resolve, reject) => {
		const client = http2.connect(url);
		client.on("error", reject);
		const headers = {
			":method": "GET",
			":path": `/v1/streams/${encodeURIComponent(stream)}/records?${query}`,
			"content-type": "s2s/proto",
			accept: "application/protobuf",
			authorization: "Bearer conformance-token",
			"s2-basin": basin,
		};
		if (acceptEncoding) headers["accept-encoding"] = acceptEncoding;
		const req = client.request(headers);
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
			let off = 0;
			while (off + 4 <= buf.length) {
				const len = (buf[off] << 16) | (buf[off + 1] << 8) | buf[off + 2];
				const flag = buf[off + 3];
				frames.push({ flag, payload: buf.subarray(off + 4, off + 3 + len) });
				off += 3 + len;
			}
			resolve({ status, frames, trailing: buf.length - off });
		});
		req.end();
	});
}

export const scenarios = [
	{
		name: "gzip: s2s append and read sessions with compression gzip",
		async run(t) {
			const gz = t.client({ compression: "gzip" });
			const { basin, streamName } = await t.newStream("gzip", { client: gz });
			const stream = basin.stream(streamName, { forceTransport: "s2s" });
			t.onCleanup(() => stream.close());
			const session = await stream.appendSession();
			t.onCleanup(() => closeQuietly(session));
			let seq = 0;
			for (let batch = 0; batch < 4; batch++) {
				const ticket = await session.submit(
					AppendInput.create([AppendRecord.string({ body: bigBody(batch) }), AppendRecord.string({ body: `small ${batch}` })]),
				);
				checkAck(await withTimeout(ticket.ack(), 10_000, `ack of compressed batch ${batch}`), seq, seq + 2, `batch ${batch}`);
				seq += 2;
			}
			const small = await session.submit(AppendInput.create([AppendRecord.string({ body: "tiny" })]));
			checkAck(await withTimeout(small.ack(), 10_000, "ack of an uncompressed batch"), seq, seq + 1, "small batch");
			await withTimeout(session.close(), 10_000, "close");

			const expected = expectedRecords();
			const read = await readToEnd(await stream.readSession({ start: { from: { seqNum: 0 } }, stop: { limits: { count: 9 } } }), 15_000);
			assert.deepEqual(read.map((r) => ({ seqNum: r.seqNum, body: r.body })), expected, "read back by a gzip client");

			// A client without compression must never receive compressed frames.
			const plainStream = t.s2.basin(basin.name).stream(streamName, { forceTransport: "s2s" });
			t.onCleanup(() => plainStream.close());
			const plainRead = await readToEnd(await plainStream.readSession({ start: { from: { seqNum: 0 } }, stop: { limits: { count: 9 } } }), 15_000);
			assert.deepEqual(plainRead.map((r) => ({ seqNum: r.seqNum, body: r.body })), expected, "read back by a client without compression");
		},
	},
	{
		name: "gzip: server compresses s2s read frames >= 1 KiB only when gzip is accepted",
		async run(t) {
			const { basin, streamName, stream } = await t.newStream("gzip-raw");
			await stream.append(AppendInput.create(expectedRecords().map((r) => AppendRecord.string({ body: r.body }))));
			const withGzip = await withTimeout(rawReadFrames(t.url, basin.name, streamName, "seq_num=0&count=9", "gzip"), 15_000, "raw read");
			assert.equal(withGzip.status, 200, "status");
			assert.equal(withGzip.trailing, 0, "whole frames");
			const data = withGzip.frames.filter((f) => (f.flag & 0x80) === 0);
			assert.ok(data.length >= 1, "at least one frame");
			const first = data[0];
			assert.equal(first.flag & 0x60, 0x40, `a read batch of ~18 KB is gzip-compressed (flag 0x${first.flag.toString(16)})`);
			assert.ok(gunzipSync(first.payload).length >= 1024, "payload is a gzip stream of the batch");
			const without = await withTimeout(rawReadFrames(t.url, basin.name, streamName, "seq_num=0&count=9", undefined), 15_000, "raw read");
			assert.equal(without.status, 200, "status");
			for (const f of without.frames) assert.equal(f.flag & 0x60, 0, "no compression without accept-encoding");
		},
	},
];

// One benchmark scenario driven by the official TypeScript SDK, for the Java load harness
// (s2-benchmarks). Usage: node bench/ts-bench.mjs '<json config>'. Prints one JSON line with the
// result. Records follow the harness's layout: body = u64 index, u64 send time (ns), filler.
import { AppendInput, AppendRecord, S2 } from "@s2-dev/streamstore";
import { serialization } from "@s2-dev/streamstore-patterns";
import { readFileSync } from "node:fs";

const config = JSON.parse(process.argv[2]);
const s2 = new S2({
	accessToken: "bench",
	endpoints: { account: config.url, basin: config.url },
	retry: { maxAttempts: 1 },
	requestTimeoutMillis: 30_000,
	// 10,000 streams open 200 connections one after another from one busy event loop: the
	// 3 s default is too short for the last of them
	connectionTimeoutMillis: 30_000,
});
const basin = s2.basin(config.basin);
const stream = (name) => basin.stream(name, { forceTransport: "s2s" });
const now = () => process.hrtime.bigint();

const fillers = new Map();
function filler(size) {
	let bytes = fillers.get(size);
	if (!bytes) {
		bytes = new Uint8Array(size);
		for (let i = 0; i < size; i++) bytes[i] = 97 + (i % 26);
		fillers.set(size, bytes);
	}
	return bytes;
}

function body(index, nanos, size) {
	const bytes = new Uint8Array(Math.max(16, size));
	bytes.set(filler(bytes.length));
	const view = new DataView(bytes.buffer);
	view.setBigUint64(0, BigInt(index));
	view.setBigUint64(8, nanos);
	return bytes;
}

function batch(first, count, nanos, size) {
	const records = [];
	for (let i = 0; i < count; i++) records.push(AppendRecord.bytes({ body: body(first + i, nanos, size) }));
	return AppendInput.create(records);
}

async function appendThroughput() {
	const session = await stream(config.stream).appendSession({ maxInflightBytes: 5 * 1024 * 1024 });
	const cpuBefore = process.cpuUsage();
	const start = now();
	const deadline = start + BigInt(config.durationMs) * 1_000_000n;
	let last;
	let batches = 0;
	while (now() < deadline) {
		const ticket = await session.submit(batch(batches * config.batchRecords, config.batchRecords, 0n, config.recordBytes));
		last = ticket.ack();
		batches++;
	}
	await last;
	const end = now();
	const cpu = process.cpuUsage(cpuBefore);
	await session.close();
	const records = batches * config.batchRecords;
	return {
		records,
		bodyBytes: records * config.recordBytes,
		nanos: Number(end - start),
		cpuNanos: (cpu.user + cpu.system) * 1000,
	};
}

async function paced(total, send) {
	const interval = 1_000_000_000n / BigInt(config.rate);
	let next = now();
	for (let i = 0; i < total; i++) {
		const slot = next;
		next += interval;
		const wait = Number(slot - now()) / 1e6;
		if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
		await send(i, slot);
	}
}

async function ackLatency() {
	const session = await stream(config.stream).appendSession({ maxInflightBytes: 5 * 1024 * 1024 });
	const total = Math.max(1, Math.floor((config.durationMs / 1000) * config.rate));
	const latencies = [];
	const acks = [];
	await paced(total, async (i, slot) => {
		const ticket = await session.submit(batch(i, 1, 0n, config.recordBytes));
		acks.push(ticket.ack().then(() => latencies.push(Number(now() - slot) / 1000)));
	});
	await Promise.all(acks);
	await session.close();
	return { latenciesMicros: latencies };
}

async function endToEndLatency() {
	const s = stream(config.stream);
	const reader = await s.readSession({ start: { from: { seqNum: 0 } } }, { as: "bytes" });
	const total = Math.max(1, Math.floor((config.durationMs / 1000) * config.rate));
	const latencies = [];
	const received = (async () => {
		for await (const record of reader) {
			const sent = new DataView(record.body.buffer, record.body.byteOffset, record.body.byteLength).getBigUint64(8);
			latencies.push(Number(now() - sent) / 1000);
			if (latencies.length >= total) break;
		}
	})();
	const session = await s.appendSession({ maxInflightBytes: 5 * 1024 * 1024 });
	await paced(total, async (i, slot) => {
		await session.submit(batch(i, 1, slot, config.recordBytes));
	});
	await received;
	await session.close();
	await reader.cancel?.().catch(() => {});
	return { latenciesMicros: latencies };
}

async function catchUpRead() {
	const reader = await stream(config.stream).readSession(
		{ start: { from: { seqNum: 0 } }, stop: { limits: { count: config.records } } },
		{ as: "bytes" },
	);
	const start = now();
	let records = 0;
	let bodyBytes = 0;
	for await (const record of reader) {
		records++;
		bodyBytes += record.body.byteLength;
		if (records >= config.records) break;
	}
	return { records, bodyBytes, nanos: Number(now() - start) };
}

/** Established TCP connections accepted on the server's port, from the kernel's socket tables. */
function serverConnections() {
	const port = `:${Number(new URL(config.url).port).toString(16).toUpperCase().padStart(4, "0")}`;
	let count = 0;
	for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
		let text = "";
		try {
			text = readFileSync(table, "utf8");
		} catch {
			continue;
		}
		for (const line of text.split("\n").slice(1)) {
			const fields = line.trim().split(/\s+/);
			if (fields.length > 3 && fields[1].endsWith(port) && fields[3] === "01") count++;
		}
	}
	return count;
}

async function scale() {
	globalThis.gc?.();
	const heapBefore = process.memoryUsage().heapUsed;
	const sessions = [];
	const echoes = [];
	for (let i = 0; i < config.streams; i++) {
		const s = stream(`${config.stream}${i}`);
		const reader = await s.readSession({ start: { from: { seqNum: 0 } } }, { as: "bytes" });
		const append = await s.appendSession();
		sessions.push(reader, append);
		echoes.push(
			(async () => {
				for await (const _record of reader) return 1;
				return 0;
			})(),
		);
		await append.submit(batch(0, 1, 0n, 16));
	}
	const echoed = (await Promise.all(echoes)).reduce((a, b) => a + b, 0);
	const connections = serverConnections() - config.connectionsBefore;
	globalThis.gc?.();
	const heapMib = (process.memoryUsage().heapUsed - heapBefore) / (1024 * 1024);
	for (const session of sessions) {
		await (session.close?.() ?? session.cancel?.())?.catch?.(() => {});
	}
	return { streams: config.streams, connections, heapMib, threads: null, echoed };
}

async function patterns() {
	const s = stream(config.stream);
	const message = new Uint8Array(config.messageBytes);
	for (let i = 0; i < message.length; i++) message[i] = (i * 31) & 0xff;
	const start = now();
	const appendSession = await s.appendSession({ maxInflightBytes: 5 * 1024 * 1024 });
	const writer = new serialization.SerializingAppendSession(appendSession, (m) => m, { dedupeSeq: 0 });
	await writer.submit(message);
	await appendSession.close();
	const readSession = await s.readSession({ start: { from: { seqNum: 0 } } }, { as: "bytes" });
	const messages = new serialization.DeserializingReadSession(readSession, (b) => b);
	const reader = messages.getReader();
	const step = await reader.read();
	const end = now();
	await reader.cancel().catch(() => {});
	if (step.done || step.value.byteLength !== message.byteLength) throw new Error("patterns message not reassembled");
	return { records: 1, bodyBytes: message.byteLength, nanos: Number(end - start) };
}

const scenarios = { appendThroughput, ackLatency, endToEndLatency, catchUpRead, scale, patterns };
try {
	const result = await scenarios[config.scenario]();
	process.stdout.write(JSON.stringify(result) + "\n");
	process.exit(0);
} catch (error) {
	process.stderr.write(`ts-bench ${config.scenario} failed: ${error?.stack ?? error}\n`);
	process.exit(1);
}

// Shared helpers for conformance scenarios: SDK clients pointed at the server under test,
// unique resource names, strict assertions and time-bounded session helpers.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { S2, S2Error } from "@s2-dev/streamstore";

export { assert };

/** Unique per runner process, so parallel or repeated runs never collide on names. */
export const RUN_ID = randomBytes(3).toString("hex");
let counter = 0;

/** A valid, unique basin name (8..48 chars of [a-z0-9-]) that contains `tag`. */
export function uniqueBasinName(tag) {
	const clean = String(tag).toLowerCase().replace(/[^a-z0-9-]/g, "-").slice(0, 24);
	counter += 1;
	// Fixed-width counter: no generated name is a prefix of another one.
	return `cf-${clean}-${RUN_ID}${String(counter).padStart(3, "0")}`.replace(/-+/g, "-");
}

/** The token every client sends unless told otherwise; the root token when the server runs with --auth. */
export const ROOT_TOKEN = "conformance-token";

/** An S2 client for the server under test: both endpoints on one origin, one attempt (no retries). */
export function makeClient(url, options = {}) {
	return new S2({
		accessToken: options.accessToken ?? ROOT_TOKEN,
		endpoints: { account: url, basin: url },
		retry: { maxAttempts: 1, ...(options.retry ?? {}) },
		requestTimeoutMillis: options.requestTimeoutMillis ?? 30_000,
		connectionTimeoutMillis: options.connectionTimeoutMillis ?? 15_000,
		...(options.compression ? { compression: options.compression } : {}),
	});
}

/** Rejects after `ms` with a message naming what was awaited. */
export function withTimeout(promise, ms, what) {
	let timer;
	const timeout = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Awaits `promiseOrFn` and asserts it rejects with an S2Error matching `expected`
 * ({type, status, code, origin}); returns the error for further checks.
 */
export async function expectS2Error(promiseOrFn, expected, what = "operation") {
	let result;
	try {
		result = await (typeof promiseOrFn === "function" ? promiseOrFn() : promiseOrFn);
	} catch (err) {
		checkError(err, expected, what);
		return err;
	}
	assert.fail(`${what}: expected ${describeExpected(expected)} but it succeeded with ${safeJson(result)}`);
}

/** Asserts that `err` is an S2Error matching `expected`. */
export function checkError(err, expected, what = "operation") {
	const desc = `${what}: expected ${describeExpected(expected)}, got ${describeError(err)}`;
	assert.ok(err instanceof S2Error, desc);
	if (expected.type) assert.ok(err instanceof expected.type, desc);
	if (expected.status !== undefined) assert.equal(err.status, expected.status, desc);
	if (expected.code !== undefined) assert.equal(err.code, expected.code, desc);
	if (expected.origin !== undefined) assert.equal(err.origin, expected.origin, desc);
}

function describeExpected(e) {
	return [e.type?.name ?? "S2Error", e.status && `status ${e.status}`, e.code && `code ${e.code}`]
		.filter(Boolean)
		.join(" ");
}

/** A one-line description of any error, with S2Error details. */
export function describeError(err) {
	if (err instanceof S2Error) {
		const extra = [];
		if (err.expectedSeqNum !== undefined) extra.push(`expectedSeqNum=${err.expectedSeqNum}`);
		if (err.expectedFencingToken !== undefined) extra.push(`expectedFencingToken=${JSON.stringify(err.expectedFencingToken)}`);
		if (err.tail !== undefined) extra.push(`tail=${safeJson(err.tail)}`);
		return `${err.constructor.name}{status=${err.status}, code=${err.code}, origin=${err.origin}, message=${JSON.stringify(err.message)}${extra.length ? ", " + extra.join(", ") : ""}}`;
	}
	return err instanceof Error ? `${err.constructor.name}: ${err.message}` : String(err);
}

export function safeJson(value) {
	try {
		return JSON.stringify(value, (_, v) => (v instanceof Uint8Array ? `bytes(${Buffer.from(v).toString("hex")})` : v));
	} catch {
		return String(value);
	}
}

const readers = new WeakMap();

/** One reader per session (a ReadableStream allows one), shared by the helpers below. */
export function readerOf(session) {
	let reader = readers.get(session);
	if (!reader) {
		reader = session.getReader();
		readers.set(session, reader);
	}
	return reader;
}

/** Reads exactly `n` records from a session, failing after `ms`. */
export async function takeRecords(session, n, ms = 30_000, what = `${n} records`) {
	const out = [];
	const reader = readerOf(session);
	const deadline = Date.now() + ms;
	while (out.length < n) {
		const left = deadline - Date.now();
		const step = await withTimeout(reader.read(), Math.max(left, 1), `${what} (got ${out.length})`);
		if (step.done) {
			assert.fail(`${what}: session ended after ${out.length} records`);
		}
		out.push(step.value);
	}
	return out;
}

/** Reads a session until it ends by itself (bounded reads), failing after `ms`. */
export async function readToEnd(session, ms = 30_000, what = "session end") {
	const out = [];
	const reader = readerOf(session);
	const deadline = Date.now() + ms;
	for (;;) {
		const left = deadline - Date.now();
		const step = await withTimeout(reader.read(), Math.max(left, 1), `${what} (got ${out.length} records)`);
		if (step.done) return out;
		out.push(step.value);
	}
}

/** Cancels a read session, ignoring errors (cleanup only). */
export async function closeQuietly(resource) {
	if (!resource) return;
	try {
		const reader = readers.get(resource);
		if (reader) {
			await withTimeout(reader.cancel(), 5_000, "session cancel");
		} else if (typeof resource.cancel === "function" && !resource.locked) {
			await withTimeout(resource.cancel(), 5_000, "session cancel");
		} else if (typeof resource[Symbol.asyncDispose] === "function") {
			await withTimeout(resource[Symbol.asyncDispose](), 5_000, "session dispose");
		} else if (typeof resource.close === "function") {
			await withTimeout(resource.close(), 5_000, "close");
		}
	} catch {
		// cleanup only
	}
}

/** Plain view of a string read record for exact comparison. */
export function plain(record) {
	return {
		seqNum: record.seqNum,
		body: record.body,
		headers: record.headers.map(([k, v]) => [k, v]),
	};
}

/** Plain view of a bytes read record (hex) for exact comparison. */
export function plainBytes(record) {
	const hex = (b) => Buffer.from(b).toString("hex");
	return {
		seqNum: record.seqNum,
		body: hex(record.body),
		headers: record.headers.map(([k, v]) => [hex(k), hex(v)]),
	};
}

export const hex = (bytes) => Buffer.from(bytes).toString("hex");
export const utf8 = (s) => new TextEncoder().encode(s);

/** Asserts the ack covers [start, end) with tail == end (single writer). */
export function checkAck(ack, start, end, what = "ack") {
	assert.equal(ack.start.seqNum, start, `${what}: start.seqNum`);
	assert.equal(ack.end.seqNum, end, `${what}: end.seqNum`);
	// The tail is the stream's tail when the ack was sent: at least `end`, and more when later
	// batches of a pipelined session became durable in the same commit (s2.proto: "tail >= end").
	assert.ok(ack.tail.seqNum >= end, `${what}: tail.seqNum ${ack.tail.seqNum} >= ${end}`);
	assert.ok(ack.start.timestamp instanceof Date && ack.end.timestamp instanceof Date, `${what}: timestamps are Dates`);
	assert.ok(ack.end.timestamp.getTime() >= ack.start.timestamp.getTime(), `${what}: end.timestamp >= start.timestamp`);
}

/** Asserts timestamps never decrease across records. */
export function checkMonotonicTimestamps(records, what = "records") {
	for (let i = 1; i < records.length; i++) {
		assert.ok(
			records[i].timestamp.getTime() >= records[i - 1].timestamp.getTime(),
			`${what}: timestamp of seq ${records[i].seqNum} < previous`,
		);
	}
}

/**
 * Per-scenario context: creates uniquely named basins, remembers them and deletes them afterwards.
 */
export class ScenarioContext {
	constructor(url, name) {
		this.url = url;
		this.name = name;
		this.clients = [];
		this.basins = [];
		this.cleanups = [];
		this.s2 = this.client();
	}

	/** A new client (one attempt); options: {compression, requestTimeoutMillis, accessToken}. */
	client(options = {}) {
		const c = makeClient(this.url, options);
		this.clients.push(c);
		return c;
	}

	/** A unique basin name containing `tag`, deleted after the scenario if it exists. */
	basinName(tag = "b") {
		const name = uniqueBasinName(tag);
		this.basins.push(name);
		return name;
	}

	/** Creates a fresh basin (optionally with config) and returns its S2Basin handle. */
	async newBasin(tag = "b", config, client = this.s2) {
		const name = this.basinName(tag);
		await client.basins.create({ basin: name, ...(config ? { config } : {}) });
		return client.basin(name);
	}

	/** Creates a basin and a stream in it; returns {basin, name, stream(transport)}. */
	async newStream(tag = "s", { client = this.s2, streamName = "stream-1", transport, config } = {}) {
		const basin = await this.newBasin(tag, undefined, client);
		await basin.streams.create({ stream: streamName, ...(config ? { config } : {}) });
		const stream = basin.stream(streamName, transport ? { forceTransport: transport } : undefined);
		this.onCleanup(() => stream.close());
		return { basin, streamName, stream };
	}

	/** Registers a cleanup action run after the scenario (errors ignored). */
	onCleanup(fn) {
		this.cleanups.push(fn);
	}

	async cleanup() {
		for (const fn of this.cleanups.reverse()) {
			try {
				await withTimeout(Promise.resolve().then(fn), 5_000, "cleanup");
			} catch {
				// cleanup only
			}
		}
		for (const name of this.basins) {
			try {
				await withTimeout(this.s2.basins.delete({ basin: name }), 5_000, "basin cleanup");
			} catch {
				// already deleted or never created
			}
		}
	}
}

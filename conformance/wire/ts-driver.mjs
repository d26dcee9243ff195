// The TypeScript side of the wire comparison: performs every operation of operations.json with the
// official SDK, each one preceded by GET /health?mark=<name> so that a recording can be cut into
// operations. See README.md in this directory.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AppendInput, AppendRecord, S2 } from "@s2-dev/streamstore";

const HERE = dirname(fileURLToPath(import.meta.url));

/** The operations both SDKs perform, in order. */
export function loadOperations() {
	return JSON.parse(readFileSync(join(HERE, "operations.json"), "utf8"));
}

const bytes = (base64) => new Uint8Array(Buffer.from(base64, "base64"));

function stringRecords(records) {
	return records.map((r) => AppendRecord.string({ body: r.body, ...(r.headers ? { headers: r.headers } : {}) }));
}

function byteRecords(records) {
	return records.map((r) =>
		AppendRecord.bytes({ body: bytes(r.body), headers: (r.headers ?? []).map(([name, value]) => [bytes(name), bytes(value)]) }),
	);
}

const readInput = (op) => ({ start: { from: { seqNum: op.seqNum } }, stop: { limits: { count: op.count } } });

/** One SDK call per operation name; `client(compression)` gives a client with that compression. */
const OPERATIONS = {
	"locations.list": (s2) => s2.locations.list(),
	"locations.getDefault": (s2) => s2.locations.getDefault(),
	"locations.setDefault": (s2, op) => s2.locations.setDefault({ location: op.location }),
	"basins.create": (s2, op) => s2.basins.create({ basin: op.basin, config: op.config }),
	"basins.ensure": (s2, op) => s2.basins.ensure({ basin: op.basin, config: op.config }),
	"basins.list": (s2, op) => s2.basins.list({ prefix: op.prefix, limit: op.limit }),
	"basins.getConfig": (s2, op) => s2.basins.getConfig({ basin: op.basin }),
	"basins.reconfigure": (s2, op) =>
		s2.basins.reconfigure({ basin: op.basin, createStreamOnRead: op.createStreamOnRead, defaultStreamConfig: op.defaultStreamConfig }),
	"basins.delete": (s2, op) => s2.basins.delete({ basin: op.basin }),
	"streams.create": (s2, op) => s2.basin(op.basin).streams.create({ stream: op.stream, config: op.config }),
	"streams.ensure": (s2, op) => s2.basin(op.basin).streams.ensure({ stream: op.stream, config: op.config }),
	"streams.list": (s2, op) => s2.basin(op.basin).streams.list({ prefix: op.prefix, limit: op.limit }),
	"streams.getConfig": (s2, op) => s2.basin(op.basin).streams.getConfig({ stream: op.stream }),
	"streams.reconfigure": (s2, op) => s2.basin(op.basin).streams.reconfigure({ stream: op.stream, deleteOnEmpty: op.deleteOnEmpty }),
	"streams.delete": (s2, op) => s2.basin(op.basin).streams.delete({ stream: op.stream }),
	"accessTokens.issue": (s2, op) => s2.accessTokens.issue({ id: op.id, expiresAt: new Date(op.expiresAt), scope: op.scope }),
	"accessTokens.list": (s2, op) => s2.accessTokens.list({ prefix: op.prefix }),
	"accessTokens.revoke": (s2, op) => s2.accessTokens.revoke({ id: op.id }),
	"metrics.account": (s2, op) => s2.metrics.account({ set: op.set, start: op.start * 1000, end: op.end * 1000, interval: op.interval }),
	"metrics.basin": (s2, op) =>
		s2.metrics.basin({ basin: op.basin, set: op.set, start: op.start * 1000, end: op.end * 1000, interval: op.interval }),
	"metrics.stream": (s2, op) =>
		s2.metrics.stream({ basin: op.basin, stream: op.stream, set: op.set, start: op.start * 1000, end: op.end * 1000, interval: op.interval }),
	"append.strings": (s2, op) => stream(s2, op).append(AppendInput.create(stringRecords(op.records))),
	"append.bytes": (s2, op) => stream(s2, op).append(AppendInput.create(byteRecords(op.records), { matchSeqNum: op.matchSeqNum })),
	"append.fenced": (s2, op) => stream(s2, op).append(AppendInput.create(stringRecords(op.records), { fencingToken: op.fencingToken })),
	"read.strings": (s2, op) => stream(s2, op).read(readInput(op)),
	"read.bytes": (s2, op) => stream(s2, op).read(readInput(op), { as: "bytes" }),
	checkTail: (s2, op) => stream(s2, op).checkTail(),
	fence: (s2, op) => stream(s2, op).append(AppendInput.create([AppendRecord.fence(op.token)])),
	trim: (s2, op) => stream(s2, op).append(AppendInput.create([AppendRecord.trim(op.seqNum)])),
	appendSession: (s2, op, client) => appendSession(client(op.compression), op),
	"appendSession.gzip": (s2, op, client) => appendSession(client(op.compression), op),
	readSession: (s2, op, client) => readSession(client(op.compression), op),
	"readSession.gzip": (s2, op, client) => readSession(client(op.compression), op),
};

function stream(s2, op) {
	return s2.basin(op.basin).stream(op.stream);
}

async function appendSession(s2, op) {
	const target = s2.basin(op.basin).stream(op.stream, { forceTransport: "s2s" });
	try {
		const session = await target.appendSession();
		for (const batch of op.batches) {
			// One batch at a time: a compressed batch could overtake a small one (ts-sdk.md §8).
			await (await session.submit(AppendInput.create(stringRecords(batch)))).ack();
		}
		await session.close();
	} finally {
		await target.close();
	}
}

async function readSession(s2, op) {
	const target = s2.basin(op.basin).stream(op.stream, { forceTransport: "s2s" });
	try {
		const session = await target.readSession(readInput(op));
		let read = 0;
		for await (const record of session) {
			read += record ? 1 : 0;
		}
		if (read !== op.count) throw new Error(`${op.name}: read ${read} records, expected ${op.count}`);
	} finally {
		await target.close();
	}
}

/**
 * Performs every operation against the server at `url`, marking each; throws on the first that
 * fails. Returns the names performed.
 */
export async function drive(url, { operations, token } = loadOperations()) {
	const clients = new Map();
	const client = (compression = "none") => {
		if (!clients.has(compression)) {
			clients.set(
				compression,
				new S2({
					accessToken: token,
					endpoints: { account: url, basin: url },
					retry: { maxAttempts: 1 },
					...(compression !== "none" ? { compression } : {}),
				}),
			);
		}
		return clients.get(compression);
	};
	const done = [];
	for (const op of operations) {
		const perform = OPERATIONS[op.name];
		if (!perform) throw new Error(`unknown operation ${op.name}`);
		const marked = await fetch(`${url}/health?mark=${encodeURIComponent(op.name)}`);
		await marked.arrayBuffer();
		try {
			await perform(client(), op, client);
		} catch (err) {
			throw new Error(`${op.name} failed: ${err?.message ?? err}`);
		}
		done.push(op.name);
	}
	return done;
}

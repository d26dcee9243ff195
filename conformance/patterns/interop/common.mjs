// Shared by the patterns interop scripts, which the Java tests of s2-client run against
// s2-embedded (see PatternsInteropTests). Messages are JSON objects {id, body}; a message is
// summarised as "id:length:sha256(body)" so that 3 MiB bodies compare cheaply.
import { createHash } from "node:crypto";
import { S2 } from "@s2-dev/streamstore";

export const encoder = new TextEncoder();
export const decoder = new TextDecoder();
export const serialize = (m) => encoder.encode(JSON.stringify(m));
export const deserialize = (b) => JSON.parse(decoder.decode(b));

export function summary(m) {
	const body = String(m.body);
	return `${m.id}:${body.length}:${createHash("sha256").update(body).digest("hex")}`;
}

/** Deterministic printable text of `size` characters. */
export function text(size, seedText) {
	const parts = [];
	let seed = createHash("sha256").update(seedText).digest();
	let length = 0;
	while (length < size) {
		seed = createHash("sha256").update(seed).digest();
		const s = seed.toString("base64");
		parts.push(s);
		length += s.length;
	}
	return parts.join("").slice(0, size);
}

/** [url, basin, stream] from the command line; the server must allow any token. */
export function args() {
	const [url, basin, stream] = process.argv.slice(2);
	if (!url || !basin || !stream) {
		console.error("usage: node <script> <url> <basin> <stream>");
		process.exit(64);
	}
	const s2 = new S2({
		accessToken: "patterns-interop",
		endpoints: { account: url, basin: url },
		retry: { maxAttempts: 1 },
		requestTimeoutMillis: 20_000,
	});
	return { s2, stream: s2.basin(basin).stream(stream) };
}

export function withTimeout(promise, ms, what) {
	let timer;
	const timeout = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function main(run) {
	try {
		await run();
		process.exit(0);
	} catch (err) {
		console.error(err?.stack ?? String(err));
		process.exit(1);
	}
}

#!/usr/bin/env node
// Records what the official TypeScript SDK sends: starts the s2-embedded jar with --record, runs
// ts-driver.mjs (every operation of operations.json) against it and stops it. With --reference,
// the new recording is then compared with that one (the checked-in wire/ts-sdk.jsonl) by the
// server jar's CompareRecordings --strict: any finding fails, so a change in what the SDK sends
// (or in the driver) is seen; copy the new recording over the reference to accept it.
//
// Usage: node wire/record.mjs --jar <s2-embedded.jar> [--java <java>] --out <file.jsonl>
//                             [--reference <file.jsonl>]
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { startServer, stopServer } from "../lib/server.mjs";
import { drive } from "./ts-driver.mjs";

function parseArgs(argv) {
	const args = { java: "java", jar: undefined, out: undefined, reference: undefined, startupTimeout: 90 };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === "--jar") args.jar = argv[++i];
		else if (a === "--java") args.java = argv[++i];
		else if (a === "--out") args.out = argv[++i];
		else if (a === "--reference") args.reference = argv[++i];
		else throw new Error(`unknown option ${a}`);
	}
	if (!args.jar || !args.out) throw new Error("usage: record.mjs --jar <s2-embedded.jar> [--java <java>] --out <file.jsonl>");
	return args;
}

const args = parseArgs(process.argv.slice(2));
mkdirSync(dirname(args.out), { recursive: true });
const { server, url } = await startServer({ ...args, record: args.out });
try {
	const done = await drive(url);
	console.log(`wire: the TypeScript SDK performed ${done.length} operations; recording in ${args.out}`);
} finally {
	await stopServer(server);
}
if (args.reference) {
	const compared = spawnSync(
		args.java,
		["-cp", args.jar, "io.github.s2spring.embedded.record.CompareRecordings", "--strict", args.reference, args.out],
		{ stdio: "inherit" },
	);
	if (compared.status !== 0) {
		console.log(`wire: the recording differs from ${args.reference} (see above); if the change is intended, copy ${args.out} over it`);
		process.exit(1);
	}
}

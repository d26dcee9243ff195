#!/usr/bin/env node
// Starts the s2-embedded server jar on a free port, runs the conformance runner against it and
// always stops the server. Used by the Maven build (conformance/pom.xml).
//
// Usage: node with-server.mjs --jar <s2-embedded.jar> [--java <java binary>] [--timeout <seconds>]
//                             [--startup-timeout <seconds>] [--data-dir <dir>] [--restart-check]
//                             [--auth] [runner args...]
// --data-dir runs the server durably on disk in that directory; --fresh-data-dir deletes the
// directory first (use it only for a scratch directory such as target/conformance-data).
// --restart-check (with a data directory): after the scenarios, restart/restart-check.mjs writes
// state, the server is killed with SIGKILL and started again on the same directory, and the state
// is verified; it counts as one more scenario in the final "N passed, M failed" line.
// --auth starts the server with --auth and the runner's token (ROOT_TOKEN of lib/harness.mjs) as
// its root token, so every request must carry a valid token.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { killServer, killTree, startServer, stopAll, stopServer, track } from "./lib/server.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
	const args = { jar: undefined, java: "java", timeout: 900, startupTimeout: 90, dataDir: undefined, restartCheck: false, auth: false, runnerArgs: [] };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === "--jar") args.jar = argv[++i];
		else if (a === "--java") args.java = argv[++i];
		else if (a === "--timeout") args.timeout = Number(argv[++i]);
		else if (a === "--startup-timeout") args.startupTimeout = Number(argv[++i]);
		else if (a === "--data-dir") args.dataDir = argv[++i];
		else if (a === "--restart-check") args.restartCheck = true;
		else if (a === "--auth") args.auth = true;
		else if (a === "--fresh-data-dir") {
			args.dataDir = argv[++i];
			rmSync(args.dataDir, { recursive: true, force: true });
		}
		else args.runnerArgs.push(a);
	}
	return args;
}

function runRunner(url, args) {
	return new Promise((resolve) => {
		const runner = spawn(process.execPath, [join(HERE, "run.mjs"), url, ...args.runnerArgs], {
			cwd: HERE,
			stdio: ["ignore", "pipe", "inherit"],
		});
		track(runner);
		let passed = 0;
		let failed = 0;
		let pending = "";
		runner.stdout.on("data", (chunk) => {
			process.stdout.write(chunk);
			pending += chunk.toString();
			const lines = pending.split("\n");
			pending = lines.pop();
			for (const line of lines) {
				if (line.startsWith("PASS ")) passed++;
				else if (line.startsWith("FAIL ")) failed++;
			}
		});
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			console.log(`FAIL  conformance runner exceeded ${args.timeout} s and was killed`);
			killTree(runner, "SIGKILL");
		}, args.timeout * 1000);
		runner.on("exit", (code, signal) => {
			clearTimeout(timer);
			if (timedOut) {
				console.log(`${passed} passed, ${failed + 1} failed`);
				resolve({ code: 1, passed, failed: failed + 1 });
				return;
			}
			resolve({ code: code ?? (signal ? 1 : 0), passed, failed });
		});
	});
}

function runScript(script, scriptArgs, timeoutMs) {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [join(HERE, script), ...scriptArgs], { cwd: HERE, stdio: ["ignore", "pipe", "pipe"] });
		track(child);
		let output = "";
		child.stdout.on("data", (d) => (output += d));
		child.stderr.on("data", (d) => (output += d));
		const timer = setTimeout(() => killTree(child, "SIGKILL"), timeoutMs);
		child.on("exit", (code) => {
			clearTimeout(timer);
			resolve({ ok: code === 0, output: output.trim() });
		});
	});
}

/** Write, kill -9, restart on the same data directory, verify. Returns the server now running. */
async function restartCheck(args, started) {
	// The state goes to this module's target/ directory, never beside a data directory that may
	// lie outside the repository.
	const stateDir = join(HERE, "target");
	mkdirSync(stateDir, { recursive: true });
	const stateFile = join(stateDir, "conformance-restart-state.json");
	const name = "restart: acknowledged records, configs and fencing token survive kill -9 and restart";
	const begin = Date.now();
	let server = started.server;
	let failure;
	const written = await runScript("restart/restart-check.mjs", ["write", started.url, stateFile], 60_000);
	if (!written.ok) failure = `write phase: ${written.output}`;
	else {
		await killServer(server);
		try {
			const again = await startServer(args);
			server = again.server;
			const verified = await runScript("restart/restart-check.mjs", ["verify", again.url, stateFile], 60_000);
			if (!verified.ok) failure = `verify phase: ${verified.output}`;
		} catch (err) {
			failure = `restart: ${err.message}`;
		}
	}
	if (failure) console.log(`FAIL  ${name} (${Date.now() - begin} ms): ${failure}`);
	else console.log(`PASS  ${name} (${Date.now() - begin} ms)`);
	return { server, ok: !failure };
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (!args.jar || !existsSync(args.jar)) {
		console.log(`conformance: server jar not found: ${args.jar} (build s2-embedded first)`);
		console.log("0 passed, 1 failed");
		return 1;
	}
	if (args.restartCheck && !args.dataDir) {
		console.log("conformance: --restart-check needs --data-dir or --fresh-data-dir");
		console.log("0 passed, 1 failed");
		return 1;
	}
	let started;
	try {
		started = await startServer(args);
	} catch (err) {
		console.log(`conformance: ${err.message}`);
		console.log("0 passed, 1 failed");
		return 1;
	}
	console.log(`conformance: server started at ${started.url}${args.dataDir ? ` with --data-dir ${args.dataDir}` : " (in memory)"}${args.auth ? " with --auth" : ""}`);
	let server = started.server;
	try {
		const result = await runRunner(started.url, args);
		if (!args.restartCheck) return result.code;
		const restarted = await restartCheck(args, started);
		server = restarted.server;
		const passed = result.passed + (restarted.ok ? 1 : 0);
		const failed = result.failed + (restarted.ok ? 0 : 1);
		console.log(`${passed} passed, ${failed} failed`);
		return result.code === 0 && restarted.ok ? 0 : 1;
	} finally {
		await stopServer(server);
		console.log("conformance: server stopped");
	}
}

main().then(
	(code) => process.exit(code),
	(err) => {
		console.error(err);
		stopAll();
		process.exit(1);
	},
);

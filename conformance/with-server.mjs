#!/usr/bin/env node
// Starts the s2-embedded server jar on a free port, runs the conformance runner against it and
// always stops the server. Used by the Maven build (conformance/pom.xml).
//
// Usage: node with-server.mjs --jar <s2-embedded.jar> [--java <java binary>] [--timeout <seconds>]
//                             [--startup-timeout <seconds>] [runner args...]
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const LISTENING = /S2 embedded server listening on (\S+)/;

function parseArgs(argv) {
	const args = { jar: undefined, java: "java", timeout: 900, startupTimeout: 90, runnerArgs: [] };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === "--jar") args.jar = argv[++i];
		else if (a === "--java") args.java = argv[++i];
		else if (a === "--timeout") args.timeout = Number(argv[++i]);
		else if (a === "--startup-timeout") args.startupTimeout = Number(argv[++i]);
		else args.runnerArgs.push(a);
	}
	return args;
}

const children = new Set();

function killTree(child, signal) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	try {
		child.kill(signal);
	} catch {
		// already gone
	}
}

function stopAll() {
	for (const c of children) killTree(c, "SIGKILL");
}

for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
	process.on(sig, () => {
		console.log(`conformance: received ${sig}, stopping server and runner`);
		stopAll();
		process.exit(130);
	});
}
process.on("exit", stopAll);

function startServer(args) {
	return new Promise((resolve, reject) => {
		const server = spawn(args.java, ["-jar", args.jar, "--port", "0"], {
			stdio: ["ignore", "pipe", "pipe"],
		});
		children.add(server);
		let buffered = "";
		let settled = false;
		const timer = setTimeout(() => {
			if (settled) return;
			settled = true;
			killTree(server, "SIGKILL");
			reject(new Error(`server did not print its URL within ${args.startupTimeout} s; output:\n${buffered}`));
		}, args.startupTimeout * 1000);
		const onData = (chunk) => {
			const text = chunk.toString();
			if (process.env.CONFORMANCE_SERVER_LOG === "1") process.stdout.write(`[server] ${text}`);
			if (settled) return;
			buffered += text;
			const m = buffered.match(LISTENING);
			if (m) {
				settled = true;
				clearTimeout(timer);
				resolve({ server, url: m[1] });
			}
		};
		server.stdout.on("data", onData);
		server.stderr.on("data", onData);
		server.on("error", (e) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			reject(new Error(`cannot start ${args.java}: ${e.message}`));
		});
		server.on("exit", (code, signal) => {
			children.delete(server);
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			reject(new Error(`server exited (${code ?? signal}) before printing its URL; output:\n${buffered}`));
		});
	});
}

function runRunner(url, args) {
	return new Promise((resolve) => {
		const runner = spawn(process.execPath, [join(HERE, "run.mjs"), url, ...args.runnerArgs], {
			cwd: HERE,
			stdio: ["ignore", "pipe", "inherit"],
		});
		children.add(runner);
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
			children.delete(runner);
			if (timedOut) {
				console.log(`${passed} passed, ${failed + 1} failed`);
				resolve(1);
				return;
			}
			resolve(code ?? (signal ? 1 : 0));
		});
	});
}

async function stopServer(server) {
	if (server.exitCode !== null || server.signalCode !== null) return;
	const exited = new Promise((resolve) => server.once("exit", resolve));
	killTree(server, "SIGTERM");
	const timer = setTimeout(() => killTree(server, "SIGKILL"), 10_000);
	await exited;
	clearTimeout(timer);
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	if (!args.jar || !existsSync(args.jar)) {
		console.log(`conformance: server jar not found: ${args.jar} (build s2-embedded first)`);
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
	console.log(`conformance: server started at ${started.url}`);
	try {
		return await runRunner(started.url, args);
	} finally {
		await stopServer(started.server);
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

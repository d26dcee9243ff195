// Starting and stopping the s2-embedded server jar for the conformance scripts: one server
// process per call, always killed when this process exits.
import { spawn } from "node:child_process";
import { ROOT_TOKEN } from "./harness.mjs";

const LISTENING = /S2 embedded server listening on (\S+)/;

const children = new Set();

export function killTree(child, signal) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	try {
		child.kill(signal);
	} catch {
		// already gone
	}
}

/** Kills `child` (with everything else tracked) if this process exits first. */
export function track(child) {
	children.add(child);
	child.on("exit", () => children.delete(child));
	return child;
}

export function stopAll() {
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

/**
 * Starts the server jar on a free port and resolves with {server, url} once it prints its URL.
 * args: {java, jar, startupTimeout (s), dataDir?, auth?, record?}; auth starts it with --auth and
 * ROOT_TOKEN as root token, record with --record FILE.
 */
export function startServer(args) {
	return new Promise((resolve, reject) => {
		const serverArgs = [
			"-jar",
			args.jar,
			"--port",
			"0",
			...(args.dataDir ? ["--data-dir", args.dataDir] : []),
			...(args.auth ? ["--auth", "--root-token", ROOT_TOKEN] : []),
			...(args.record ? ["--record", args.record] : []),
		];
		const server = spawn(args.java, serverArgs, {
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

/** Stops the server with SIGTERM (it closes its recorder and journal), SIGKILL after 10 s. */
export async function stopServer(server) {
	if (server.exitCode !== null || server.signalCode !== null) return;
	const exited = new Promise((resolve) => server.once("exit", resolve));
	killTree(server, "SIGTERM");
	const timer = setTimeout(() => killTree(server, "SIGKILL"), 10_000);
	await exited;
	clearTimeout(timer);
}

/** Kills the server with SIGKILL. */
export async function killServer(server) {
	if (server.exitCode !== null || server.signalCode !== null) return;
	const exited = new Promise((resolve) => server.once("exit", resolve));
	killTree(server, "SIGKILL");
	await exited;
}

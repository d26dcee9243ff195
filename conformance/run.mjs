#!/usr/bin/env node
// Conformance runner: the official S2 TypeScript SDK against an S2-compatible server.
//
// Usage: node run.mjs <server-url>        (or env S2_CONFORMANCE_URL)
//        --only <substring>               run only scenarios whose name contains it (repeatable)
//        --skip <substring>               leave out scenarios whose name contains it (repeatable)
//        --run-pending                    also run the KNOWN_PENDING scenarios (reported normally)
//
// Runs every scenario exported by scenarios/*.mjs and patterns/*.mjs (see README.md), prints one
// line per scenario and finally a line "N passed, M failed"; exits non-zero on any failure.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describeError, ScenarioContext, withTimeout } from "./lib/harness.mjs";

/**
 * KNOWN_PENDING: scenarios that fail because the server lacks a feature its engineer knows about
 * (the reason is written here, next to the name, and nowhere else). They are not run and are
 * printed as skipped with the reason. Everything not listed here is run and asserted.
 */
export const KNOWN_PENDING = {
	// "scenario name": "reason (the server feature that is missing)",
};

const HERE = dirname(fileURLToPath(import.meta.url));
const SCENARIO_DIRS = ["scenarios", "patterns"];
const DEFAULT_TIMEOUT_MS = 120_000;
const SCRIPT_TIMEOUT_MS = 180_000;

function parseArgs(argv) {
	const args = { url: process.env.S2_CONFORMANCE_URL, only: [], skip: [], runPending: false };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === "--only") args.only.push(argv[++i]);
		else if (a === "--skip") args.skip.push(argv[++i]);
		else if (a === "--run-pending") args.runPending = true;
		else if (a.startsWith("--")) throw new Error(`unknown option ${a}`);
		else args.url = a;
	}
	if (!args.url) throw new Error("server URL missing: pass it as an argument or set S2_CONFORMANCE_URL");
	args.url = args.url.replace(/\/+$/, "");
	return args;
}

/** Scenario files in a stable order: scenarios/ first, then patterns/. */
function scenarioFiles() {
	const files = [];
	for (const dir of SCENARIO_DIRS) {
		const abs = join(HERE, dir);
		if (!existsSync(abs)) continue;
		for (const f of readdirSync(abs).sort()) {
			if (f.endsWith(".mjs") && !f.startsWith("_")) files.push(join(abs, f));
		}
	}
	return files;
}

/**
 * Loads the scenarios of one file. A module that exports `scenarios` (or a default array) of
 * {name, run(ctx), timeoutMs?} is run in-process; a plain script (no exports) is run as a child
 * process with the server URL in its environment and passes when it exits with 0.
 */
async function loadScenarios(file) {
	const rel = relative(HERE, file);
	const source = readFileSync(file, "utf8");
	if (!/^\s*export\s/m.test(source)) {
		return [{ name: rel.replace(/\.mjs$/, ""), script: file, timeoutMs: SCRIPT_TIMEOUT_MS }];
	}
	const mod = await import(pathToFileURL(file).href);
	const list = mod.scenarios ?? mod.default;
	if (!Array.isArray(list)) {
		throw new Error(`${rel} exports no 'scenarios' array`);
	}
	return list.map((s) => {
		if (typeof s?.name !== "string" || typeof s?.run !== "function") {
			throw new Error(`${rel}: every scenario needs a name and a run(ctx) function`);
		}
		return s;
	});
}

function runScript(file, url, timeoutMs) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [file], {
			cwd: HERE,
			stdio: ["ignore", "pipe", "pipe"],
			env: {
				...process.env,
				S2_CONFORMANCE_URL: url,
				S2_ACCOUNT_ENDPOINT: url,
				S2_BASIN_ENDPOINT: url,
				S2_ACCESS_TOKEN: process.env.S2_ACCESS_TOKEN ?? "conformance-token",
			},
		});
		let output = "";
		child.stdout.on("data", (d) => (output += d));
		child.stderr.on("data", (d) => (output += d));
		const timer = setTimeout(() => {
			child.kill("SIGKILL");
			reject(new Error(`script timed out after ${timeoutMs} ms\n${output}`));
		}, timeoutMs);
		child.on("error", (e) => {
			clearTimeout(timer);
			reject(e);
		});
		child.on("exit", (code, signal) => {
			clearTimeout(timer);
			if (code === 0) resolve(output);
			else reject(new Error(`script exited with ${code ?? signal}\n${output.trim()}`));
		});
	});
}

/** The stack frames of an error that point into scenario code (SDK internals left out). */
function scenarioFrames(err) {
	const stack = typeof err?.stack === "string" ? err.stack.split("\n") : [];
	return stack
		.filter((l) => /\/(scenarios|patterns)\/[^/]+\.mjs/.test(l))
		.slice(0, 2)
		.map((l) => l.trim())
		.join("\n");
}

function indent(text) {
	return String(text)
		.split("\n")
		.map((l) => `      ${l}`)
		.join("\n");
}

async function runOne(scenario, url) {
	const timeoutMs = scenario.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	if (scenario.script) {
		await runScript(scenario.script, url, timeoutMs);
		return;
	}
	const ctx = new ScenarioContext(url, scenario.name);
	try {
		await withTimeout(Promise.resolve().then(() => scenario.run(ctx)), timeoutMs, `scenario ${scenario.name}`);
	} finally {
		await ctx.cleanup();
	}
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	console.log(`S2 conformance: @s2-dev/streamstore against ${args.url}`);
	let passed = 0;
	let failed = 0;
	let skipped = 0;
	const failures = [];
	const all = [];
	for (const file of scenarioFiles()) {
		try {
			all.push(...(await loadScenarios(file)));
		} catch (err) {
			const name = relative(HERE, file);
			console.log(`FAIL  ${name} (load): ${describeError(err)}`);
			failures.push(name);
			failed++;
		}
	}
	for (const scenario of all) {
		if (args.only.length && !args.only.some((o) => scenario.name.includes(o))) continue;
		if (args.skip.some((o) => scenario.name.includes(o))) continue;
		const pending = KNOWN_PENDING[scenario.name];
		if (pending && !args.runPending) {
			console.log(`SKIP  ${scenario.name}: known-pending: ${pending}`);
			skipped++;
			continue;
		}
		const started = Date.now();
		try {
			await runOne(scenario, args.url);
			console.log(`PASS  ${scenario.name} (${Date.now() - started} ms)${pending ? " [listed as known-pending: remove it]" : ""}`);
			passed++;
		} catch (err) {
			console.log(`FAIL  ${scenario.name} (${Date.now() - started} ms): ${describeError(err)}`);
			if (process.env.CONFORMANCE_VERBOSE && err?.stack) console.log(indent(err.stack));
			else {
				const where = scenarioFrames(err);
				if (where) console.log(indent(where));
			}
			failures.push(scenario.name);
			failed++;
		}
	}
	if (skipped) console.log(`${skipped} skipped (known-pending)`);
	console.log(`${passed} passed, ${failed} failed`);
	return failed === 0 && passed > 0 ? 0 : 1;
}

// The SDK may reject promises nobody awaits once a scenario has already failed (e.g. acks of a
// poisoned session); report them instead of letting Node abort the whole run.
process.on("unhandledRejection", (reason) => {
	if (process.env.CONFORMANCE_VERBOSE) console.log(`      (unhandled rejection: ${describeError(reason)})`);
});

main().then(
	(code) => process.exit(code),
	(err) => {
		console.error(`conformance runner error: ${err?.stack ?? err}`);
		console.log("0 passed, 1 failed");
		process.exit(2);
	},
);

// Where the S2 cloud answers differently from s2-lite and s2-embedded answers as the cloud does
// (issue 14): locations, idempotent deletion, the checks of metrics arguments, and basin configs
// that report the defaults of their default stream config. Every scenario here also runs against
// the server started with --auth (the runner's token is then the root token).
import { assert, expectS2Error, RUN_ID, sleep } from "../lib/harness.mjs";

const LOCAL = { name: "local", isPrivate: false };

const DEFAULT_STREAM_CONFIG = {
	storageClass: "express",
	retentionPolicy: { ageSecs: 604800 },
	timestamping: { mode: "client-prefer", uncapped: false },
	deleteOnEmpty: { minAgeSecs: 0 },
};

const HOUR = 3_600_000;

/**
 * Deletes twice at once: the second delete must succeed while the deletion is pending, as in the
 * cloud, or find the resource gone (404) if the server already removed it; never 409.
 */
async function deleteTwice(remove, notFoundCode, what) {
	const outcomes = await Promise.allSettled([remove(), remove()]);
	assert.equal(outcomes[0].status, "fulfilled", `${what}: first delete`);
	if (outcomes[1].status === "rejected") {
		const err = outcomes[1].reason;
		assert.ok(err.status === 404 && err.code === notFoundCode, `${what}: second delete answered ${err.status} ${err.code}`);
	}
	for (let i = 0; ; i++) {
		try {
			await remove();
		} catch (err) {
			assert.ok(err.status === 404 && err.code === notFoundCode, `${what}: delete once gone answered ${err.status} ${err.code}`);
			return;
		}
		assert.ok(i < 100, `${what}: still pending deletion after 10 s`);
		await sleep(100);
	}
}

export const scenarios = [
	{
		name: "parity: locations: one location, the default, settable, and the one basins are placed in",
		async run(t) {
			const s2 = t.s2;
			assert.deepEqual(await s2.locations.list(), [LOCAL], "list locations");
			assert.deepEqual(await s2.locations.getDefault(), LOCAL, "default location");
			assert.deepEqual(await s2.locations.setDefault({ location: "local" }), LOCAL, "set the default");
			assert.deepEqual(await s2.locations.getDefault(), LOCAL, "default location after setting it");
			await expectS2Error(s2.locations.setDefault({ location: "aws:us-east-1" }), { status: 422, code: "invalid" }, "set an unknown default");

			const named = t.basinName("loc-named");
			assert.equal((await s2.basins.create({ basin: named, location: "local" })).location, "local", "create in a location");
			const unnamed = t.basinName("loc-default");
			assert.equal((await s2.basins.create({ basin: unnamed })).location, "local", "create in the default location");
			const ensured = await s2.basins.ensure({ basin: t.basinName("loc-ensured"), location: "local" });
			assert.equal(ensured.result, "created", "ensure in a location");
			assert.equal(ensured.basin.location, "local", "ensure: location");
			const listed = (await s2.basins.list({ prefix: named })).basins;
			assert.deepEqual(listed.map((b) => b.location), ["local"], "listed basins carry their location");

			const elsewhere = t.basinName("loc-unknown");
			await expectS2Error(s2.basins.create({ basin: elsewhere, location: "aws:us-east-1" }), { status: 422, code: "invalid" }, "create in an unknown location");
			await expectS2Error(s2.basins.ensure({ basin: elsewhere, location: "aws:us-east-1" }), { status: 422, code: "invalid" }, "ensure in an unknown location");
			assert.deepEqual((await s2.basins.list({ prefix: elsewhere })).basins, [], "no basin in an unknown location");
		},
	},
	{
		name: "parity: deleting a basin twice succeeds while it is pending, then answers 404",
		async run(t) {
			const name = t.basinName("twice");
			await t.s2.basins.create({ basin: name });
			await deleteTwice(() => t.s2.basins.delete({ basin: name }), "basin_not_found", "basin");
		},
	},
	{
		name: "parity: deleting a stream twice succeeds while it is pending, then answers 404",
		async run(t) {
			const { basin, streamName } = await t.newStream("stream-twice");
			await deleteTwice(() => basin.streams.delete({ stream: streamName }), "stream_not_found", "stream");
		},
	},
	{
		name: "parity: metrics arguments the cloud refuses are refused with 422 invalid",
		async run(t) {
			const s2 = t.s2;
			const { basin, streamName } = await t.newStream("metrics-args");
			const b = basin.name;
			const now = Date.now();
			const cases = [
				["no start", () => s2.metrics.account({ set: "active-basins", end: now })],
				["no end", () => s2.metrics.account({ set: "active-basins", start: now - HOUR })],
				["neither start nor end", () => s2.metrics.basin({ basin: b, set: "append-ops" })],
				["end before start", () => s2.metrics.account({ set: "account-ops", start: now, end: now - HOUR })],
				["end 10 minutes ahead", () => s2.metrics.stream({ basin: b, stream: streamName, set: "storage", start: now - HOUR, end: now + 600_000 })],
				["a 40-day range", () => s2.metrics.basin({ basin: b, set: "basin-ops", start: now - 40 * 24 * HOUR, end: now })],
				["basin storage per minute", () => s2.metrics.basin({ basin: b, set: "storage", start: now - HOUR, end: now, interval: "minute" })],
				["stream storage per hour", () => s2.metrics.stream({ basin: b, stream: streamName, set: "storage", start: now - HOUR, end: now, interval: "hour" })],
				["an empty stream name", () => s2.metrics.stream({ basin: b, stream: "", set: "storage", start: now - HOUR, end: now })],
			];
			for (const [what, call] of cases) {
				await expectS2Error(call, { status: 422, code: "invalid" }, what);
			}
		},
	},
	{
		name: "parity: metrics: storage at its own interval, each set's default interval, no data for a missing basin",
		async run(t) {
			const s2 = t.s2;
			const { basin, streamName } = await t.newStream("metrics-ok");
			const b = basin.name;
			const end = Date.now();
			const start = end - HOUR;
			const basinStorage = await s2.metrics.basin({ basin: b, set: "storage", start, end, interval: "hour" });
			assert.equal(basinStorage.values[0]?.gauge?.name, "storage", "basin storage per hour");
			const streamStorage = await s2.metrics.stream({ basin: b, stream: streamName, set: "storage", start, end, interval: "minute" });
			assert.equal(streamStorage.values[0]?.gauge?.unit, "bytes", "stream storage per minute");
			const intervals = {};
			for (const set of ["append-ops", "read-ops", "read-throughput", "append-throughput", "basin-ops"]) {
				intervals[set] = (await s2.metrics.basin({ basin: b, set, start, end })).values[0]?.accumulation?.interval;
			}
			intervals["account-ops"] = (await s2.metrics.account({ set: "account-ops", start, end })).values[0]?.accumulation?.interval;
			assert.deepEqual(
				intervals,
				{ "append-ops": "minute", "read-ops": "minute", "read-throughput": "minute", "append-throughput": "minute", "basin-ops": "hour", "account-ops": "hour" },
				"default intervals",
			);
			const missing = await s2.metrics.basin({ basin: t.basinName("no-metrics"), set: "append-ops", start, end });
			assert.deepEqual(missing.values[0]?.accumulation?.values, [], "a missing basin has no data (no 404)");
		},
	},
	{
		name: "parity: a basin's default stream config reads back with every default filled in",
		async run(t) {
			const s2 = t.s2;
			const partial = t.basinName("defaults");
			await s2.basins.create({
				basin: partial,
				config: { defaultStreamConfig: { retentionPolicy: { ageSecs: 3600 }, deleteOnEmpty: { minAgeSecs: 600 } } },
			});
			assert.deepEqual(
				(await s2.basins.getConfig({ basin: partial })).defaultStreamConfig,
				{ ...DEFAULT_STREAM_CONFIG, retentionPolicy: { ageSecs: 3600 }, deleteOnEmpty: { minAgeSecs: 600 } },
				"storage class and timestamping filled in",
			);
			const plain = t.basinName("defaults-none");
			await s2.basins.create({ basin: plain });
			const config = await s2.basins.getConfig({ basin: plain });
			assert.deepEqual(config.defaultStreamConfig, DEFAULT_STREAM_CONFIG, "a basin created without a config");
			assert.equal(config.streamCipher, null, "no stream cipher");
			const reset = await s2.basins.reconfigure({ basin: partial, defaultStreamConfig: { storageClass: null, retentionPolicy: null } });
			assert.deepEqual(reset.defaultStreamConfig, { ...DEFAULT_STREAM_CONFIG, deleteOnEmpty: { minAgeSecs: 600 } }, "fields reset to their defaults");
			const again = await s2.basins.ensure({ basin: plain, config: { defaultStreamConfig: { storageClass: "express" } } });
			assert.equal(again.result, "noop", "ensure naming the default storage class changes nothing");
			await s2.basin(plain).streams.create({ stream: "s" });
			const { storageClass, retentionPolicy, timestamping, deleteOnEmpty } = await s2.basin(plain).streams.getConfig({ stream: "s" });
			assert.deepEqual({ storageClass, retentionPolicy, timestamping, deleteOnEmpty }, DEFAULT_STREAM_CONFIG, "a stream created in it");
		},
	},
	{
		name: "parity: location operations need their permissions with --auth (tokens are ignored without it)",
		async run(t) {
			const anonymous = await fetch(`${t.url}/v1/locations`);
			if (anonymous.status === 200) {
				assert.deepEqual(await anonymous.json(), [{ name: "local", is_private: false }], "without --auth: no token needed");
				return;
			}
			assert.equal(anonymous.status, 401, "with --auth: a request without a token");
			assert.equal((await anonymous.json()).code, "authn", "with --auth: code");
			const id = `cf-loc-${RUN_ID}`;
			const issued = await t.s2.accessTokens.issue({ id, scope: { ops: ["list-locations"] } });
			t.onCleanup(() => t.s2.accessTokens.revoke({ id }));
			const reader = t.client({ accessToken: issued.accessToken });
			assert.deepEqual(await reader.locations.list(), [LOCAL], "a token with list-locations lists them");
			await expectS2Error(reader.locations.getDefault(), { status: 403, code: "permission_denied" }, "get-default-location without the op");
			await expectS2Error(reader.locations.setDefault({ location: "local" }), { status: 403, code: "permission_denied" }, "set-default-location without the op");
		},
	},
];

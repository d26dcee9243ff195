// Streams: create, duplicate create, get config, list, reconfigure (absent vs null), ensure, delete.
import { assert, expectS2Error } from "../lib/harness.mjs";

/** The resolved default stream config of s2-lite (s2-protocol.md §5.3). */
export const LITE_DEFAULT_STREAM_CONFIG = {
	storageClass: "express",
	retentionPolicy: { ageSecs: 604800 },
	timestamping: { mode: "client-prefer", uncapped: false },
	deleteOnEmpty: { minAgeSecs: 0 },
};

function pick(config) {
	return {
		storageClass: config.storageClass,
		retentionPolicy: config.retentionPolicy,
		timestamping: config.timestamping,
		deleteOnEmpty: config.deleteOnEmpty,
	};
}

export const scenarios = [
	{
		name: "streams: create, get config, list, reconfigure, ensure, delete",
		async run(t) {
			const basin = await t.newBasin("streams");
			const name = "orders/2026 é";

			const info = await basin.streams.create({ stream: name });
			assert.equal(info.name, name, "create: name (slash, space and non-ASCII survive path encoding)");
			assert.ok(info.createdAt instanceof Date && !Number.isNaN(info.createdAt.getTime()), "create: createdAt");
			assert.ok(info.deletedAt == null, "create: deletedAt absent");

			await expectS2Error(basin.streams.create({ stream: name }), { status: 409, code: "resource_already_exists" }, "duplicate create");

			const config = await basin.streams.getConfig({ stream: name });
			assert.deepEqual(pick(config), LITE_DEFAULT_STREAM_CONFIG, "resolved default stream config");

			await basin.streams.create({
				stream: "configured",
				config: { retentionPolicy: { ageSecs: 3600 }, timestamping: { mode: "arrival" }, storageClass: "standard" },
			});
			const configured = await basin.streams.getConfig({ stream: "configured" });
			assert.deepEqual(
				pick(configured),
				{
					storageClass: "standard",
					retentionPolicy: { ageSecs: 3600 },
					timestamping: { mode: "arrival", uncapped: false },
					deleteOnEmpty: { minAgeSecs: 0 },
				},
				"config given at creation",
			);

			const page = await basin.streams.list();
			assert.deepEqual(page.streams.map((s) => s.name), ["configured", name], "list is sorted");
			assert.equal(page.hasMore, false, "list: hasMore");

			// PATCH: absent = unchanged, value = set, null = back to the default.
			const r1 = await basin.streams.reconfigure({ stream: "configured", retentionPolicy: { infinite: {} } });
			assert.deepEqual(r1.retentionPolicy, { infinite: {} }, "reconfigure: retention set to infinite");
			assert.equal(r1.timestamping?.mode, "arrival", "reconfigure: absent timestamping unchanged");
			assert.equal(r1.storageClass, "standard", "reconfigure: absent storage class unchanged");
			const r2 = await basin.streams.reconfigure({ stream: "configured", timestamping: null, deleteOnEmpty: { minAgeSecs: 60 } });
			assert.deepEqual(r2.timestamping, { mode: "client-prefer", uncapped: false }, "reconfigure: timestamping null resets to the default");
			assert.deepEqual(r2.deleteOnEmpty, { minAgeSecs: 60 }, "reconfigure: deleteOnEmpty set");
			assert.deepEqual(r2.retentionPolicy, { infinite: {} }, "reconfigure: earlier change kept");
			const r3 = await basin.streams.getConfig({ stream: "configured" });
			assert.deepEqual(pick(r3), pick(r2), "getConfig equals the last reconfigure result");

			const ensuredNoop = await basin.streams.ensure({ stream: name });
			assert.equal(ensuredNoop.result, "noop", "ensure of an existing stream with the default config");
			assert.equal(ensuredNoop.stream.name, name, "ensure: name");
			const ensuredUpdated = await basin.streams.ensure({ stream: name, config: { retentionPolicy: { ageSecs: 100 } } });
			assert.equal(ensuredUpdated.result, "updated", "ensure with a different config");
			assert.deepEqual((await basin.streams.getConfig({ stream: name })).retentionPolicy, { ageSecs: 100 }, "ensure applied the config");
			const ensuredCreated = await basin.streams.ensure({ stream: "ensured" });
			assert.equal(ensuredCreated.result, "created", "ensure of a new stream");
			assert.equal(ensuredCreated.stream.name, "ensured", "ensure created: name");

			await basin.streams.delete({ stream: name });
			const err = await expectS2Error(basin.streams.getConfig({ stream: name }), {}, "getConfig after delete");
			assert.ok(
				(err.status === 404 && err.code === "stream_not_found") || (err.status === 409 && err.code === "stream_deletion_pending"),
				`getConfig after delete: expected 404 stream_not_found or 409 stream_deletion_pending, got ${err.status} ${err.code}`,
			);
			const remaining = [];
			for await (const s of basin.streams.listAll()) remaining.push(s.name);
			assert.deepEqual(remaining, ["configured", "ensured"], "listAll (without deleted) after delete");

			await expectS2Error(basin.streams.delete({ stream: "never-created" }), { status: 404, code: "stream_not_found" }, "delete of a missing stream");
			await expectS2Error(
				basin.streams.reconfigure({ stream: "never-created", retentionPolicy: { ageSecs: 10 } }),
				{ status: 404, code: "stream_not_found" },
				"reconfigure of a missing stream",
			);
		},
	},
	{
		name: "streams: invalid config is rejected with 422 invalid",
		async run(t) {
			const basin = await t.newBasin("streams-invalid");
			await expectS2Error(
				basin.streams.create({ stream: "zero-age", config: { retentionPolicy: { ageSecs: 0 } } }),
				{ status: 422, code: "invalid" },
				"create with retention age 0",
			);
			assert.deepEqual((await basin.streams.list()).streams, [], "nothing created");
		},
	},
	{
		name: "streams: same stream name in two basins is two streams (s2-basin routing)",
		async run(t) {
			const { AppendInput, AppendRecord } = await import("@s2-dev/streamstore");
			const a = await t.newBasin("iso-a");
			const b = await t.newBasin("iso-b");
			await a.streams.create({ stream: "shared" });
			await b.streams.create({ stream: "shared", config: { retentionPolicy: { ageSecs: 42 } } });
			await a.stream("shared").append(AppendInput.create([AppendRecord.string({ body: "in a" })]));
			await b.stream("shared").append(AppendInput.create([AppendRecord.string({ body: "in b 1" }), AppendRecord.string({ body: "in b 2" })]));
			assert.deepEqual((await a.stream("shared").read({ start: { from: { seqNum: 0 } } })).records.map((r) => r.body), ["in a"], "basin a");
			assert.deepEqual((await b.stream("shared").read({ start: { from: { seqNum: 0 } } })).records.map((r) => r.body), ["in b 1", "in b 2"], "basin b");
			assert.deepEqual((await a.streams.getConfig({ stream: "shared" })).retentionPolicy, { ageSecs: 604800 }, "basin a config");
			assert.deepEqual((await b.streams.getConfig({ stream: "shared" })).retentionPolicy, { ageSecs: 42 }, "basin b config");
			await t.s2.basins.delete({ basin: a.name });
			assert.equal((await b.stream("shared").checkTail()).tail.seqNum, 2, "deleting basin a leaves basin b's stream");
		},
	},
];

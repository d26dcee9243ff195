// Basins: create, duplicate create, get config, list, reconfigure, ensure, delete.
import { AppendInput, AppendRecord } from "@s2-dev/streamstore";
import { assert, expectS2Error } from "../lib/harness.mjs";

/** After DELETE a basin is gone (404) or pending deletion (409), as in s2-lite. */
export async function expectBasinGone(s2, name) {
	const err = await expectS2Error(s2.basins.getConfig({ basin: name }), {}, `getConfig(${name}) after delete`);
	assert.ok(
		(err.status === 404 && err.code === "basin_not_found") || (err.status === 409 && err.code === "basin_deletion_pending"),
		`getConfig after delete: expected 404 basin_not_found or 409 basin_deletion_pending, got ${err.status} ${err.code}`,
	);
	const listed = [];
	for await (const b of s2.basins.listAll({ prefix: name })) listed.push(b.name);
	assert.deepEqual(listed, [], "listAll (without deleted) after delete");
}

export const scenarios = [
	{
		name: "basins: create, get config, list, reconfigure, ensure, delete",
		async run(t) {
			const s2 = t.s2;
			const name = t.basinName("basins");

			const info = await s2.basins.create({ basin: name });
			assert.equal(info.name, name, "create: name");
			assert.ok(info.createdAt instanceof Date && !Number.isNaN(info.createdAt.getTime()), "create: createdAt is a date");
			assert.ok(Math.abs(info.createdAt.getTime() - Date.now()) < 600_000, `create: createdAt ${info.createdAt.toISOString()} is now`);
			assert.ok(info.deletedAt == null, "create: deletedAt absent");

			await expectS2Error(s2.basins.create({ basin: name }), { status: 409, code: "resource_already_exists" }, "duplicate create");

			const config = await s2.basins.getConfig({ basin: name });
			assert.equal(config.createStreamOnAppend, false, "default createStreamOnAppend");
			assert.equal(config.createStreamOnRead, false, "default createStreamOnRead");

			const page = await s2.basins.list({ prefix: name });
			assert.deepEqual(page.basins.map((b) => b.name), [name], "list by prefix");
			assert.equal(page.hasMore, false, "list: hasMore");
			assert.ok(page.basins[0].createdAt instanceof Date, "list: createdAt");

			const reconfigured = await s2.basins.reconfigure({ basin: name, createStreamOnAppend: true });
			assert.equal(reconfigured.createStreamOnAppend, true, "reconfigure: returned createStreamOnAppend");
			assert.equal(reconfigured.createStreamOnRead, false, "reconfigure: absent field createStreamOnRead unchanged");

			const withDefaults = await s2.basins.reconfigure({
				basin: name,
				defaultStreamConfig: { retentionPolicy: { ageSecs: 3600 } },
			});
			assert.equal(withDefaults.createStreamOnAppend, true, "second reconfigure keeps createStreamOnAppend");
			assert.equal(withDefaults.defaultStreamConfig?.retentionPolicy?.ageSecs, 3600, "reconfigure: default retention");

			const after = await s2.basins.getConfig({ basin: name });
			assert.equal(after.createStreamOnAppend, true, "getConfig after reconfigure: createStreamOnAppend");
			assert.equal(after.createStreamOnRead, false, "getConfig after reconfigure: createStreamOnRead");
			assert.equal(after.defaultStreamConfig?.retentionPolicy?.ageSecs, 3600, "getConfig after reconfigure: retention");

			const ensuredSame = await s2.basins.ensure({ basin: name, config: { createStreamOnAppend: true, defaultStreamConfig: { retentionPolicy: { ageSecs: 3600 } } } });
			assert.equal(ensuredSame.result, "noop", "ensure with the current config");
			assert.equal(ensuredSame.basin.name, name, "ensure: basin name");

			const ensuredChanged = await s2.basins.ensure({ basin: name, config: { createStreamOnRead: true } });
			assert.equal(ensuredChanged.result, "updated", "ensure with a different config");
			const ensuredConfig = await s2.basins.getConfig({ basin: name });
			assert.equal(ensuredConfig.createStreamOnRead, true, "ensure applied createStreamOnRead");
			assert.equal(ensuredConfig.createStreamOnAppend, false, "ensure sets the whole config (createStreamOnAppend back to default)");

			const other = t.basinName("basins-ensure");
			const created = await s2.basins.ensure({ basin: other });
			assert.equal(created.result, "created", "ensure of a new basin");
			assert.equal(created.basin.name, other, "ensure created: name");
			const again = await s2.basins.ensure({ basin: other });
			assert.equal(again.result, "noop", "ensure of an existing basin with the default config");

			await s2.basins.delete({ basin: name });
			await expectBasinGone(s2, name);
			await s2.basins.delete({ basin: other });
			await expectBasinGone(s2, other);

			await expectS2Error(s2.basins.delete({ basin: t.basinName("never") }), { status: 404, code: "basin_not_found" }, "delete of a missing basin");
		},
	},
	{
		name: "basins: default stream config, create_stream_on_append, create_stream_on_read",
		async run(t) {
			const s2 = t.s2;
			const name = t.basinName("autocreate");
			await s2.basins.create({
				basin: name,
				config: {
					createStreamOnAppend: true,
					createStreamOnRead: true,
					defaultStreamConfig: { retentionPolicy: { ageSecs: 3600 }, timestamping: { mode: "arrival" } },
				},
			});
			const basin = s2.basin(name);
			const config = await s2.basins.getConfig({ basin: name });
			assert.equal(config.createStreamOnAppend, true, "createStreamOnAppend");
			assert.equal(config.createStreamOnRead, true, "createStreamOnRead");

			await basin.streams.create({ stream: "explicit" });
			const explicit = await basin.streams.getConfig({ stream: "explicit" });
			assert.deepEqual(explicit.retentionPolicy, { ageSecs: 3600 }, "stream inherits the basin default retention");
			assert.equal(explicit.timestamping?.mode, "arrival", "stream inherits the basin default timestamping mode");

			const appended = basin.stream("on-append");
			const ack = await appended.append(AppendInput.create([AppendRecord.string({ body: "x" })]));
			assert.equal(ack.start.seqNum, 0, "append to a missing stream: ack start");
			assert.equal(ack.end.seqNum, 1, "append to a missing stream: ack end");

			const tail = await basin.stream("on-read").checkTail();
			assert.equal(tail.tail.seqNum, 0, "check tail of a missing stream creates it: tail");

			const names = (await basin.streams.list()).streams.map((s) => s.name);
			assert.deepEqual(names, ["explicit", "on-append", "on-read"], "auto-created streams are listed");
			const auto = await basin.streams.getConfig({ stream: "on-append" });
			assert.deepEqual(auto.retentionPolicy, { ageSecs: 3600 }, "auto-created stream inherits the basin default retention");
		},
	},
	{
		name: "basins: s2-stream-config applies to streams created on append and read",
		async run(t) {
			const basin = await t.newBasin("stream-config", { createStreamOnAppend: true, createStreamOnRead: true });
			await basin.stream("unary").append(
				AppendInput.create([AppendRecord.string({ body: "x" })], { streamConfig: { retentionPolicy: { ageSecs: 777 } } }),
			);
			assert.deepEqual((await basin.streams.getConfig({ stream: "unary" })).retentionPolicy, { ageSecs: 777 }, "unary append");
			for (const transport of ["s2s", "fetch"]) {
				const stream = basin.stream(`session-${transport}`, { forceTransport: transport });
				t.onCleanup(() => stream.close());
				const session = await stream.appendSession({ streamConfig: { retentionPolicy: { ageSecs: 888 } } });
				const ticket = await session.submit(AppendInput.create([AppendRecord.string({ body: "y" })]));
				await ticket.ack();
				await session.close();
				assert.deepEqual((await basin.streams.getConfig({ stream: `session-${transport}` })).retentionPolicy, { ageSecs: 888 }, `append session [${transport}]`);
			}
			await expectS2Error(
				basin.stream("read").read({ start: { from: { seqNum: 0 } }, streamConfig: { retentionPolicy: { ageSecs: 999 } } }),
				{ status: 416 },
				"unary read of a stream it creates (empty, so 416)",
			);
			assert.deepEqual((await basin.streams.getConfig({ stream: "read" })).retentionPolicy, { ageSecs: 999 }, "unary read");
			await basin.stream("unary").append(
				AppendInput.create([AppendRecord.string({ body: "z" })], { streamConfig: { retentionPolicy: { ageSecs: 1 } } }),
			);
			assert.deepEqual((await basin.streams.getConfig({ stream: "unary" })).retentionPolicy, { ageSecs: 777 }, "ignored for an existing stream");
		},
	},
	{
		name: "basins: create retried with the same s2-request-token is idempotent (raw HTTP)",
		async run(t) {
			const name = t.basinName("reqtoken");
			const post = (token, body) =>
				fetch(`${t.url}/v1/basins`, {
					method: "POST",
					headers: { "content-type": "application/json", authorization: "Bearer conformance-token", "s2-request-token": token },
					body: JSON.stringify(body),
				});
			const first = await post("token-1", { basin: name });
			assert.equal(first.status, 201, "first create");
			const retry = await post("token-1", { basin: name });
			assert.equal(retry.status, 201, "retry with the same token and config");
			assert.equal((await retry.json()).name, name, "retry returns the basin");
			const other = await post("token-2", { basin: name });
			assert.equal(other.status, 409, "a different token");
			assert.equal((await other.json()).code, "resource_already_exists", "a different token: code");
			const basin = t.s2.basin(name);
			const sPost = (token) =>
				fetch(`${t.url}/v1/streams`, {
					method: "POST",
					headers: { "content-type": "application/json", authorization: "Bearer conformance-token", "s2-request-token": token, "s2-basin": name },
					body: JSON.stringify({ stream: "s" }),
				});
			assert.equal((await sPost("st-1")).status, 201, "stream create");
			assert.equal((await sPost("st-1")).status, 201, "stream create retried");
			assert.equal((await sPost("st-2")).status, 409, "stream create with another token");
			assert.deepEqual((await basin.streams.list()).streams.map((s) => s.name), ["s"], "one stream");
		},
	},
];

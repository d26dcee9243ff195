// Beyond s2-lite (which answers 501): access tokens (issue, list, revoke) and metrics, as the SDK
// calls them. The server runs without --auth here, so tokens are stored but not enforced.
import { AppendInput, AppendRecord } from "@s2-dev/streamstore";
import { assert, expectS2Error, RUN_ID } from "../lib/harness.mjs";

export const scenarios = [
	{
		name: "access tokens: issue, list, revoke",
		async run(t) {
			const s2 = t.s2;
			const prefix = `cf-tok-${RUN_ID}-`;
			const id = `${prefix}reader`;
			const expiresAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 3_600_000);
			const scope = {
				basins: { prefix: "cf-" },
				streams: { exact: "events" },
				opGroups: { stream: { read: true, write: false } },
				ops: ["list-basins", "check-tail"],
			};
			const issued = await s2.accessTokens.issue({ id, scope, expiresAt });
			assert.equal(typeof issued.accessToken, "string", "issued token is a string");
			assert.ok(issued.accessToken.length >= 16, "issued token is not trivially short");
			await expectS2Error(s2.accessTokens.issue({ id, scope, expiresAt }), { status: 409, code: "resource_already_exists" }, "issue of an existing id");
			await s2.accessTokens.issue({ id: `${prefix}other`, scope: { basins: { exact: "x-basin-1" }, ops: ["read"] }, expiresAt });

			const page = await s2.accessTokens.list({ prefix });
			assert.deepEqual(page.accessTokens.map((x) => x.id), [`${prefix}other`, id], "list by prefix, sorted");
			assert.equal(page.hasMore, false, "hasMore");
			const info = page.accessTokens.find((x) => x.id === id);
			assert.equal(info.expiresAt?.getTime(), expiresAt.getTime(), "expiresAt round trip");
			assert.equal(info.autoPrefixStreams, false, "autoPrefixStreams default");
			assert.deepEqual(info.scope.basins, { prefix: "cf-" }, "scope.basins");
			assert.deepEqual(info.scope.streams, { exact: "events" }, "scope.streams");
			assert.equal(info.scope.opGroups?.stream?.read, true, "scope.opGroups.stream.read");
			assert.equal(info.scope.opGroups?.stream?.write ?? false, false, "scope.opGroups.stream.write");
			assert.deepEqual([...(info.scope.ops ?? [])].sort(), ["check-tail", "list-basins"], "scope.ops");
			const limited = await s2.accessTokens.list({ prefix, limit: 1 });
			assert.deepEqual(limited.accessTokens.map((x) => x.id), [`${prefix}other`], "limit 1");
			assert.equal(limited.hasMore, true, "limit 1 hasMore");

			await s2.accessTokens.revoke({ id });
			await s2.accessTokens.revoke({ id: `${prefix}other` });
			assert.deepEqual((await s2.accessTokens.list({ prefix })).accessTokens, [], "revoked tokens are not listed");
			await expectS2Error(s2.accessTokens.revoke({ id }), { status: 404, code: "access_token_not_found" }, "revoke of a revoked token");
		},
	},
	{
		name: "metrics: account, basin and stream metric sets answer",
		async run(t) {
			const s2 = t.s2;
			const { basin, streamName, stream } = await t.newStream("metrics");
			await stream.append(AppendInput.create([AppendRecord.string({ body: "m1" }), AppendRecord.string({ body: "m2" })]));
			const end = Date.now();
			const start = end - 3_600_000;
			const account = await s2.metrics.account({ set: "active-basins", start, end });
			assert.ok(Array.isArray(account.values), "account metrics: values");
			const basinOps = await s2.metrics.basin({ basin: basin.name, set: "append-ops", start, end, interval: "minute" });
			assert.ok(Array.isArray(basinOps.values) && basinOps.values.length >= 1, "basin metrics: at least one metric");
			const storage = await s2.metrics.stream({ basin: basin.name, stream: streamName, set: "storage", start, end, interval: "minute" });
			assert.ok(Array.isArray(storage.values) && storage.values.length >= 1, "stream metrics: at least one metric");
		},
	},
];

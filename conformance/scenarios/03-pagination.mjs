// Pagination of list endpoints: limit, has_more, prefix, start_after, and the SDK's listAll.
import { assert } from "../lib/harness.mjs";

const names = (page, key) => page[key].map((x) => x.name);

export const scenarios = [
	{
		name: "pagination: streams (limit, has_more, prefix, start_after, listAll)",
		async run(t) {
			const basin = await t.newBasin("page-streams");
			const page = ["page-00", "page-01", "page-02", "page-03", "page-04"];
			for (const s of ["page-03", "other-1", "page-00", "page-04", "other-0", "page-02", "page-01"]) {
				await basin.streams.create({ stream: s });
			}
			let p = await basin.streams.list({ prefix: "page-", limit: 2 });
			assert.deepEqual(names(p, "streams"), ["page-00", "page-01"], "page 1");
			assert.equal(p.hasMore, true, "page 1 hasMore");
			p = await basin.streams.list({ prefix: "page-", startAfter: "page-01", limit: 2 });
			assert.deepEqual(names(p, "streams"), ["page-02", "page-03"], "page 2");
			assert.equal(p.hasMore, true, "page 2 hasMore");
			p = await basin.streams.list({ prefix: "page-", startAfter: "page-03", limit: 2 });
			assert.deepEqual(names(p, "streams"), ["page-04"], "page 3");
			assert.equal(p.hasMore, false, "page 3 hasMore");
			p = await basin.streams.list({ limit: 3 });
			assert.deepEqual(names(p, "streams"), ["other-0", "other-1", "page-00"], "no prefix, limit 3");
			assert.equal(p.hasMore, true, "no prefix hasMore");
			p = await basin.streams.list({ startAfter: "page-04" });
			assert.deepEqual(names(p, "streams"), [], "start_after the last name");
			assert.equal(p.hasMore, false, "empty page hasMore");
			p = await basin.streams.list({ prefix: "other-" });
			assert.deepEqual(names(p, "streams"), ["other-0", "other-1"], "prefix other-");
			p = await basin.streams.list({ prefix: "nothing-" });
			assert.deepEqual(names(p, "streams"), [], "unknown prefix");
			p = await basin.streams.list({ startAfter: "other-1", limit: 1 });
			assert.deepEqual(names(p, "streams"), ["page-00"], "start_after without prefix");
			const all = [];
			for await (const s of basin.streams.listAll({ prefix: "page-", limit: 2 })) all.push(s.name);
			assert.deepEqual(all, page, "listAll across pages of 2");
		},
	},
	{
		name: "pagination: basins (limit, has_more, prefix, start_after, listAll)",
		async run(t) {
			const s2 = t.s2;
			const made = [t.basinName("pgb"), t.basinName("pgb"), t.basinName("pgb")];
			// A shared prefix unique to this run: everything up to the counter.
			const prefix = made[0].slice(0, -3);
			for (const b of [made[2], made[0], made[1]]) await s2.basins.create({ basin: b });
			let p = await s2.basins.list({ prefix, limit: 2 });
			assert.deepEqual(names(p, "basins"), made.slice(0, 2), "page 1");
			assert.equal(p.hasMore, true, "page 1 hasMore");
			p = await s2.basins.list({ prefix, startAfter: made[1], limit: 2 });
			assert.deepEqual(names(p, "basins"), made.slice(2), "page 2");
			assert.equal(p.hasMore, false, "page 2 hasMore");
			const all = [];
			for await (const b of s2.basins.listAll({ prefix, limit: 1 })) all.push(b.name);
			assert.deepEqual(all, made, "listAll across pages of 1");
		},
	},
	{
		name: "pagination: a page holds at most 1000 streams",
		timeoutMs: 120_000,
		async run(t) {
			const basin = await t.newBasin("page-1000");
			const all = Array.from({ length: 1003 }, (_, i) => `s-${String(i).padStart(4, "0")}`);
			for (let i = 0; i < all.length; i += 50) {
				await Promise.all(all.slice(i, i + 50).map((stream) => basin.streams.create({ stream })));
			}
			const first = await basin.streams.list();
			assert.equal(first.streams.length, 1000, "default page size");
			assert.equal(first.hasMore, true, "hasMore");
			assert.deepEqual(first.streams.map((s) => s.name), all.slice(0, 1000), "first page in order");
			const second = await basin.streams.list({ startAfter: first.streams[999].name });
			assert.deepEqual(second.streams.map((s) => s.name), all.slice(1000), "second page");
			assert.equal(second.hasMore, false, "second page hasMore");
			let count = 0;
			for await (const _ of basin.streams.listAll()) count++;
			assert.equal(count, 1003, "listAll");
		},
	},
];

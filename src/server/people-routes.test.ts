import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runPpppt, type TempDocket, tempDocket } from "../cli/fake-io.js";
import { createDashboardApp } from "./app.js";

const TOKEN = "people-token";
const ORIGIN = "http://127.0.0.1:4571";
const TODAY = "2026-11-25";
const CONFIG = "people:\n  - priya\n  - dana.k: Dana Kim\n  - dana.m: Dana Morales\n";
const DOCKET = [
  "1:1 with Dana Kim due:2026-11-26 with:dana.k cat:people id:aaaa",
  "Budget numbers @waiting with:dana.k cat:people id:bbbb",
  "x 2026-11-24 2026-11-20 Promo packet review with:dana.k cat:people spent:1h30m id:cccc",
  "x 2026-11-23 2026-11-10 Caching RFC cat:tech est:2h id:dddd",
  "x 2026-11-25 2026-11-21 Meetup abstract cat:public id:eeee",
  "x 2026-11-18 2026-11-18 Last week's ops review cat:process id:ffff",
  "Hiring sync with:sam cat:people id:gggg",
  "",
].join("\n");

let t: TempDocket;
beforeEach(() => {
  t = tempDocket(DOCKET, CONFIG);
  // An archived 1:1 in the done file: the person page reads it as `ppppt person` does.
  writeFileSync(
    join(t.dir, "done.txt"),
    "x 2026-11-19 2026-11-12 1:1 with Dana Kim with:dana.k cat:people id:hhhh\n",
  );
});
afterEach(() => rmSync(t.dir, { recursive: true, force: true }));

const app = () =>
  createDashboardApp({
    docketPath: t.file,
    token: TOKEN,
    port: () => 4571,
    today: () => TODAY,
    categoriser: async () => () => undefined,
    env: t.env,
  });
const get = (path: string) =>
  app().request(`${ORIGIN}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });

describe("GET /api/person/:name", () => {
  it("is what `ppppt person NAME --json` prints", async () => {
    const res = await get("/api/person/dana%20kim");
    expect(res.status).toBe(200);
    const body = await res.json();
    const cli = await runPpppt(["person", "dana kim", "--json"], { ...t.env, PPPPT_TODAY: TODAY });
    expect(cli.code).toBe(0);
    expect(body).toEqual(JSON.parse(cli.stdout));
    expect(body.person.handle).toBe("dana.k");
    expect(body.nextOneOnOne.id).toBe("aaaa");
    expect(body.lastOneOnOne.id).toBe("hhhh");
    expect(body.waiting.map((i: { id: string }) => i.id)).toEqual(["bbbb"]);
    expect(body.done.map((i: { id: string; completed: string }) => [i.id, i.completed])).toEqual([
      ["cccc", "2026-11-24"],
      ["hhhh", "2026-11-19"],
    ]);
  });

  it("says who an ambiguous name could be, and that an unknown one is nobody", async () => {
    const ambiguous = await get("/api/person/dana");
    expect(ambiguous.status).toBe(400);
    expect((await ambiguous.json()).error).toBe('"dana" could be dana.k or dana.m: say which');
    const unknown = await get("/api/person/zed");
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toMatch(/^nobody called "zed"/);
  });
});

describe("GET /api/people", () => {
  it("lists the config's people, then every with: handle, with what is open about them", async () => {
    const body = await (await get("/api/people")).json();
    expect(body.people).toEqual([
      { handle: "priya", first: "priya", open: 0, waiting: 0 },
      { handle: "dana.k", name: "Dana Kim", first: "dana", open: 2, waiting: 1 },
      { handle: "dana.m", name: "Dana Morales", first: "dana", open: 0, waiting: 0 },
      { handle: "sam", first: "sam", open: 1, waiting: 0 },
    ]);
  });
});

describe("GET /api/history", () => {
  it("groups this week's done items by category with the time each took", async () => {
    const body = await (await get("/api/history")).json();
    expect(body.period).toMatchObject({ start: "2026-11-23", end: TODAY, label: "2026-W48" });
    expect(body.previous).toBe("2026-11-16");
    expect(body.next).toBeNull();
    expect(body.total).toBe(3);
    const groups = body.groups.map(
      (g: {
        category: string;
        items: { item: { id: string }; took: string; tookText: string }[];
      }) => [g.category, g.items.map((e) => [e.item.id, e.took, e.tookText])],
    );
    expect(groups).toEqual([
      ["people", [["cccc", "spent", "1h30m spent"]]],
      ["public", [["eeee", "elapsed", "4 days from creation to done"]]],
      ["tech", [["dddd", "estimate", "est. 2h"]]],
    ]);
    expect(body.groups[0].measuredMinutes).toBe(90);
    expect(body.groups[2].estimatedMinutes).toBe(120);
  });

  it("shows an earlier week, the done file's items too, and refuses a bad or future date", async () => {
    const body = await (await get("/api/history?week=2026-11-18")).json();
    expect(body.period).toMatchObject({ start: "2026-11-16", end: "2026-11-22" });
    expect(body.next).toBe("2026-11-23");
    const ids = body.groups.flatMap((g: { items: { item: { id: string } }[] }) =>
      g.items.map((e) => e.item.id),
    );
    expect(ids).toEqual(["hhhh", "ffff"]);
    expect(body.groups[1].items[0].tookText).toBe("created and done the same day");
    const bad = await get("/api/history?week=2026-13-01");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/"2026-13-01" is not a date/);
    const future = await get("/api/history?week=2026-12-30");
    expect((await future.json()).error).toMatch(/after today/);
  });
});

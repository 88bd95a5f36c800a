import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDashboardApp } from "./app.js";

const TOKEN = "test-token-123";
const PORT = 4567;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DOCKET = [
  "(A) Review the caching RFC cat:tech id:aaaa",
  "1:1 with Dana cat:people id:bbbb due:2026-11-27",
  "x 2026-11-20 Old thing cat:process id:cccc",
  "",
].join("\n");

let dir: string;
let file: string;
let clock: Date;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ppppt-fields-"));
  file = join(dir, "todo.txt");
  clock = new Date("2026-12-01T22:10:00Z");
  await writeFile(file, DOCKET);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const app = () =>
  createDashboardApp({
    docketPath: file,
    token: TOKEN,
    port: () => PORT,
    today: () => "2026-11-25",
    now: () => clock,
    categoriser: async () => () => undefined,
    env: { HOME: dir, XDG_CONFIG_HOME: join(dir, "config") },
  });

async function post(path: string, json: unknown = {}) {
  const res = await app().request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${TOKEN}`,
      "content-type": "application/json",
      origin: ORIGIN,
    },
    body: JSON.stringify(json),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const items = async () =>
  (await (
    await app().request(`${ORIGIN}/api/items`, { headers: { authorization: `Bearer ${TOKEN}` } })
  ).json()) as {
    items: { id: string }[];
    timers: { item: { id: string }; since: string }[];
  };
const docket = () => readFile(file, "utf8");

describe("POST /api/items/:id/field", () => {
  it("changes one field in the CLI's words and says what it did", async () => {
    const r = await post("/api/items/bbbb/field", { field: "due", value: "next friday" });
    expect(r.status).toBe(200);
    expect(r.body.said).toBe("bbbb due 2026-12-04");
    expect(await docket()).toContain("1:1 with Dana cat:people id:bbbb due:2026-12-04");
    await post("/api/items/aaaa/field", { field: "priority", value: "none" });
    await post("/api/items/aaaa/field", { field: "tag", value: "+caching" });
    await post("/api/items/aaaa/field", { field: "spent", value: "45m" });
    expect(await docket()).toContain("Review the caching RFC cat:tech id:aaaa +caching spent:45m");
  });

  it("a snoozed item leaves the board until its day", async () => {
    await post("/api/items/aaaa/field", { field: "snooze", value: "2026-11-30" });
    expect((await items()).items.map((i) => i.id)).toEqual(["bbbb"]);
  });

  it("refuses a bad value with the CLI's message and changes nothing", async () => {
    for (const [field, value, message] of [
      ["due", "someday", /"someday" is not a due date/],
      ["priority", "AA", /"AA" is not a priority/],
      ["spent", "5x", /"5x" is not a duration/],
    ] as const) {
      const r = await post("/api/items/aaaa/field", { field, value });
      expect(r.status).toBe(400);
      expect(String(r.body.error)).toMatch(message);
    }
    expect((await post("/api/items/zzzz/field", { field: "due", value: "friday" })).status).toBe(
      404,
    );
    expect((await post("/api/items/aaaa/field", { field: "colour", value: "red" })).status).toBe(
      400,
    );
    expect(await docket()).toBe(DOCKET);
  });
});

describe("the timer routes", () => {
  it("start, the running timer in /api/items, stop adding the minutes", async () => {
    const started = await post("/api/items/aaaa/start");
    expect(started.status).toBe(200);
    expect(started.body.since).toBe("2026-12-01T22:10:00Z");
    expect((await items()).timers).toMatchObject([
      { item: { id: "aaaa" }, since: "2026-12-01T22:10:00Z" },
    ]);
    clock = new Date("2026-12-01T22:40:00Z");
    const switched = await post("/api/items/bbbb/start");
    expect(switched.body.stopped).toMatchObject([{ item: { id: "aaaa" }, addedMinutes: 30 }]);
    clock = new Date("2026-12-01T22:50:00Z");
    const stopped = await post("/api/timer/stop");
    expect(stopped.body.stopped).toMatchObject([{ item: { id: "bbbb" }, addedMinutes: 10 }]);
    expect((await items()).timers).toEqual([]);
    expect(await docket()).toContain("(A) Review the caching RFC cat:tech id:aaaa spent:30m");
  });

  it("stop with no timer says so", async () => {
    const r = await post("/api/timer/stop");
    expect(r.status).toBe(400);
    expect(r.body.error).toBe("no timer is running");
  });

  it("completing a timed item stops its timer and counts the time", async () => {
    await post("/api/items/bbbb/start");
    clock = new Date("2026-12-01T23:10:00Z");
    const r = await post("/api/items/bbbb/done");
    expect(r.status).toBe(200);
    expect(r.body.stopped).toMatchObject({ item: { id: "bbbb" }, addedMinutes: 60 });
    expect(await docket()).toContain(
      "x 2026-11-25 1:1 with Dana cat:people id:bbbb due:2026-11-27 spent:1h",
    );
  });
});

import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDashboardApp } from "./app.js";
import type { BoardDelta, BoardJson } from "./board-delta.js";
import { FIRST_SCREEN_CARDS } from "./board-routes.js";

const TOKEN = "test-token-board";
const PORT = 4568;
const ORIGIN = `http://127.0.0.1:${PORT}`;

let dir: string;
let file: string;
let webRoot: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ppppt-board-"));
  file = join(dir, "todo.txt");
  webRoot = join(dir, "web");
  await mkdir(webRoot);
  await writeFile(
    join(webRoot, "index.html"),
    "<!doctype html><html><head><title>t</title></head><body><div id=app></div></body></html>",
  );
  await writeFile(
    file,
    [
      "(A) Review the caching RFC cat:tech id:aaaa",
      "1:1 with Dana cat:people id:bbbb due:2026-11-27",
      "x 2026-11-20 Old thing cat:process id:cccc",
      "Plan the meetup talk cat:public id:dddd",
      "",
    ].join("\n"),
  );
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

// One app for a whole test: the deltas are diffed against boards it has served.
function server() {
  const app = createDashboardApp({
    docketPath: file,
    token: TOKEN,
    port: () => PORT,
    today: () => "2026-11-25",
    categoriser: async () => () => undefined,
    env: { HOME: dir, XDG_CONFIG_HOME: join(dir, "config") },
    webRoot,
  });
  const call = async <T>(path: string, init: RequestInit & { json?: unknown } = {}) => {
    const headers = new Headers(init.headers);
    headers.set("authorization", `Bearer ${TOKEN}`);
    if (init.json !== undefined) {
      headers.set("content-type", "application/json");
      headers.set("origin", ORIGIN);
    }
    const body = init.json === undefined ? undefined : JSON.stringify(init.json);
    const res = await app.request(`${ORIGIN}${path}`, { ...init, headers, body });
    return { status: res.status, json: (await res.json()) as T };
  };
  return { app, call };
}

describe("the board's changes", () => {
  it("answers what changed since a version: the new item whole, the order as ids", async () => {
    const { call } = server();
    const before = (await call<BoardJson>("/api/items")).json;
    const added = await call<{ item: { id: string } }>("/api/items", {
      method: "POST",
      json: { text: "Write the on-call policy cat:process" },
    });
    expect(added.status).toBe(201);
    const r = await call<BoardDelta>(`/api/items/changes?since=${before.version}`);
    expect(r.status).toBe(200);
    expect(r.json.from).toBe(before.version);
    expect(r.json.version).not.toBe(before.version);
    expect(r.json.changed.map((i) => i.id)).toEqual([added.json.item.id]);
    expect(r.json.removed).toEqual([]);
    expect(r.json.order).toHaveLength(before.items.length + 1);
    expect(r.json.order).toContain(added.json.item.id);
    // Applied to the board the page held, it gives the board the server now has.
    const now = (await call<BoardJson>("/api/items")).json;
    expect(now.items.map((i) => i.id)).toEqual(r.json.order);
  });

  it("names a completed item as removed, and an edited one as changed", async () => {
    const { call } = server();
    const before = (await call<BoardJson>("/api/items")).json;
    await call("/api/items/dddd/done", { method: "POST", json: {} });
    await call("/api/items/bbbb", { method: "PATCH", json: { text: "1:1 with Dana, promo" } });
    const r = await call<BoardDelta>(`/api/items/changes?since=${before.version}`);
    expect(r.json.removed).toEqual(["dddd"]);
    expect(r.json.changed.map((i) => i.title)).toEqual(["1:1 with Dana, promo"]);
    expect(r.json.order).not.toContain("dddd");
  });

  it("refuses a version it does not know with 409, so the page loads the whole board", async () => {
    const { call } = server();
    await call("/api/items");
    const r = await call<{ error: string }>("/api/items/changes?since=0123456789abcdef");
    expect(r.status).toBe(409);
    expect(r.json.error).toMatch(/load the board again/);
  });

  it("sends a board with a repeated id only whole", async () => {
    await writeFile(file, "One cat:tech id:same\nTwo cat:tech id:same\n");
    const { call } = server();
    const before = (await call<BoardJson>("/api/items")).json;
    expect(before.problems.duplicates).toHaveLength(1);
    const r = await call(`/api/items/changes?since=${before.version}`);
    expect(r.status).toBe(409);
  });

  it("needs the token like every API route", async () => {
    const { app } = server();
    expect((await app.request(`${ORIGIN}/api/items/changes?since=x`)).status).toBe(401);
  });
});

describe("the page with its first screen", () => {
  const firstScreenOf = (html: string) => {
    const m = html.match(
      /<script type="application\/json" id="ppppt-first-screen">(.*?)<\/script>/s,
    );
    return m
      ? (JSON.parse(m[1] as string) as BoardJson & { partial: { counts: Record<string, number> } })
      : undefined;
  };

  it("puts the top of each column inside the page when the URL carries the token", async () => {
    const lines = Array.from(
      { length: FIRST_SCREEN_CARDS + 10 },
      (_, i) => `Tech item ${i} cat:tech id:t${i}`,
    );
    await writeFile(file, `${lines.join("\n")}\n1:1 with Dana cat:people id:bbbb\n`);
    const { app } = server();
    const res = await app.request(`${ORIGIN}/?token=${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const first = firstScreenOf(await res.text());
    expect(first?.partial.counts).toEqual({ tech: FIRST_SCREEN_CARDS + 10, people: 1 });
    expect(first?.items).toHaveLength(FIRST_SCREEN_CARDS + 1);
    expect(first?.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it("sends the predictions of the first screen's items only", async () => {
    const lines = Array.from(
      { length: FIRST_SCREEN_CARDS + 5 },
      (_, i) => `Guessed item ${i} id:g${i}`,
    );
    await writeFile(file, `${lines.join("\n")}\n`);
    const app = createDashboardApp({
      docketPath: file,
      token: TOKEN,
      port: () => PORT,
      today: () => "2026-11-25",
      categoriser: async () => () => ({
        category: "tech",
        probability: 0.9,
        unsure: false,
        reason: "test",
      }),
      env: { HOME: dir, XDG_CONFIG_HOME: join(dir, "config") },
      webRoot,
    });
    const first = firstScreenOf(await (await app.request(`${ORIGIN}/?token=${TOKEN}`)).text());
    expect(first?.partial.counts).toEqual({ tech: FIRST_SCREEN_CARDS + 5 });
    expect(Object.keys(first?.predicted ?? {})).toHaveLength(FIRST_SCREEN_CARDS);
  });

  it("keeps item text from ending the data block", async () => {
    await writeFile(file, "Read </script><script>alert(1)</script> cat:tech id:x1\n");
    const { app } = server();
    const html = await (await app.request(`${ORIGIN}/?token=${TOKEN}`)).text();
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(firstScreenOf(html)?.items[0]?.title).toBe("Read </script><script>alert(1)</script>");
  });

  it("puts nothing of the docket in the page without the right token", async () => {
    const { app } = server();
    for (const url of [`${ORIGIN}/`, `${ORIGIN}/?token=wrong`]) {
      const html = await (await app.request(url)).text();
      expect(html).not.toContain("ppppt-first-screen");
      expect(html).not.toContain("caching RFC");
    }
  });
});

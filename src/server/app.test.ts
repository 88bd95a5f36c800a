import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runPpppt } from "../cli/fake-io.js";
import type { Categoriser } from "../core/capture.js";
import { createDashboardApp } from "./app.js";
import { CONTENT_SECURITY_POLICY } from "./security.js";

const TOKEN = "test-token-123";
const PORT = 4567;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const keywordGuess: Categoriser = (text) =>
  /1:1|promo/.test(text)
    ? { category: "people", probability: 0.9, unsure: false, reason: "test rule" }
    : undefined;

let dir: string;
let file: string;
let learned: Array<[string, string]>;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "ppppt-server-"));
  file = join(dir, "todo.txt");
  learned = [];
  await writeFile(
    file,
    [
      "(A) Review the caching RFC cat:tech id:aaaa",
      "1:1 with Dana cat:people id:bbbb due:2026-11-27",
      "x 2026-11-20 Old thing cat:process id:cccc",
      "Plan the meetup talk cat:public? id:dddd",
      "",
    ].join("\n"),
  );
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function app() {
  return createDashboardApp({
    docketPath: file,
    token: TOKEN,
    port: () => PORT,
    today: () => "2026-11-25",
    categoriser: async () => keywordGuess,
    env: { HOME: dir, XDG_CONFIG_HOME: join(dir, "config") },
    learn: async (text, category) => {
      learned.push([text, category]);
    },
  });
}

function call(path: string, init: RequestInit & { json?: unknown } = {}) {
  const headers = new Headers(init.headers);
  if (!headers.has("authorization")) headers.set("authorization", `Bearer ${TOKEN}`);
  if (init.json !== undefined) {
    headers.set("content-type", "application/json");
    if (!headers.has("origin")) headers.set("origin", ORIGIN);
  }
  const body = init.json === undefined ? init.body : JSON.stringify(init.json);
  return app().request(`${ORIGIN}${path}`, { ...init, headers, body });
}

describe("security", () => {
  it("refuses an API call without the token", async () => {
    const res = await app().request(`${ORIGIN}/api/items`);
    expect(res.status).toBe(401);
  });

  it("refuses an API call with a wrong token", async () => {
    const res = await call("/api/items", { headers: { authorization: "Bearer nope" } });
    expect(res.status).toBe(401);
  });

  it("accepts the token in the URL for reads only", async () => {
    const read = await app().request(`${ORIGIN}/api/items?token=${TOKEN}`);
    expect(read.status).toBe(200);
    const write = await app().request(`${ORIGIN}/api/items?token=${TOKEN}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: ORIGIN },
      body: JSON.stringify({ text: "sneaky" }),
    });
    expect(write.status).toBe(401);
  });

  it("refuses a foreign Host header (DNS rebinding), on the page and the API", async () => {
    for (const path of ["/", "/api/items"]) {
      const res = await app().request(`http://evil.example:${PORT}${path}`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(res.status).toBe(403);
    }
  });

  it("refuses the right host name on another port", async () => {
    const res = await app().request(`http://127.0.0.1:9999/api/items`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(403);
  });

  it("accepts localhost as well as 127.0.0.1", async () => {
    const res = await app().request(`http://localhost:${PORT}/api/items`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
  });

  it("refuses a write from another origin even with the token", async () => {
    const res = await call("/api/items", {
      method: "POST",
      json: { text: "from elsewhere" },
      headers: { origin: "http://evil.example" },
    });
    expect(res.status).toBe(403);
    expect(await readFile(file, "utf8")).not.toContain("from elsewhere");
  });

  it("refuses a cross-site write flagged by Sec-Fetch-Site", async () => {
    const res = await call("/api/items/aaaa", {
      method: "DELETE",
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(res.status).toBe(403);
  });

  it("refuses a write that is not JSON (a plain form post)", async () => {
    const res = await call("/api/items", {
      method: "POST",
      body: "text=hello",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: ORIGIN },
    });
    expect(res.status).toBe(415);
  });

  it("sends a strict Content-Security-Policy and nosniff on every response", async () => {
    for (const res of [await app().request(`${ORIGIN}/`), await call("/api/items")]) {
      expect(res.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    }
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("unsafe-inline");
  });

  it("refuses a path outside the built page", async () => {
    const res = await app().request(`${ORIGIN}/../../etc/passwd`);
    expect([404, 500]).toContain(res.status);
  });
});

describe("items", () => {
  it("lists the open items in `ppppt next` order, in the itemJson shape", async () => {
    const res = await call("/api/items");
    const body = await res.json();
    expect(body.today).toBe("2026-11-25");
    const ids = body.items.map((i: { id: string }) => i.id);
    expect([...ids].sort()).toEqual(["aaaa", "bbbb", "dddd"]);
    const cli = await runPpppt(["next", "--json", "-n", "10", "--today", "2026-11-25"], {
      PPPPT_FILE: file,
      HOME: dir,
      XDG_CONFIG_HOME: join(dir, "config"),
    });
    const next = JSON.parse(cli.stdout) as { items: { item: { id: string } }[] };
    expect(ids).toEqual(next.items.map((e) => e.item.id));
    const rfc = body.items.find((i: { id: string }) => i.id === "aaaa");
    expect(rfc).toMatchObject({ title: "Review the caching RFC", category: "tech", priority: "A" });
    expect(body.items.find((i: { id: string }) => i.id === "dddd").categoryGuess).toBe(true);
  });

  it("places an item with no category by the classifier's guess", async () => {
    await writeFile(file, "1:1 with Sam id:ssss\nSomething vague id:vvvv\n");
    const body = await (await call("/api/items")).json();
    expect(body.predicted).toEqual({ ssss: "people" });
    expect(body.items.find((i: { id: string }) => i.id === "ssss").category).toBeNull();
  });

  it("adds an item as `ppppt add` does: category and due date inferred, id given", async () => {
    const res = await call("/api/items", {
      method: "POST",
      json: { text: "Prepare the promo packet friday" },
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.item).toMatchObject({ category: "people", due: "2026-11-27" });
    expect(body.inferred.map((i: { field: string }) => i.field).sort()).toEqual([
      "category",
      "due",
    ]);
    const text = await readFile(file, "utf8");
    expect(text).toContain(`2026-11-25 Prepare the promo packet due:2026-11-27 cat:people`);
  });

  it("adds a line verbatim when asked (undoing a delete)", async () => {
    await call("/api/items", {
      method: "POST",
      json: { text: "Exact words cat:tech id:zzzz", verbatim: true },
    });
    expect(await readFile(file, "utf8")).toContain("\nExact words cat:tech id:zzzz\n");
  });

  it("refuses a category typed in the text that does not exist, as `ppppt add` does", async () => {
    const before = await readFile(file, "utf8");
    const res = await call("/api/items", { method: "POST", json: { text: "Call them cat:sales" } });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/cat:sales is not a category/);
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("refuses an empty item", async () => {
    const res = await call("/api/items", { method: "POST", json: { text: "  " } });
    expect(res.status).toBe(400);
  });

  it("refuses a docket that is a FIFO with a clear error, never hanging on it", async () => {
    await rm(file);
    expect(spawnSync("mkfifo", [file]).status).toBe(0);
    const res = await call("/api/items");
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(
      /todo.txt is a named pipe \(FIFO\), not a docket file/,
    );
  });

  it("answers a JSON body cut short with 400 and a clear error, for every route taking one", async () => {
    const before = await readFile(file, "utf8");
    const routes: [string, string][] = [
      ["POST", "/api/items"],
      ["POST", "/api/classify"],
      ["PATCH", "/api/items/abcd"],
      ["POST", "/api/items/abcd/recat"],
    ];
    for (const [method, path] of routes) {
      const res = await call(path, {
        method,
        headers: { "content-type": "application/json", origin: ORIGIN },
        body: '{"text":',
      });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(await res.json()).toEqual({ error: "the request body is not valid JSON" });
    }
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("previews the category and due date while typing, writing nothing", async () => {
    const before = await readFile(file, "utf8");
    const res = await call("/api/classify", { method: "POST", json: { text: "1:1 with Sam" } });
    const body = await res.json();
    expect(body).toMatchObject({ category: "people", unsure: false });
    expect(body.stored).toContain("cat:people");
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("completes and reopens an item", async () => {
    const done = await call("/api/items/bbbb/done", { method: "POST", json: {} });
    expect((await done.json()).done).toMatchObject({ done: true, completed: "2026-11-25" });
    const undo = await call("/api/items/bbbb/undo", { method: "POST", json: {} });
    expect((await undo.json()).item.done).toBe(false);
  });

  it("keeps every tag the new wording does not set, as `ppppt edit` does", async () => {
    await writeFile(
      file,
      "2026-11-20 1:1 with Dana +promo @calendar due:2026-11-27 rec:1w est:30m cat:people id:tcwq\n",
    );
    const res = await call("/api/items/tcwq", {
      method: "PATCH",
      json: { text: "1:1 with Dana: promo packet and Q1 goals" },
    });
    expect(res.status).toBe(200);
    expect(await readFile(file, "utf8")).toBe(
      "2026-11-20 1:1 with Dana: promo packet and Q1 goals +promo @calendar due:2026-11-27 rec:1w est:30m cat:people id:tcwq\n",
    );
    const cli = await runPpppt(["edit", "tcwq", "--replace", "Dana promo cat:people"], {
      PPPPT_FILE: file,
      HOME: dir,
    });
    expect(cli.code).toBe(0);
    await call("/api/items/tcwq", {
      method: "PATCH",
      json: { text: "Dana promo packet +promo", mode: "wording" },
    });
    // The edit box shows the body without id: and cat:; what the user deleted from it goes.
    expect(await readFile(file, "utf8")).toBe("Dana promo packet +promo cat:people id:tcwq\n");
  });

  it("undoes a recurring item's completion with its next occurrence, as `ppppt undo` does", async () => {
    const before = "2026-11-01 staff sync due:2026-11-25 rec:+1w cat:process id:ssss\n";
    await writeFile(file, before);
    const done = await (await call("/api/items/ssss/done", { method: "POST", json: {} })).json();
    expect(done.next.due).toBe("2026-12-02");
    const undo = await (await call("/api/items/ssss/undo", { method: "POST", json: {} })).json();
    expect(undo.removed.id).toBe(done.next.id);
    expect(await readFile(file, "utf8")).toBe(before);
    const env = { PPPPT_FILE: file, HOME: dir, PPPPT_TODAY: "2026-11-25" };
    expect((await runPpppt(["done", "ssss"], env)).code).toBe(0);
    expect((await runPpppt(["undo", "ssss"], env)).code).toBe(0);
    expect(await readFile(file, "utf8")).toBe(before);
  });

  it("edits the wording and keeps id and category", async () => {
    const res = await call("/api/items/aaaa", {
      method: "PATCH",
      json: { text: "Review the new caching RFC" },
    });
    const body = await res.json();
    expect(body.item).toMatchObject({ id: "aaaa", category: "tech", priority: "A" });
    expect(body.item.title).toBe("Review the new caching RFC");
  });

  it("deletes an item and returns its line", async () => {
    const res = await call("/api/items/dddd", { method: "DELETE" });
    expect((await res.json()).removed.text).toBe("Plan the meetup talk cat:public? id:dddd");
    expect(await readFile(file, "utf8")).not.toContain("meetup");
  });

  it("recategorises an item and teaches the classifier", async () => {
    const res = await call("/api/items/dddd/recat", {
      method: "POST",
      json: { category: "product" },
    });
    expect((await res.json()).item).toMatchObject({ category: "product", categoryGuess: false });
    expect(learned).toEqual([["Plan the meetup talk", "product"]]);
  });

  it("refuses a category that does not exist", async () => {
    const res = await call("/api/items/dddd/recat", { method: "POST", json: { category: "x" } });
    expect(res.status).toBe(400);
  });

  it("answers 404 for an unknown id", async () => {
    const res = await call("/api/items/nope/done", { method: "POST", json: {} });
    expect(res.status).toBe(404);
  });

  it("never loses a line the dashboard does not understand", async () => {
    await writeFile(file, "# a comment\n\u0001bad\nKeep me cat:tech id:kkkk\n");
    await call("/api/items/kkkk/done", { method: "POST", json: {} });
    const text = await readFile(file, "utf8");
    expect(text.startsWith("# a comment\n\u0001bad\n")).toBe(true);
  });
});

describe("lens views", () => {
  const cliEnv = () => ({ PPPPT_FILE: file, HOME: dir, XDG_CONFIG_HOME: join(dir, "config") });

  it("serves the balance report `ppppt balance --json` prints, the same whole object", async () => {
    const body = await (await call("/api/balance")).json();
    const cli = await runPpppt(["balance", "--json", "--today", "2026-11-25"], cliEnv());
    expect(body).toEqual(JSON.parse(cli.stdout));
    expect(body.balance.categories).toHaveLength(5);
    const month = await (await call("/api/balance?period=month&trend=month")).json();
    const cliMonth = await runPpppt(
      ["balance", "--month", "--json", "--today", "2026-11-25"],
      cliEnv(),
    );
    expect(month).toEqual(JSON.parse(cliMonth.stdout));
  });

  it("defaults to the last 30 days and says so", async () => {
    const body = await (await call("/api/balance")).json();
    expect(body.period).toMatchObject({ kind: "last", label: "last 30 days", end: "2026-11-25" });
    expect(body.period.start).toBe("2026-10-27");
    const week = await (await call("/api/balance?period=7d")).json();
    expect(week.period.label).toBe("last 7 days");
  });

  it("draws the trend over weeks unless asked otherwise", async () => {
    const body = await (await call("/api/balance")).json();
    expect(body.trendKind).toBe("week");
    expect(body.trend).toHaveLength(12);
    expect(body.trend[11].label).toMatch(/^2026-W48/);
  });

  it("judges against the role asked for", async () => {
    const body = await (await call("/api/balance?period=quarter&role=vp")).json();
    expect(body.balance.role).toBe("vp");
    expect(body.balance.period.kind).toBe("quarter");
  });

  it("refuses an unknown period or role", async () => {
    expect((await call("/api/balance?period=year")).status).toBe(400);
    expect((await call("/api/balance?role=king")).status).toBe(400);
  });

  it("serves the weekly review `ppppt review --json` prints", async () => {
    const body = await (await call("/api/review")).json();
    const cli = await runPpppt(["review", "--json", "--today", "2026-11-25"], cliEnv());
    const { saved: _saved, ...expected } = JSON.parse(cli.stdout);
    expect(body).toEqual(expected);
  });

  it("lists the playbook's practices for the role", async () => {
    const body = await (await call("/api/playbook")).json();
    expect(body.role).toBe("manager");
    expect(body.practices.length).toBeGreaterThan(5);
    expect(body.practices[0]).toHaveProperty("adopted", false);
  });

  it("proposes a plan and takes a practice up once", async () => {
    const plan = await (await call("/api/plan")).json();
    expect(plan.proposals.length).toBeGreaterThan(0);
    const id = plan.proposals[0].id;
    const first = await call(`/api/plan/${id}`, { method: "POST", json: {} });
    expect(first.status).toBe(201);
    const added = (await first.json()).added;
    expect(added.length).toBeGreaterThan(0);
    expect(await readFile(file, "utf8")).toContain(`practice:${id}`);
    const again = await call(`/api/plan/${id}`, { method: "POST", json: {} });
    expect(again.status).toBe(400);
    const after = await (await call("/api/plan")).json();
    expect(after.underWay.length).toBe(added.length);
  });
});

describe("adding from the dashboard picks the person, as `ppppt add` does", () => {
  it("tags a person named in the config and reports an ambiguous first name", async () => {
    await mkdir(join(dir, "config", "ppppt"), { recursive: true });
    await writeFile(
      join(dir, "config", "ppppt", "config.yaml"),
      "people:\n  - priya\n  - dana.k: Dana Kim\n  - dana.m: Dana Morales\n",
    );
    const res = await call("/api/items", { method: "POST", json: { text: "Ask Priya and Dana" } });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.item.people).toEqual(["priya"]);
    expect(body.inferred).toContainEqual({ field: "person", value: "priya", from: "Priya" });
    expect(body.ambiguous).toEqual([{ name: "Dana", candidates: ["dana.k", "dana.m"] }]);
    expect(await readFile(file, "utf8")).toMatch(/Ask Priya and Dana with:priya id:/);
  });
});

import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runPpppt, type TempDocket, tempDocket } from "../fake-io.js";

const CONFIG = "people:\n  - priya\n  - dana.k: Dana Kim\n  - dana.m: Dana Morales\n";
let t: TempDocket;
afterEach(() => rmSync(t.dir, { recursive: true, force: true }));

const setup = (docket = "", config = CONFIG) => {
  t = tempDocket(docket, config);
};
const run = (...args: string[]) =>
  runPpppt(["--no-color", ...args], { ...t.env, PPPPT_TODAY: "2026-11-25" });
const docket = () => readFileSync(t.file, "utf8");

describe("add picks the person", () => {
  it("tags a person from the config and says whom it picked", async () => {
    setup();
    const r = await run("add", "--cat", "people", "1:1 with dana kim about the promo packet");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/with dana\.k, from "dana kim"/);
    expect(docket()).toMatch(
      /1:1 with dana kim about the promo packet cat:people with:dana\.k id:/,
    );
  });

  it("knows people from earlier with: tags in the docket, in any case", async () => {
    setup("Coffee with:Sam cat:people id:aaaa\n", "");
    const r = await run("add", "--cat", "people", "Lunch with SAM");
    expect(r.stdout).toMatch(/with sam, from "SAM"/);
    expect(docket().split("\n")[1]).toMatch(/^2026-11-25 Lunch with SAM cat:people with:sam id:/);
  });

  it("does not guess between two people with one first name, and says so", async () => {
    setup();
    const r = await run("add", "--cat", "people", "Ask Dana about the budget");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/"Dana" could be dana\.k or dana\.m: not guessed/);
    expect(docket()).not.toMatch(/with:/);
    const json = JSON.parse((await run("add", "--cat", "people", "--json", "Ask Dana")).stdout);
    expect(json.ambiguous).toEqual([{ name: "Dana", candidates: ["dana.k", "dana.m"] }]);
    expect(json.people).toEqual([]);
  });

  it("refuses a bad people: list with the file and line", async () => {
    setup("", "people:\n  - dana k\n");
    const r = await run("add", "x");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/config\.yaml:2: people\[0\]: "dana k" is not a handle/);
    expect(docket()).toBe("");
  });
});

describe("list --waiting and --with", () => {
  it("shows what you wait on, and one person's items", async () => {
    setup(
      [
        "Budget numbers @waiting with:dana.k cat:people id:aaaa",
        "Promo packet with:dana.m cat:people id:bbbb",
        "Vendor quote @waiting cat:product id:cccc",
        "Review with:priya cat:tech id:dddd",
        "",
      ].join("\n"),
    );
    const ids = async (...args: string[]) =>
      JSON.parse((await run("list", "--json", ...args)).stdout).map((i: { id: string }) => i.id);
    expect(await ids("--waiting")).toEqual(["aaaa", "cccc"]);
    expect(await ids("--with", "dana")).toEqual(["aaaa", "bbbb"]);
    expect(await ids("--with", "DANA.M")).toEqual(["bbbb"]);
    expect(await ids("--waiting", "--with", "dana.k")).toEqual(["aaaa"]);
    const bad = await run("list", "--with", "dana k");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/"dana k" is not a person's handle/);
  });
});

describe("ppppt person", () => {
  const lines = [
    "(A) 1:1 with Dana Kim due:2026-11-27 with:dana.k cat:people id:n1n1",
    "Promo packet due:2026-12-04 with:dana.k cat:people id:prom",
    "Her budget numbers @waiting with:Dana.K cat:people id:wait",
    "x 2026-11-20 2026-11-13 1:1 with Dana Kim with:dana.k cat:people id:last",
    "Other Dana's thing with:dana.m cat:people id:othr",
    "",
  ].join("\n");

  it("shows open and done items with dates, the 1:1s and what you wait on", async () => {
    setup(lines);
    writeFileSync(
      join(t.dir, "done.txt"),
      "x 2026-11-06 Hiring plan with:dana.k cat:people id:arch\n",
    );
    const r = await run("person", "Dana Kim");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Dana Kim \(with:dana\.k\)\nNext 1:1: n1n1 .*1:1 with Dana Kim/);
    expect(r.stdout).toMatch(/Last 1:1: last .*x 2026-11-20/);
    expect(r.stdout).toMatch(/Waiting on them for \(1\)\n {2}wait /);
    expect(r.stdout).toMatch(/Open \(3\)\n {2}n1n1.*\n {2}prom.*\n {2}wait/);
    expect(r.stdout).toMatch(
      /Done \(2\)\n {2}last .*x 2026-11-20.*\n {2}arch .*x 2026-11-06 Hiring plan/,
    );
    expect(r.stdout).not.toMatch(/othr/);
  });

  it("gives the same as JSON", async () => {
    setup(lines);
    const json = JSON.parse((await run("person", "dana.k", "--json")).stdout);
    expect(json.person).toEqual({ handle: "dana.k", name: "Dana Kim", first: "dana" });
    expect(json.nextOneOnOne.id).toBe("n1n1");
    expect(json.lastOneOnOne.completed).toBe("2026-11-20");
    expect(json.waiting.map((i: { id: string }) => i.id)).toEqual(["wait"]);
    expect(json.open.map((i: { id: string }) => i.id)).toEqual(["n1n1", "prom", "wait"]);
    expect(json.done.map((i: { id: string }) => i.id)).toEqual(["last"]);
  });

  it("says who an ambiguous or unknown name could be, exit 1", async () => {
    setup(lines);
    const r = await run("person", "dana");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/"dana" could be dana\.k or dana\.m: say which/);
    const none = await run("person", "zed");
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/nobody called "zed"/);
  });
});

const todoSh = ["todo-txt", "todo.sh"].find(
  (name) => spawnSync("sh", ["-c", `command -v ${name}`]).status === 0,
);

describe.skipIf(!todoSh)("todotxt-cli and the people tags", () => {
  it("lists, filters and completes an item ppppt tagged with:NAME @waiting", async () => {
    setup();
    await run("add", "--cat", "people", "Budget numbers from Dana Kim @waiting");
    const cfg = join(t.dir, "todo.cfg");
    writeFileSync(
      cfg,
      `export TODO_DIR="${t.dir}"\nexport TODO_FILE="$TODO_DIR/todo.txt"\nexport DONE_FILE="$TODO_DIR/done.txt"\nexport REPORT_FILE="$TODO_DIR/report.txt"\n`,
    );
    const todo = (...args: string[]) =>
      spawnSync(todoSh as string, ["-d", cfg, "-p", ...args], { encoding: "utf8" });
    const ls = todo("ls", "with:dana.k");
    expect(ls.status).toBe(0);
    expect(ls.stdout).toMatch(
      /1 2026-11-25 Budget numbers from Dana Kim @waiting cat:people with:dana\.k id:/,
    );
    expect(todo("lsc").stdout).toMatch(/@waiting/);
    expect(todo("do", "1").status).toBe(0);
    // What todotxt-cli archived is still read as a done item about Dana.
    const json = JSON.parse((await run("person", "dana.k", "--json")).stdout);
    expect(json.done.map((i: { title: string }) => i.title)).toEqual([
      "Budget numbers from Dana Kim @waiting",
    ]);
  });
});

import { readFileSync, rmSync, statSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runPpppt, type TempDocket, tempDocket } from "../fake-io.js";

/** `due`, `pri`, `snooze`, `tag`, `untag`, `log`, `done --spent`, `start` and `stop`, in-process. */

const DOCKET = [
  "(A) 2026-11-20 1:1 with Dana due:2026-11-27 cat:people id:k3f9",
  "2026-11-21 Review the caching RFC +platform @desk cat:tech est:2h id:a0b2",
  "Weekly staff meeting due:2026-11-30 rec:+1w cat:process id:m2xd",
  "",
].join("\n");

let t: TempDocket;
let env: Record<string, string>;
beforeEach(() => {
  t = tempDocket(DOCKET);
  env = { ...t.env, PPPPT_TODAY: "2026-11-25", PPPPT_NOW: "2026-12-01T22:10:00Z" };
});
afterEach(() => rmSync(t.dir, { recursive: true, force: true }));

const run = (...args: string[]) => runPpppt(args, env);
const docket = () => readFileSync(t.file, "utf8");
const lineOf = (id: string) =>
  docket()
    .split("\n")
    .find((l) => l.includes(`id:${id}`)) ?? "";
const at = (time: string) => ({ PPPPT_NOW: `2026-12-01T${time}Z` });

/** A refused command: one clear message, the exit code, the docket byte for byte as it was. */
async function refused(args: string[], code: number, message: RegExp) {
  const before = docket();
  const mtime = statSync(t.file).mtimeMs;
  const r = await run(...args);
  expect(r.code).toBe(code);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  expect(docket()).toBe(before);
  expect(statSync(t.file).mtimeMs).toBe(mtime);
}

describe("due, pri and snooze", () => {
  it("set the field from natural words and print the item as stored", async () => {
    const r = await run("due", "k3f9", "next", "friday");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "k3f9 due 2026-12-04\n  (A) 2026-11-20 1:1 with Dana due:2026-12-04 cat:people id:k3f9\n",
    );
    expect(lineOf("k3f9")).toBe("(A) 2026-11-20 1:1 with Dana due:2026-12-04 cat:people id:k3f9");
    expect((await run("pri", "a0b2", "b")).code).toBe(0);
    expect(lineOf("a0b2")).toMatch(/^\(B\) 2026-11-21 Review/);
    expect((await run("pri", "k3f9", "none")).code).toBe(0);
    expect(lineOf("k3f9")).toMatch(/^2026-11-20 1:1/);
    expect((await run("due", "k3f9", "none")).code).toBe(0);
    expect(lineOf("k3f9")).not.toContain("due:");
  });

  it("take several ids, separated by commas, and print JSON", async () => {
    const r = await run("due", "k3f9,a0b2", "2026-12-01", "--json");
    expect(r.code).toBe(0);
    const items = JSON.parse(r.stdout) as { id: string; due: string }[];
    expect(items.map((i) => [i.id, i.due])).toEqual([
      ["k3f9", "2026-12-01"],
      ["a0b2", "2026-12-01"],
    ]);
  });

  it("snooze hides an item from list and next until that day", async () => {
    expect((await run("snooze", "a0b2", "monday")).code).toBe(0);
    expect(lineOf("a0b2")).toMatch(/ t:2026-11-30$/);
    expect((await run("list")).stdout).not.toContain("Review the caching RFC");
    expect((await run("next")).stdout).not.toContain("Review the caching RFC");
    expect((await run("list", "--all")).stdout).toMatch(
      /Review the caching RFC .*snoozed until 2026-11-30/,
    );
    const monday = await runPpppt(["list"], { ...env, PPPPT_TODAY: "2026-11-30" });
    expect(monday.stdout).toContain("Review the caching RFC");
    expect((await run("snooze", "a0b2", "none")).code).toBe(0);
    expect((await run("list")).stdout).toContain("Review the caching RFC");
  });

  it("refuse a bad value or an unknown id with one message, changing nothing", async () => {
    await refused(["due", "k3f9", "someday"], 1, /"someday" is not a due date/);
    await refused(["pri", "k3f9", "AA"], 1, /"AA" is not a priority/);
    await refused(["snooze", "k3f9", "soonish"], 1, /"soonish" is not a snooze date/);
    await refused(["due", "zzzz", "friday"], 1, /no item has the id "zzzz"/);
    // One unknown id among several: none changes.
    await refused(["due", "k3f9,zzzz", "friday"], 1, /no item has the id "zzzz"/);
    await refused(["due", "k3f9,", "friday"], 1, /not a list of ids/);
    await refused(["due", "k3f9"], 2, /missing required argument/);
  });
});

describe("tag and untag", () => {
  it("add and remove projects, contexts and key:value tags", async () => {
    const r = await run("tag", "k3f9", "+promo", "@desk", "est:1h");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("k3f9 tagged +promo; k3f9 tagged @desk; k3f9 tagged est:1h");
    expect(lineOf("k3f9")).toBe(
      "(A) 2026-11-20 1:1 with Dana due:2026-11-27 cat:people id:k3f9 +promo @desk est:1h",
    );
    expect((await run("untag", "k3f9", "+promo", "est")).code).toBe(0);
    expect(lineOf("k3f9")).toBe(
      "(A) 2026-11-20 1:1 with Dana due:2026-11-27 cat:people id:k3f9 @desk",
    );
    const json = JSON.parse((await run("tag", "a0b2", "owner:sam", "--json")).stdout);
    expect(json[0].tags.owner).toBe("sam");
  });

  it("refuse the id and values the docket cannot read", async () => {
    await refused(["tag", "k3f9", "id:zzzz"], 1, /cannot tag id/);
    await refused(["tag", "k3f9", "est:soon"], 1, /est/);
    await refused(["tag", "k3f9", "+promo", "cat:sales"], 1, /sales/);
    await refused(["untag", "k3f9", "id"], 1, /cannot untag id/);
  });

  it("write nothing when there is nothing to change", async () => {
    const mtime = statSync(t.file).mtimeMs;
    const r = await run("untag", "k3f9", "+nothere");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("k3f9: nothing to change");
    expect(statSync(t.file).mtimeMs).toBe(mtime);
  });
});

describe("log and done --spent", () => {
  it("log adds to spent:, a negative corrects, never below zero", async () => {
    expect((await run("log", "a0b2", "30m")).stdout).toContain("a0b2 logged 30m, spent 30m");
    expect((await run("log", "a0b2", "1h")).code).toBe(0);
    expect(lineOf("a0b2")).toContain("spent:1h30m");
    expect((await run("log", "a0b2", "--", "-15m")).stdout).toContain("logged -15m, spent 1h15m");
    expect((await run("log", "a0b2", "-5m")).stdout).toContain("logged -5m, spent 1h10m");
    expect((await run("log", "a0b2", "--", "-3h")).stdout).toContain(
      "a0b2 logged -1h10m, spent 0m (never below zero)",
    );
    expect(lineOf("a0b2")).not.toContain("spent:");
  });

  it("log refuses what is not a duration", async () => {
    await refused(["log", "a0b2", "5x"], 1, /"5x" is not a duration/);
    await refused(["log", "nope", "30m"], 1, /no item has the id "nope"/);
  });

  it("done --spent gives each item the time", async () => {
    const r = await run("done", "k3f9", "a0b2", "--spent", "30m", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { done: { spentMinutes: number }[] };
    expect(out.done.map((d) => d.spentMinutes)).toEqual([30, 30]);
    expect(lineOf("k3f9")).toBe(
      "x 2026-11-25 2026-11-20 1:1 with Dana due:2026-11-27 cat:people id:k3f9 spent:30m pri:A",
    );
    await refused(["done", "m2xd", "--spent", "lots"], 1, /"lots" is not a time spent/);
  });

  it("balance counts the logged time as measured and says how much of the total is", async () => {
    await run("done", "k3f9", "--spent", "30m");
    await run("done", "a0b2"); // est:2h, not measured
    const r = await run("balance", "--week", "--json");
    const b = JSON.parse(r.stdout).balance;
    expect([b.basis, b.total, b.minutes.measured, b.minutes.estimated]).toEqual([
      "time",
      150,
      30,
      120,
    ]);
    expect((await run("balance", "--week")).stdout).toContain(
      "total 2h30m: 30m measured, 2h estimated",
    );
  });
});

describe("start and stop", () => {
  it("start stores the wall-clock start as a UTC tag, stop adds the minutes", async () => {
    const started = await runPpppt(["start", "a0b2"], { ...env, ...at("22:10:00") });
    expect(started.stdout).toContain("Started the timer on a0b2 at 2026-12-01T22:10:00Z");
    expect(lineOf("a0b2")).toMatch(/ timer:2026-12-01T22:10:00Z$/);
    expect((await run("show", "a0b2")).stdout).toMatch(
      /timer\s+running since 2026-12-01T22:10:00Z/,
    );
    const stopped = await runPpppt(["stop"], { ...env, ...at("22:35:20") });
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toContain("Stopped the timer on a0b2: added 25m (spent 25m)");
    expect(lineOf("a0b2")).toBe(
      "2026-11-21 Review the caching RFC +platform @desk cat:tech est:2h id:a0b2 spent:25m",
    );
  });

  it("uses the wall clock, not --today", async () => {
    await runPpppt(["--today", "2020-01-01", "start", "a0b2"], { ...env, ...at("08:00:00") });
    expect(lineOf("a0b2")).toContain("timer:2026-12-01T08:00:00Z");
  });

  it("under a minute adds nothing and still stops, exit 0", async () => {
    await runPpppt(["start", "a0b2"], { ...env, ...at("22:10:00") });
    const r = await runPpppt(["stop", "--json"], { ...env, ...at("22:10:59") });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).stopped[0].addedMinutes).toBe(0);
    expect(docket()).toBe(DOCKET);
  });

  it("stop with no timer says so, exit 1", async () => {
    await refused(["stop"], 1, /no timer is running/);
  });

  it("start on another item stops the first and says what it added", async () => {
    await runPpppt(["start", "k3f9"], { ...env, ...at("09:00:00") });
    const r = await runPpppt(["start", "a0b2"], { ...env, ...at("09:45:00") });
    expect(r.stdout).toContain("Stopped the timer on k3f9: added 45m (spent 45m)");
    expect(r.stdout).toContain("Started the timer on a0b2");
    expect(lineOf("k3f9")).toMatch(/spent:45m$/);
    expect(lineOf("k3f9")).not.toContain("timer:");
    const json = JSON.parse((await run("start", "a0b2", "--json")).stdout);
    expect(json.already).toBe(true);
  });

  it("done on a timed item stops the timer and counts its time", async () => {
    await runPpppt(["start", "m2xd"], { ...env, ...at("09:00:00") });
    const r = await runPpppt(["done", "m2xd"], { ...env, ...at("10:00:00") });
    expect(r.stdout).toContain("Stopped the timer on m2xd: added 1h");
    expect(docket()).toContain("x 2026-11-25 Weekly staff meeting");
    expect(docket()).not.toContain("timer:");
  });

  it("refuses a bad PPPPT_NOW, an unknown id and a done item", async () => {
    const bad = await runPpppt(["start", "a0b2"], { ...env, PPPPT_NOW: "soon" });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/PPPPT_NOW=soon is not a timestamp/);
    await refused(["start", "nope"], 1, /no item has the id "nope"/);
    await run("done", "k3f9");
    await refused(["start", "k3f9"], 1, /k3f9 is done/);
  });
});

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runPpppt, type TempDocket, tempDocket } from "./fake-io.js";

/**
 * The docket stays a todo.txt file: Debian's todotxt-cli (`todo-txt`) lists and completes
 * items carrying a running timer and the tags `tag` writes, and ppppt reads what it leaves.
 */
const TODO_TXT = "/usr/bin/todo-txt";
const havePeer = existsSync(TODO_TXT) || process.env.CI !== undefined;

if (!havePeer) {
  console.warn("Skipping the todotxt-cli tests: install it with `apt-get install todotxt-cli`.");
}

describe.skipIf(!havePeer)("todotxt-cli on a docket with a running timer and new tags", () => {
  let t: TempDocket;
  let env: Record<string, string>;
  let config: string;

  beforeEach(() => {
    t = tempDocket(
      [
        "(A) 2026-11-20 1:1 with Dana due:2026-11-27 cat:people id:k3f9",
        "2026-11-21 Review the caching RFC cat:tech est:2h id:a0b2",
        "",
      ].join("\n"),
    );
    env = { ...t.env, PPPPT_TODAY: "2026-11-25", PPPPT_NOW: "2026-12-01T22:10:00Z" };
    config = join(t.dir, "todo.cfg");
    writeFileSync(
      config,
      [
        `export TODO_DIR="${t.dir}"`,
        'export TODO_FILE="$TODO_DIR/todo.txt"',
        'export DONE_FILE="$TODO_DIR/done.txt"',
        'export REPORT_FILE="$TODO_DIR/report.txt"',
        "",
      ].join("\n"),
    );
  });
  afterEach(() => rmSync(t.dir, { recursive: true, force: true }));

  /** todo.sh with our config, plain output (-p), no prompts (-f), done items kept in place (-a). */
  const todo = (...args: string[]) =>
    execFileSync(TODO_TXT, ["-d", config, "-p", "-f", "-a", ...args], {
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: t.dir },
      encoding: "utf8",
    });

  async function ppppt(...args: string[]) {
    const r = await runPpppt(args, env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    return r.stdout;
  }

  it("lists them with every tag as ppppt wrote it", async () => {
    await ppppt("tag", "k3f9", "+promo", "@desk", "owner:sam");
    await ppppt("snooze", "a0b2", "2026-11-30");
    await ppppt("start", "k3f9");
    const listed = todo("ls");
    expect(listed).toContain(
      "1 (A) 2026-11-20 1:1 with Dana due:2026-11-27 cat:people id:k3f9 +promo @desk owner:sam timer:2026-12-01T22:10:00Z",
    );
    expect(listed).toContain(
      "2 2026-11-21 Review the caching RFC cat:tech est:2h id:a0b2 t:2026-11-30",
    );
    expect(todo("ls", "+promo")).toContain("1:1 with Dana");
    expect(todo("lsc")).toContain("@desk");
  });

  it("completes such an item leaving the line for ppppt to read and stop", async () => {
    await ppppt("tag", "k3f9", "+promo", "@desk");
    await ppppt("start", "k3f9");
    expect(todo("do", "1")).toMatch(/marked as done/);
    const line = readFileSync(t.file, "utf8").split("\n")[0] ?? "";
    // todo.sh writes its own date and drops the priority; the rest of the line is untouched.
    expect(line).toMatch(
      /^x \d{4}-\d{2}-\d{2} 2026-11-20 1:1 with Dana due:2026-11-27 cat:people id:k3f9 \+promo @desk timer:2026-12-01T22:10:00Z$/,
    );
    const shown = JSON.parse(await ppppt("show", "k3f9", "--json"));
    expect(shown).toMatchObject({ done: true, projects: ["promo"], contexts: ["desk"] });
    expect(shown.tags.timer).toBe("2026-12-01T22:10:00Z");
    expect(await ppppt("check")).not.toMatch(/line 1/);
    env.PPPPT_NOW = "2026-12-01T22:55:00Z";
    expect(await ppppt("stop")).toContain("Stopped the timer on k3f9: added 45m (spent 45m)");
    expect(readFileSync(t.file, "utf8").split("\n")[0]).toMatch(
      /cat:people id:k3f9 \+promo @desk spent:45m$/,
    );
    // And todotxt-cli still reads what ppppt wrote back.
    expect(todo("listall")).toContain("spent:45m");
  });
});

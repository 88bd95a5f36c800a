import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runPpppt } from "../fake-io.js";

let dir: string;
let file: string;
let env: Record<string, string>;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ppppt-add-"));
  file = join(dir, "todo.txt");
  // A Tuesday.
  env = { PPPPT_FILE: file, PPPPT_TODAY: "2026-12-01" };
  writeFileSync(file, "");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => runPpppt(args, env);
const docket = () => readFileSync(file, "utf8");

describe("add: the date, time and repetition it read from the words", () => {
  it("keeps every word that is not the due date", async () => {
    const r = await run("add", "--cat", "tech", "Retro on the Tuesday release");
    expect(r.code).toBe(0);
    expect(docket()).toMatch(/^2026-12-01 Retro on the Tuesday release cat:tech id:\w{4}\n$/);
    expect(r.stdout).not.toMatch(/due/);
  });

  it("stores the time as at: and says so; list and show display it", async () => {
    const r = await run("add", "--cat", "people", "Call the Acme CTO tomorrow 3pm");
    expect(docket()).toMatch(
      /^2026-12-01 Call the Acme CTO due:2026-12-02 at:15:00 cat:people id:\w{4}\n$/,
    );
    expect(r.stdout).toMatch(/due 2026-12-02, from "tomorrow 3pm"/);
    expect(r.stdout).toMatch(/at 15:00 \(at:15:00\), from "tomorrow 3pm"/);
    const id = /id:(\w{4})/.exec(docket())?.[1] as string;
    expect((await run("list")).stdout).toMatch(
      new RegExp(`${id}\\s+Call the Acme CTO due 2026-12-02 Wed \\(tomorrow\\) 15:00`),
    );
    expect((await run("show", id)).stdout).toMatch(/\nat\s+15:00\n/);
    expect(JSON.parse((await run("show", id, "--json")).stdout).tags.at).toBe("15:00");
  });

  it("sets rec:+1w for every friday and says what it means", async () => {
    const r = await run("add", "--cat", "public", "Send the weekly update every friday", "--json");
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ title: "Send the weekly update", due: "2026-12-04" });
    expect(out.recurrence).toBe("+1w");
    expect(out.inferred).toContainEqual({
      field: "recurrence",
      value: "+1w",
      from: "every friday",
    });
    const text = await run("add", "--cat", "public", "Post the changelog every friday");
    expect(text.stdout).toMatch(
      /repeats every 1w after the due date \(rec:\+1w\), from "every friday"/,
    );
  });

  it("adds an item typed done as done on that day, with no due date", async () => {
    const r = await run("add", "--cat", "tech", "x 2026-11-30 looks done", "--json");
    expect(JSON.parse(r.stdout)).toMatchObject({
      done: true,
      completed: "2026-11-30",
      due: null,
      title: "looks done",
    });
    expect(docket()).toMatch(/^x 2026-11-30 looks done cat:tech id:\w{4}\n$/);
  });
});

import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Classifier } from "../core/classify/classifier.js";
import { appendCorrection } from "../store/corrections-file.js";
import { guessCachePath } from "../store/guess-cache-file.js";
import { loadClassifierFor, loadGuessesFor } from "./categoriser.js";
import { runPpppt } from "./fake-io.js";

const TEXTS = ["Review the caching RFC", "1:1 with Dana about the promo packet", "Zephyr sync"];

let dir: string;
let docket: string;
let env: { PPPPT_CACHE: string };
let loads: number;
const countingLoader = (path: string): Promise<Classifier> => {
  loads++;
  return loadClassifierFor(path);
};
const guesses = async (texts = TEXTS) => {
  const categorise = await loadGuessesFor(docket, env, texts, countingLoader);
  return texts.map((t) => {
    const g = categorise(t);
    return g && { category: g.category, probability: g.probability, unsure: g.unsure };
  });
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ppppt-guesses-"));
  docket = join(dir, "todo.txt");
  writeFileSync(docket, "");
  env = { PPPPT_CACHE: join(dir, "cache") };
  loads = 0;
});
afterEach(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

describe("guesses through the guess cache", () => {
  it("loads the model on a cold run, and not at all on a repeat run, with the same answers", async () => {
    const cold = await guesses();
    expect(loads).toBe(1);
    const warm = await guesses();
    expect(loads).toBe(1);
    expect(warm).toEqual(cold);
    // A subset of what was guessed is remembered too.
    await guesses(TEXTS.slice(1));
    expect(loads).toBe(1);
  });

  it("loads the model for a text it has not seen, and keeps the earlier guesses", async () => {
    await guesses(TEXTS.slice(0, 1));
    await guesses(TEXTS);
    expect(loads).toBe(2);
    await guesses(TEXTS.slice(0, 1));
    await guesses(TEXTS);
    expect(loads).toBe(2);
  });

  it("forgets every guess when a correction is recorded", async () => {
    const before = await guesses();
    await appendCorrection(docket, {
      date: "2026-11-25",
      category: "people",
      text: "Zephyr rollout plan",
    });
    const after = await guesses();
    expect(loads).toBe(2);
    expect(after[2]?.category).toBe("people");
    expect(before[2]?.category).not.toBe("people");
    await guesses();
    expect(loads).toBe(2);
  });

  it("ignores a corrupt cache file, answers as a cold run would, and rewrites it", async () => {
    const cold = await guesses();
    const path = guessCachePath(env, docket);
    const good = readFileSync(path, "utf8");
    for (const corrupt of ["\u0000\u0001\u0002", good.replace("0.", "9."), good.slice(0, -4)]) {
      writeFileSync(path, corrupt);
      const loadsBefore = loads;
      expect(await guesses()).toEqual(cold);
      expect(loads).toBe(loadsBefore + 1);
      expect(readFileSync(path, "utf8")).toBe(good);
    }
  });

  it("answers as a cold run would when the cache cannot be written", async () => {
    const cold = await guesses();
    // A file where the cache folder should be: no folder can be made there, even by root.
    writeFileSync(join(dir, "blocked"), "");
    env = { PPPPT_CACHE: join(dir, "blocked", "cache") };
    expect(await guesses()).toEqual(cold);
    expect(await guesses()).toEqual(cold);
    expect(loads).toBe(3);
    expect(readdirSync(dir).sort()).toEqual(["blocked", "cache", "todo.txt"]);
  });

  it("keeps one cache file per docket, in the cache folder", async () => {
    await guesses();
    const other = join(dir, "work.txt");
    writeFileSync(other, "");
    await loadGuessesFor(other, env, TEXTS, countingLoader);
    expect(readdirSync(join(dir, "cache")).sort()).toEqual([
      expect.stringMatching(/^guesses-todo-[0-9a-f]{8}\.txt$/),
      expect.stringMatching(/^guesses-work-[0-9a-f]{8}\.txt$/),
    ]);
  });
});

describe("ppppt list with the guess cache", () => {
  const items = [
    "Review the caching RFC id:a1",
    "Zephyr rollout plan id:a2",
    "Zephyr sync id:a3",
    "Write the Q1 blog post cat:public id:a4",
    "",
  ].join("\n");

  it("lists the same on a cold and a warm cache, and afresh after a recat", async () => {
    writeFileSync(docket, items);
    const run = (cache: string, ...args: string[]) =>
      runPpppt(args, { PPPPT_FILE: docket, PPPPT_TODAY: "2026-11-25", PPPPT_CACHE: cache });
    const cache = join(dir, "cache");
    const cold = await run(cache, "list");
    expect(cold.code).toBe(0);
    expect(readdirSync(cache)).toHaveLength(1);
    expect(await run(cache, "list")).toEqual(cold);
    expect(await run(cache, "list", "--json")).toEqual(
      await run(join(dir, "c2"), "list", "--json"),
    );

    expect((await run(cache, "recat", "a2", "people")).code).toBe(0);
    const warm = await run(cache, "list");
    const fresh = await run(join(dir, "c3"), "list");
    expect(warm).toEqual(fresh);
    expect(warm.stdout).toMatch(/People \(2\)\n.*Zephyr rollout plan.*\n.*Zephyr sync/);
    // `show` reads the same cache, and says what a cold run says.
    expect(await run(cache, "show", "a3")).toEqual(await run(join(dir, "c4"), "show", "a3"));
    expect(cold.stdout).not.toMatch(/People/);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../category.js";
import {
  formatGuessCache,
  guessesToKeep,
  parseGuessCache,
  type RememberedGuess,
  rememberable,
} from "./guess-cache.js";

const tech = (probability: number, unsure = false): RememberedGuess => ({
  category: "tech",
  probability,
  unsure,
});

describe("the guess cache file", () => {
  it("reads back every guess it wrote, for the same fingerprint", () => {
    const guess = fc.record({
      category: fc.constantFrom(...CATEGORIES),
      probability: fc.integer({ min: 0, max: 100 }).map((n) => Math.round(n) / 100),
      unsure: fc.boolean(),
    });
    const text = fc.string({ unit: "binary" }).filter(rememberable);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(text, guess), { selector: ([t]) => t, maxLength: 20 }),
        (entries) => {
          const file = formatGuessCache("model=1 corrections=none", entries);
          expect(parseGuessCache(file, "model=1 corrections=none")).toEqual(new Map(entries));
        },
      ),
    );
  });

  it("is plain lines: category, probability, ? when unsure, then the text", () => {
    const file = formatGuessCache("fp", [
      ["Review the caching RFC", tech(0.83)],
      ["1:1 with Dana", { category: "people", probability: 0.55, unsure: true }],
    ]);
    expect(file).toBe(
      "ppppt guesses 1 fp\ntech 0.83 . Review the caching RFC\npeople 0.55 ? 1:1 with Dana\nend 2\n",
    );
  });

  it("is no cache at all for another fingerprint (another model or new corrections)", () => {
    const file = formatGuessCache("corrections=1:2", [["Fix the build", tech(0.9)]]);
    expect(parseGuessCache(file, "corrections=1:3")).toBeUndefined();
  });

  it("is no cache at all when cut short, garbled or empty", () => {
    const file = formatGuessCache("fp", [
      ["Fix the build", tech(0.9)],
      ["Ship it", tech(0.7)],
    ]);
    for (const bad of [
      "",
      file.slice(0, -1),
      file.slice(0, file.indexOf("Ship")),
      file.replace("end 2", "end 3"),
      file.replace("tech 0.9", "sales 0.9"),
      file.replace("tech 0.9", "tech high"),
      file.replace("tech 0.9", "tech 1.9"),
      file.replace("0.9 .", "0.9 !"),
      file.replace("0.9 . ", "0.9 .x"),
      file.replace("tech 0.9 . Fix the build", "tech"),
      "\u0000\u0001garbage",
    ]) {
      expect(parseGuessCache(bad, "fp")).toBeUndefined();
    }
  });

  it("never writes a text with a line break, which would break the file", () => {
    const file = formatGuessCache("fp", [
      ["two\nlines", tech(0.9)],
      ["one line", tech(0.8)],
    ]);
    expect(parseGuessCache(file, "fp")).toEqual(new Map([["one line", tech(0.8)]]));
  });
});

describe("what the cache keeps", () => {
  it("keeps every guess this run needed, then earlier ones up to a bound, newest first", () => {
    const needed = new Map([
      ["a", tech(0.9)],
      ["b", tech(0.8)],
    ]);
    const earlier = new Map([
      ["b", tech(0.1)],
      ["c", tech(0.7)],
      ["d", tech(0.6)],
      ["e", tech(0.5)],
    ]);
    const kept = guessesToKeep(needed, earlier, 2);
    expect([...kept.keys()]).toEqual(["a", "b", "c", "d"]);
    expect(kept.get("b")).toEqual(tech(0.8));
    expect([...guessesToKeep(needed, undefined).keys()]).toEqual(["a", "b"]);
  });
});

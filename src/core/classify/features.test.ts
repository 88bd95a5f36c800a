import { describe, expect, it } from "vitest";
import { charGramCount, charGramHash, DEFAULT_WEIGHTS, visitFeatures } from "./features.js";

describe("features", () => {
  it("gives each word, each adjacent pair and the word's character n-grams", () => {
    const seen: string[] = [];
    visitFeatures(["design", "review"], DEFAULT_WEIGHTS, (kind, key, _w, source) => {
      if (kind !== "c") seen.push(`${kind}:${key}`);
      else expect(["design", "review"]).toContain(source);
    });
    expect(seen).toEqual(["w:design", "w:review", "p:design review"]);
  });

  it("shares the n-gram weight among a word's n-grams", () => {
    let total = 0;
    visitFeatures(["interviewing"], DEFAULT_WEIGHTS, (kind, _k, weight) => {
      if (kind === "c") total += weight;
    });
    expect(total).toBeCloseTo(DEFAULT_WEIGHTS.chars, 10);
    expect(charGramCount("interviewing".length)).toBe(12 + 11);
  });

  it("hashes an n-gram the same wherever it occurs", () => {
    // "<int" starts both words.
    expect(charGramHash("interview", -1, 4)).toBe(charGramHash("intern", -1, 4));
    expect(charGramHash("interview", -1, 4)).not.toBe(charGramHash("review", -1, 4));
    expect(charGramHash("review", 0, 3)).toBeLessThan(2 ** 30);
  });

  it("gives markers and emoji no n-grams", () => {
    const kinds: string[] = [];
    visitFeatures(["#date", "🎤", "ok"], DEFAULT_WEIGHTS, (kind) => kinds.push(kind));
    expect(kinds).toEqual(["w", "w", "p", "w", "p"]);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../category.js";
import { PpppptError } from "../errors.js";
import { parseCorpus } from "./corpus.js";

describe("parseCorpus", () => {
  it("reads category<TAB>text lines, skipping comments and blank lines", () => {
    expect(parseCorpus("# note\n\npeople\t1:1 Dana\r\ntech\tReview the RFC \n")).toEqual([
      { category: "people", text: "1:1 Dana" },
      { category: "tech", text: "Review the RFC" },
    ]);
  });

  it("names the file and line of a bad row", () => {
    try {
      parseCorpus("people\tok\nsales\tnope\n", "data/corpus.tsv");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PpppptError);
      expect((error as PpppptError).describe()).toMatch(/^data\/corpus.tsv:2: /);
    }
  });
});

describe("the shipped corpus", () => {
  const examples = parseCorpus(
    readFileSync(new URL("../../../data/corpus.tsv", import.meta.url), "utf8"),
  );

  it("has at least 1,500 rows, at least 300 in each category", () => {
    expect(examples.length).toBeGreaterThanOrEqual(1500);
    for (const c of CATEGORIES) {
      expect(examples.filter((e) => e.category === c).length, c).toBeGreaterThanOrEqual(300);
    }
  });

  it("has no text twice (duplicates would flatter cross-validation)", () => {
    const seen = new Set<string>();
    const twice = examples.filter((e) => {
      const key = e.text.toLowerCase();
      if (seen.has(key)) return true;
      seen.add(key);
      return false;
    });
    expect(twice).toEqual([]);
  });
});

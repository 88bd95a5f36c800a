import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../category.js";
import { PpppptError } from "../errors.js";
import { parseCorpus } from "./corpus.js";
import { findOverlaps, parseEvalSet } from "./eval-set.js";

describe("parseCorpus", () => {
  it("reads category<TAB>text lines, skipping comments and blank lines", () => {
    expect(parseCorpus("# note\n\npeople\t1:1 Dana\r\ntech\tReview the RFC \n")).toEqual([
      { category: "people", text: "1:1 Dana" },
      { category: "tech", text: "Review the RFC" },
    ]);
  });

  it("reads a third column as the row's source", () => {
    expect(parseCorpus("tech\tPatch CVE-2021-44228\towner/repo:SECURITY.md\n")).toEqual([
      { category: "tech", text: "Patch CVE-2021-44228", source: "owner/repo:SECURITY.md" },
    ]);
  });

  it("refuses an empty source or a fourth column", () => {
    for (const line of ["tech\tPatch it\t ", "tech\tPatch it\ta:b\textra"]) {
      expect(() => parseCorpus(line, "data/corpus-realworld.tsv"), line).toThrow(PpppptError);
    }
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

describe("the real-world corpus", () => {
  const examples = parseCorpus(
    readFileSync(new URL("../../../data/corpus-realworld.tsv", import.meta.url), "utf8"),
    "data/corpus-realworld.tsv",
  );
  const sources = readFileSync(new URL("../../../data/SOURCES.md", import.meta.url), "utf8");

  it("names a source on every row, and data/SOURCES.md lists each one", () => {
    expect(examples.length).toBeGreaterThanOrEqual(400);
    for (const e of examples) {
      expect(e.source, e.text).toBeDefined();
      expect(sources.includes(`\`${e.source}\``), e.source).toBe(true);
    }
  });

  it("takes at most 30 rows from one source, so no house style dominates", () => {
    const perSource = new Map<string, number>();
    for (const e of examples)
      perSource.set(e.source as string, (perSource.get(e.source as string) ?? 0) + 1);
    expect(Math.max(...perSource.values())).toBeLessThanOrEqual(30);
  });

  it("shares no text with the team's corpus", () => {
    const team = new Set(
      parseCorpus(readFileSync(new URL("../../../data/corpus.tsv", import.meta.url), "utf8")).map(
        (e) => e.text.toLowerCase(),
      ),
    );
    expect(examples.filter((e) => team.has(e.text.toLowerCase()))).toEqual([]);
  });
});

// The held-out evaluation set (issue #20) lives beside the corpus once both branches are in;
// nothing that trains may come from its files or repeat its texts.
const evalSet = new URL("../../../data/eval/realworld.tsv", import.meta.url);
const evalSources = new URL("../../../data/eval/SOURCES.md", import.meta.url);
describe.skipIf(!existsSync(evalSet) || !existsSync(evalSources))(
  "the real-world corpus against the evaluation set",
  () => {
    const training = parseCorpus(
      readFileSync(new URL("../../../data/corpus-realworld.tsv", import.meta.url), "utf8"),
    );
    it("takes nothing from a file the evaluation set lists as a source", () => {
      const listed = readFileSync(evalSources, "utf8");
      expect(training.filter((e) => listed.includes(`\`${e.source}\``))).toEqual([]);
    });

    it("repeats no evaluation text, nor holds one of eight words or more inside a longer row", () => {
      // The same rule the evaluation set's own test applies to every file under data/.
      const held = parseEvalSet(readFileSync(evalSet, "utf8")).map((i) => i.text);
      const copies = findOverlaps(
        held,
        training.map((e) => e.text),
      );
      expect(copies).toEqual([]);
    });
  },
);

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

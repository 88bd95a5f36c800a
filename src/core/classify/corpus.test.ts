import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../category.js";
import { PpppptError } from "../errors.js";
import { type Example, parseCorpus, TRAINING_FILES } from "./corpus.js";
import { findOverlaps, normaliseForOverlap, parseEvalSet, repositoryOf } from "./eval-set.js";

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

// Every training file but the team's own holds text taken from public material, so every row
// must say where it came from; the per-file rules below apply to each of them.
const REAL_WORLD_FILES = TRAINING_FILES.filter((file) => file !== "data/corpus.tsv");
const read = (file: string) => readFileSync(new URL(`../../../${file}`, import.meta.url), "utf8");
const realWorld: ReadonlyMap<string, readonly Example[]> = new Map(
  REAL_WORLD_FILES.map((file) => [file, parseCorpus(read(file), file)]),
);

describe.each(REAL_WORLD_FILES)("the real-world corpus %s", (file) => {
  const examples = realWorld.get(file) as readonly Example[];
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
    const team = new Set(parseCorpus(read("data/corpus.tsv")).map((e) => e.text.toLowerCase()));
    expect(examples.filter((e) => team.has(e.text.toLowerCase()))).toEqual([]);
  });
});

// The held-out evaluation set (issue #20) lives beside the corpus once both branches are in;
// nothing that trains may come from its files or repeat its texts.
const evalSet = new URL("../../../data/eval/realworld.tsv", import.meta.url);
const evalSources = new URL("../../../data/eval/SOURCES.md", import.meta.url);

/** Repositories that hold an evaluation repository's text under another name. */
const FORMER_HOMES: Record<string, string> = { "sourcegraph/about": "sourcegraph/handbook" };

describe.skipIf(!existsSync(evalSet) || !existsSync(evalSources))(
  "the real-world corpus against the evaluation set",
  () => {
    const held = existsSync(evalSet) ? parseEvalSet(readFileSync(evalSet, "utf8")) : [];

    it.each(REAL_WORLD_FILES)("%s takes nothing from a file the evaluation set lists", (file) => {
      const listed = readFileSync(evalSources, "utf8");
      const training = realWorld.get(file) as readonly Example[];
      expect(training.filter((e) => listed.includes(`\`${e.source}\``))).toEqual([]);
    });

    it.each(REAL_WORLD_FILES)(
      "%s takes nothing from a repository the evaluation set uses",
      (file) => {
        // A different file of the same handbook shares its authors' phrasing, so a row from it
        // would flatter the evaluation the way a copy does.
        const used = new Set(held.map((i) => repositoryOf(i.source)));
        for (const [former, now] of Object.entries(FORMER_HOMES))
          if (used.has(now)) used.add(former);
        const training = realWorld.get(file) as readonly Example[];
        expect(
          training.filter((e) => {
            return used.has(repositoryOf(e.source as string));
          }),
        ).toEqual([]);
      },
    );

    it.each(REAL_WORLD_FILES)(
      "%s repeats no evaluation text, nor holds one of eight words or more inside a longer row",
      (file) => {
        // The same rule the evaluation set's own test applies to every file under data/.
        const training = realWorld.get(file) as readonly Example[];
        const copies = findOverlaps(
          held.map((i) => i.text),
          training.map((e) => e.text),
        );
        expect(copies).toEqual([]);
      },
    );
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

describe("all the training files together", () => {
  it("hold no text twice, across files too (the same issue title gathered for two genres)", () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const file of TRAINING_FILES) {
      const rows = parseCorpus(readFileSync(new URL(`../../../${file}`, import.meta.url), "utf8"));
      for (const e of rows) {
        const key = normaliseForOverlap(e.text);
        const first = seen.get(key);
        if (first !== undefined) twice.push(`${file}: ${e.text} (first in ${first})`);
        else seen.set(key, file);
      }
    }
    expect(twice).toEqual([]);
  });
});

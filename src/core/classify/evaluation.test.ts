import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../category.js";
import type { Example } from "./corpus.js";
import {
  crossValidate,
  evaluateHeldOut,
  score,
  sourceFolds,
  sourceGroup,
  stratifiedFolds,
} from "./evaluation.js";

const examples: Example[] = CATEGORIES.flatMap((category, c) =>
  Array.from({ length: 10 + c * 5 }, (_, i) => ({ category, text: `${category} ${i}` })),
);

describe("source folds", () => {
  it("groups a source by repository or site", () => {
    expect(sourceGroup("PostHog/posthog.com:contents/handbook/people/feedback.md")).toBe(
      "PostHog/posthog.com",
    );
    expect(sourceGroup("https://github.com/citusdata/citus/issues/5497")).toBe("citusdata/citus");
    expect(sourceGroup("https://www.example.com/blog/a-post")).toBe("www.example.com");
  });

  it("puts every group in one fold, uses each row once, and is the same on every run", () => {
    const sourced: Example[] = Array.from({ length: 60 }, (_, i) => ({
      category: CATEGORIES[i % 5] as Example["category"],
      text: `row ${i}`,
      source: `owner${i % 12}/repo:file${i % 3}.md`,
    }));
    const folds = sourceFolds(sourced, 5);
    expect(folds.flat().length).toBe(60);
    for (let g = 0; g < 12; g++) {
      const holding = folds.filter((f) =>
        f.some((e) => sourceGroup(e.source as string) === `owner${g}/repo`),
      );
      expect(holding.length).toBe(1);
    }
    expect(sourceFolds(sourced, 5)).toEqual(folds);
    // Rows without a source are not dealt here.
    expect(sourceFolds([{ category: "tech", text: "x" }], 5).flat()).toEqual([]);
  });
});

describe("evaluation", () => {
  it("stratified folds keep each category's share and use every example once", () => {
    const folds = stratifiedFolds(examples, 5);
    expect(folds.flat().length).toBe(examples.length);
    expect(new Set(folds.flat().map((e) => e.text)).size).toBe(examples.length);
    for (const fold of folds) {
      CATEGORIES.forEach((category, c) => {
        expect(fold.filter((e) => e.category === category).length).toBe((10 + c * 5) / 5);
      });
    }
  });

  it("folds are the same on every run", () => {
    expect(stratifiedFolds(examples, 5)).toEqual(stratifiedFolds(examples, 5));
  });

  it("never trains on the fold it scores", () => {
    crossValidate(examples, 5, (training) => {
      const seen = new Set(training.map((e) => e.text));
      return (text) => {
        expect(seen.has(text)).toBe(false);
        return "tech";
      };
    });
  });

  it("scores accuracy, per-category F1, macro-F1 and the confusion matrix", () => {
    const s = score([
      { actual: "people", predicted: "people" },
      { actual: "people", predicted: "tech" },
      { actual: "tech", predicted: "tech" },
      { actual: "tech", predicted: undefined },
    ]);
    expect(s.accuracy).toBe(0.5);
    expect(s.perCategory.people).toMatchObject({ precision: 1, recall: 0.5, support: 2 });
    expect(s.perCategory.tech.precision).toBe(0.5);
    expect(s.perCategory.tech.recall).toBe(0.5);
    expect(s.macroF1).toBeCloseTo((2 / 3 + 0.5) / 5, 10);
    expect(s.confusion[0]).toEqual([1, 0, 0, 0, 1]);
  });
});

describe("evaluateHeldOut", () => {
  it("scores all items and the ambiguous ones apart, with their calibration error", () => {
    const items = [
      { text: "a", category: "people" as const, ambiguous: false },
      { text: "b", category: "tech" as const, ambiguous: true },
      { text: "c", category: "tech" as const, ambiguous: true },
      { text: "d", category: "public" as const, ambiguous: false },
    ];
    const answers: Record<string, { category: "people" | "tech" | "public"; probability: number }> =
      {
        a: { category: "people", probability: 0.9 },
        b: { category: "tech", probability: 0.5 },
        c: { category: "people", probability: 0.5 },
        d: { category: "public", probability: 1 },
      };
    const report = evaluateHeldOut(items, (text) => answers[text] as (typeof answers)[string]);
    expect(report.all.count).toBe(4);
    expect(report.all.scores.accuracy).toBe(0.75);
    expect(report.ambiguous.count).toBe(2);
    expect(report.ambiguous.scores.accuracy).toBe(0.5);
    // The 0.5 bin is right half the time (no gap); 0.9 right once (0.1); 1.0 right once (0).
    expect(report.all.ece).toBeCloseTo(0.1 / 4, 12);
    expect(report.ambiguous.ece).toBeCloseTo(0, 12);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATEGORIES, type Category } from "../category.js";
import { PpppptError } from "../errors.js";
import {
  ANNOTATOR_LABELS_HEADER,
  agreement,
  alignLabels,
  cohensKappa,
  parseAnnotatorLabels,
} from "./annotator-agreement.js";

const repeat = (category: Category, times: number): Category[] =>
  Array.from({ length: times }, () => category);

describe("agreement between two labellings", () => {
  it("matches a worked kappa: 70% observed against 50% by chance is 0.4", () => {
    // 50 texts: both say people 20 times, both product 15, people/product 5, product/people 10.
    const first = [...repeat("people", 25), ...repeat("product", 25)];
    const second = [
      ...repeat("people", 20),
      ...repeat("product", 5),
      ...repeat("people", 10),
      ...repeat("product", 15),
    ];
    const a = agreement(first, second);
    expect(a.count).toBe(50);
    expect(a.accuracy).toBeCloseTo(0.7, 12);
    expect(a.kappa).toBeCloseTo(0.4, 12);
    // people: precision 20/30, recall 20/25; product: precision 15/20, recall 15/25.
    expect(a.perCategoryF1.people).toBeCloseTo((2 * 20) / (30 + 25), 12);
    expect(a.perCategoryF1.product).toBeCloseTo((2 * 15) / (20 + 25), 12);
    expect(a.perCategoryF1.tech).toBe(0);
  });

  it("gives a kappa near 0, not a high accuracy's flattery, when one labeller always says the same", () => {
    const first = [...repeat("people", 90), ...repeat("tech", 10)];
    const second = repeat("people", 100);
    const a = agreement(first, second);
    expect(a.accuracy).toBeCloseTo(0.9, 12);
    expect(a.kappa).toBeCloseTo(0, 12);
  });

  it("is below 0 when two labellers disagree more than chance would", () => {
    expect(cohensKappa(["people", "tech"], ["tech", "people"])).toBeCloseTo(-1, 12);
  });

  it("counts two labellers who both used one category throughout as agreeing", () => {
    expect(cohensKappa(repeat("public", 3), repeat("public", 3))).toBe(1);
  });

  it("refuses labellings of different lengths", () => {
    expect(() => agreement(["people"], ["people", "tech"])).toThrow(RangeError);
  });

  const labels = fc.array(fc.constantFrom(...CATEGORIES), { minLength: 1, maxLength: 60 });
  const pair = labels.chain((first) =>
    fc.tuple(
      fc.constant(first),
      fc.array(fc.constantFrom(...CATEGORIES), {
        minLength: first.length,
        maxLength: first.length,
      }),
    ),
  );

  it("is 1 on every figure for a labelling against itself (all five categories used)", () => {
    fc.assert(
      fc.property(labels, (rest) => {
        const all = [...CATEGORIES, ...rest];
        const a = agreement(all, all);
        expect(a.accuracy).toBe(1);
        expect(a.kappa).toBeCloseTo(1, 12);
        expect(a.macroF1).toBeCloseTo(1, 12);
        for (const c of CATEGORIES) expect(a.perCategoryF1[c]).toBeCloseTo(1, 12);
      }),
    );
  });

  it("is the same whichever labelling comes first", () => {
    fc.assert(
      fc.property(pair, ([first, second]) => {
        const ab = agreement(first, second);
        const ba = agreement(second, first);
        expect(ba.accuracy).toBeCloseTo(ab.accuracy, 12);
        expect(ba.kappa).toBeCloseTo(ab.kappa, 12);
        expect(ba.macroF1).toBeCloseTo(ab.macroF1, 12);
        for (const c of CATEGORIES)
          expect(ba.perCategoryF1[c]).toBeCloseTo(ab.perCategoryF1[c], 12);
      }),
    );
  });

  it("keeps kappa between -1 and 1, never above accuracy, and blind to renaming the categories", () => {
    const renaming = fc.shuffledSubarray([...CATEGORIES], {
      minLength: CATEGORIES.length,
      maxLength: CATEGORIES.length,
    });
    fc.assert(
      fc.property(pair, renaming, ([first, second], shuffled) => {
        const a = agreement(first, second);
        expect(a.kappa).toBeLessThanOrEqual(1 + 1e-12);
        expect(a.kappa).toBeGreaterThanOrEqual(-1 - 1e-12);
        expect(a.kappa).toBeLessThanOrEqual(a.accuracy + 1e-12);
        const rename = (c: Category) => shuffled[CATEGORIES.indexOf(c)] as Category;
        expect(cohensKappa(first.map(rename), second.map(rename))).toBeCloseTo(a.kappa, 12);
      }),
    );
  });
});

describe("an annotator's labels file", () => {
  it("reads text and category after the header", () => {
    const source = `${ANNOTATOR_LABELS_HEADER}\nOpen the CFP\tpublic\nSend take home\tpeople\n`;
    expect(parseAnnotatorLabels(source)).toEqual([
      { text: "Open the CFP", category: "public" },
      { text: "Send take home", category: "people" },
    ]);
  });

  it.each([
    ["a missing header", "Open the CFP\tpublic", 1],
    ["an unknown category", "Open the CFP\tsales", 2],
    ["a third field", "Open the CFP\tpublic\t1", 2],
  ])("names the line of %s", (_, bad, line) => {
    const source = line === 1 ? bad : `${ANNOTATOR_LABELS_HEADER}\n${bad}\n`;
    try {
      parseAnnotatorLabels(source, "data/eval/second-annotator.tsv");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PpppptError);
      expect((error as PpppptError).describe()).toMatch(
        new RegExp(`^data/eval/second-annotator.tsv:${line}: `),
      );
    }
  });

  it("is aligned to the set's texts only when it labels the same texts in the same order", () => {
    const rows = [
      { text: "a", category: "tech" as const },
      { text: "b", category: "people" as const },
    ];
    expect(alignLabels(["a", "b"], rows)).toEqual(["tech", "people"]);
    expect(() => alignLabels(["b", "a"], rows)).toThrow(/row 1 labels "a", not "b"/);
    expect(() => alignLabels(["a"], rows)).toThrow(RangeError);
  });
});

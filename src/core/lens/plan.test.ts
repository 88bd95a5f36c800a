import { describe, expect, it } from "vitest";
import { CATEGORIES, type Category } from "../category.js";
import { itemLines } from "../docket/docket.js";
import { parseDocket } from "../docket/parse.js";
import type { CategoryNeed } from "./need.js";
import { adoptedPractices, nextPracticeIn, practiceItemTexts, proposePlan } from "./plan.js";
import type { Practice } from "./practice.js";

const practice = (id: string, category: Category, roles: Practice["roles"] = ["director"]) =>
  ({
    id,
    category,
    roles,
    title: id,
    prompt: `Do you ${id}?`,
    why: "why",
    items: [
      { text: "First step", est: "1h" },
      { text: "Keep it up", est: "30m", rec: "2w" },
    ],
    source: "test",
  }) satisfies Practice;

const needs = (values: Partial<Record<Category, number>>) => {
  const out = {} as Record<Category, CategoryNeed>;
  for (const c of CATEGORIES) out[c] = { category: c, need: values[c] ?? 0, reason: `${c} need` };
  return out;
};

const PRACTICES = [
  practice("a", "people"),
  practice("b", "public"),
  practice("c", "tech"),
  practice("d", "tech", ["vp"]),
];

describe("proposePlan", () => {
  it("adds the assessment gap and the category need, leaving out other roles and adopted ones", () => {
    // a: no → 1 + 0 = 1; b: unanswered → 0.5 + 1 = 1.5; c: yes → 0 + 0.2 = 0.2; d: vp only.
    const plan = proposePlan({
      practices: PRACTICES,
      role: "director",
      answers: { a: "no", c: "yes" },
      needs: needs({ public: 1, tech: 0.2 }),
      adopted: new Set(),
    });
    expect(plan.map((p) => [p.practice.id, p.score])).toEqual([
      ["b", 1.5],
      ["a", 1],
      ["c", 0.2],
    ]);
    expect(plan[0]?.reasons).toEqual(["not assessed yet", "public need"]);
    const without = proposePlan({
      practices: PRACTICES,
      role: "director",
      answers: {},
      needs: needs({}),
      adopted: new Set(["b"]),
    });
    expect(without.map((p) => p.practice.id)).toEqual(["a", "c"]);
  });
});

describe("nextPracticeIn", () => {
  it("prefers the practice answered no", () => {
    const practices = [practice("t1", "tech"), practice("t2", "tech")];
    const pick = (answers: Record<string, "yes" | "no">) =>
      nextPracticeIn("tech", { practices, role: "director", answers, adopted: new Set() })?.id;
    expect(pick({})).toBe("t1");
    expect(pick({ t1: "yes", t2: "no" })).toBe("t2");
  });
});

describe("practice items", () => {
  it("become dated, categorised items tagged with the practice, due in a week", () => {
    expect(practiceItemTexts(practice("b", "public"), "2026-11-25")).toEqual([
      "2026-11-25 First step cat:public est:1h due:2026-12-02 practice:b",
      "2026-11-25 Keep it up cat:public est:30m rec:2w due:2026-12-02 practice:b",
    ]);
  });

  it("count as adopted while one of them is open", () => {
    const lines = itemLines(
      parseDocket("x 2026-11-20 Done one practice:a\nOpen one practice:b\nplain item\n"),
    );
    expect([...adoptedPractices(lines)]).toEqual(["b"]);
  });
});

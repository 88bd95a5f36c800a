import { describe, expect, it } from "vitest";
import { PpppptError } from "../errors.js";
import { assessmentScores, parseAnswer, withAnswers } from "./assessment.js";
import { parseAnswerFlags, parseAnswersFile } from "./assessment-file.js";
import type { Practice } from "./practice.js";

const practice = (id: string, category: Practice["category"]): Practice => ({
  id,
  category,
  roles: ["manager"],
  title: id,
  prompt: `Do you ${id}?`,
  why: "why",
  items: [{ text: "do it" }],
  source: "test",
});
const PRACTICES = [
  practice("p1", "people"),
  practice("p2", "people"),
  practice("p3", "people"),
  practice("t1", "tech"),
];

describe("parseAnswer", () => {
  it("reads yes, partly and no in their common spellings", () => {
    expect([parseAnswer("Y"), parseAnswer(true), parseAnswer(2)]).toEqual(["yes", "yes", "yes"]);
    expect([parseAnswer("some"), parseAnswer(1)]).toEqual(["partly", "partly"]);
    expect([parseAnswer("n"), parseAnswer(false), parseAnswer("0")]).toEqual(["no", "no", "no"]);
    expect(parseAnswer("maybe")).toBeUndefined();
  });
});

describe("parseAnswersFile", () => {
  it("takes a flat map or one under answers:, in YAML or JSON", () => {
    expect(parseAnswersFile("p1: yes\nt1: no\n", "a.yaml", PRACTICES)).toEqual({
      p1: "yes",
      t1: "no",
    });
    expect(parseAnswersFile('{"answers": {"p2": "partly"}}', "a.json", PRACTICES)).toEqual({
      p2: "partly",
    });
  });

  it("names the file and line of an answer it cannot read, and unknown ids", () => {
    try {
      parseAnswersFile("p1: yes\np2: perhaps\n", "a.yaml", PRACTICES);
      expect.unreachable();
    } catch (error) {
      expect((error as PpppptError).line).toBe(2);
      expect((error as PpppptError).message).toMatch(/p2: "perhaps" is not yes, partly or no/);
    }
    expect(() => parseAnswersFile("zz: yes\n", "a.yaml", PRACTICES)).toThrow(/not a practice id/);
  });
});

describe("parseAnswerFlags", () => {
  it("reads id=answer and refuses anything else", () => {
    expect(parseAnswerFlags(["p1=partly"], PRACTICES)).toEqual({ p1: "partly" });
    expect(() => parseAnswerFlags(["p1"], PRACTICES)).toThrow(PpppptError);
  });
});

describe("assessmentScores", () => {
  it("averages yes 1, partly ½, no 0 over the answered practices", () => {
    const scores = assessmentScores({ p1: "yes", p2: "partly", t1: "no" }, PRACTICES);
    expect(scores.find((s) => s.category === "people")).toEqual({
      category: "people",
      practices: 3,
      answered: 2,
      score: 75,
    });
    expect(scores.find((s) => s.category === "tech")?.score).toBe(0);
    expect(scores.find((s) => s.category === "public")?.score).toBeUndefined();
  });
});

describe("withAnswers", () => {
  const stopped = {
    date: "2026-11-20",
    role: "manager" as const,
    answers: { a: "yes" as const },
    unfinished: { role: "manager" as const, category: null, total: 3, remaining: ["b", "c"] },
  };

  it("keeps earlier answers, and takes what is answered now off a stopped round's list", () => {
    const once = withAnswers(stopped, { b: "no" }, "2026-11-25", "manager");
    expect(once).toEqual({
      date: "2026-11-25",
      role: "manager",
      answers: { a: "yes", b: "no" },
      unfinished: { role: "manager", category: null, total: 3, remaining: ["c"] },
    });
    // Every question answered: the round is over, the next `assess` starts afresh.
    expect(withAnswers(once, { c: "partly" }, "2026-11-25", "manager").unfinished).toBeUndefined();
    expect(withAnswers(undefined, { a: "no" }, "2026-11-25", "vp")).toEqual({
      date: "2026-11-25",
      role: "vp",
      answers: { a: "no" },
    });
  });
});

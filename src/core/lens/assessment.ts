import { CATEGORIES, type Category } from "../category.js";
import type { IsoDate } from "../dates.js";
import type { Practice } from "./practice.js";
import type { Role } from "./roles.js";

/**
 * The self-assessment: one answer per practice prompt. Three answers, not a 1–10 scale: the
 * question is whether the leader does the thing, and "partly" is honest enough.
 */
export const ANSWERS = ["yes", "partly", "no"] as const;
export type Answer = (typeof ANSWERS)[number];

export const ANSWER_VALUES: Record<Answer, number> = { yes: 1, partly: 0.5, no: 0 };

export interface Assessment {
  date: IsoDate;
  role: Role;
  answers: Record<string, Answer>;
  /**
   * A round of questions stopped before its end (Ctrl-C, or fewer answers piped in than
   * questions): the next `ppppt assess` for the same role and category asks `remaining`.
   */
  unfinished?: UnfinishedRound;
}

export interface UnfinishedRound {
  role: Role;
  /** The one category the round asked about, or null for all of them. */
  category: Category | null;
  /** How many questions the round had in all, to say "5 of 7 answered". */
  total: number;
  /** The ids of the questions not answered yet, in the order they are asked. */
  remaining: string[];
}

const ANSWER_SPELLINGS: Record<string, Answer> = {
  yes: "yes",
  y: "yes",
  true: "yes",
  "2": "yes",
  partly: "partly",
  p: "partly",
  some: "partly",
  "1": "partly",
  no: "no",
  n: "no",
  false: "no",
  "0": "no",
};

export function parseAnswer(value: unknown): Answer | undefined {
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
    return undefined;
  }
  return ANSWER_SPELLINGS[String(value).trim().toLowerCase()];
}

export interface CategoryScore {
  category: Category;
  /** Practices for the role in this category. */
  practices: number;
  answered: number;
  /** 0..100: yes counts 1, partly ½, no 0, averaged over the answered ones; undefined if none. */
  score: number | undefined;
}

export function assessmentScores(
  answers: Record<string, Answer>,
  practices: readonly Practice[],
): CategoryScore[] {
  return CATEGORIES.map((category) => {
    const inCat = practices.filter((p) => p.category === category);
    const values = inCat
      .map((p) => answers[p.id])
      .filter((a): a is Answer => a !== undefined)
      .map((a) => ANSWER_VALUES[a]);
    const score =
      values.length > 0 ? (100 * values.reduce((s, v) => s + v, 0)) / values.length : undefined;
    return { category, practices: inCat.length, answered: values.length, score };
  });
}

/**
 * The saved assessment with `given` answered today for `role`, as `ppppt assess --answer` and
 * the dashboard save it: earlier answers kept unless given again; a stopped round kept for the
 * next `ppppt assess` to go on with, less the questions now answered (none left, it is over).
 */
export function withAnswers(
  saved: Assessment | undefined,
  given: Record<string, Answer>,
  date: IsoDate,
  role: Role,
): Assessment {
  const unfinished = saved?.unfinished;
  const remaining = unfinished?.remaining.filter((id) => !(id in given)) ?? [];
  return {
    date,
    role,
    answers: { ...(saved?.answers ?? {}), ...given },
    ...(unfinished && remaining.length > 0 ? { unfinished: { ...unfinished, remaining } } : {}),
  };
}

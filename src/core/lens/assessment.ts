import { z } from "zod";
import { CATEGORIES, type Category } from "../category.js";
import { type IsoDate, isIsoDate } from "../dates.js";
import { PpppptError } from "../errors.js";
import { parseYamlWith } from "../yaml-file.js";
import type { Practice } from "./playbook.js";
import { ROLES, type Role } from "./roles.js";

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

const answerSchema = z.unknown().transform((v, ctx): Answer => {
  const a = parseAnswer(v);
  if (a) return a;
  ctx.addIssue({ code: "custom", message: `"${String(v)}" is not yes, partly or no` });
  return z.NEVER;
});

const answerMapSchema = z.record(z.string(), answerSchema);
const nestedAnswersSchema = z.object({ answers: answerMapSchema }).loose();

/**
 * An answers file for `ppppt assess --answers FILE`: YAML or JSON, either a map of practice
 * id to answer or that map under `answers:`. Every id must name a known practice.
 */
export function parseAnswersFile(
  text: string,
  file: string,
  practices: readonly Practice[],
): Record<string, Answer> {
  // Read once loosely to see which of the two shapes it is, then check that shape, so an
  // error points at the exact key (answers.p2) rather than at "neither shape matched".
  const loose = parseYamlWith(text, file, z.record(z.string(), z.unknown()));
  const map =
    "answers" in loose
      ? parseYamlWith(text, file, nestedAnswersSchema).answers
      : parseYamlWith(text, file, answerMapSchema);
  return checkAnswerIds(map, practices, file);
}

/** `--answer id=yes` flags. */
export function parseAnswerFlags(
  flags: readonly string[],
  practices: readonly Practice[],
): Record<string, Answer> {
  const map: Record<string, Answer> = {};
  for (const flag of flags) {
    const eq = flag.indexOf("=");
    const id = flag.slice(0, eq).trim();
    const answer = eq > 0 ? parseAnswer(flag.slice(eq + 1)) : undefined;
    if (eq <= 0 || !answer) {
      throw new PpppptError(`--answer ${flag} is not ID=yes|partly|no`, {
        hint: "Example: --answer people-skip-levels=partly",
      });
    }
    map[id] = answer;
  }
  return checkAnswerIds(map, practices, undefined);
}

function checkAnswerIds(
  map: Record<string, Answer>,
  practices: readonly Practice[],
  file: string | undefined,
): Record<string, Answer> {
  const known = new Set(practices.map((p) => p.id));
  for (const id of Object.keys(map)) {
    if (!known.has(id)) {
      throw new PpppptError(`"${id}" is not a practice id`, {
        ...(file ? { file } : {}),
        hint: "Run `ppppt playbook` to see the ids.",
      });
    }
  }
  return map;
}

/** The saved assessment (assessment.json beside the docket). */
export const assessmentSchema = z.object({
  date: z.string().refine(isIsoDate, "not a date (YYYY-MM-DD)"),
  role: z.enum(ROLES),
  answers: z.record(z.string(), z.enum(ANSWERS)),
});

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

import { z } from "zod";
import { CATEGORIES } from "../category.js";
import { isIsoDate } from "../dates.js";
import { PpppptError } from "../errors.js";
import { parseYamlWith } from "../yaml-file.js";
import { ANSWERS, type Answer, parseAnswer } from "./assessment.js";
import type { Practice } from "./practice.js";
import { ROLES } from "./roles.js";

/** Reading answers from files and flags, and the saved assessment, with their schemas. */

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

export function checkAnswerIds(
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
  unfinished: z
    .object({
      role: z.enum(ROLES),
      category: z.enum(CATEGORIES).nullable(),
      total: z.number().int().nonnegative(),
      remaining: z.array(z.string()),
    })
    .optional(),
});

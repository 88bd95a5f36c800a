import { z } from "zod";
import { CATEGORIES } from "../category.js";
import { parseRecurrence } from "../docket/recurrence.js";
import { parseDuration } from "../duration.js";
import { PpppptError } from "../errors.js";
import { parseYamlWith } from "../yaml-file.js";
import type { Practice } from "./practice.js";
import { ROLES, type Role } from "./roles.js";

// The practice type and its queries live in practice.ts (no schema library, so reports stay
// light); they are offered here too, since "the playbook" is where callers look for them.
export {
  findPractice,
  mergePlaybooks,
  type Practice,
  type PracticeItem,
  practicesFor,
} from "./practice.js";

/**
 * The playbook: practices for growing in each category, in YAML files (format in
 * docs/lens.md). ppppt ships one file per category in playbook/; users add their own in
 * <config dir>/playbooks/, and a user practice with a shipped id replaces the shipped one.
 */

const roleList = z
  .union([z.literal("all"), z.array(z.enum(ROLES)).min(1)], {
    error: `expected "all" or a list of roles from ${ROLES.join(", ")}`,
  })
  .transform((v): Role[] => (v === "all" ? [...ROLES] : v));

const practiceItemSchema = z.strictObject({
  text: z
    .string()
    .min(3)
    .refine((t) => !/[\r\n]/.test(t), "an item is one line")
    .refine(
      (t) => !/(^|\s)(cat|due|id|rec|est):/.test(t),
      "put cat/due/id/rec/est in their own keys, not in the text",
    ),
  est: z
    .string()
    .refine((v) => parseDuration(v) !== undefined, "not a duration (like 30m, 1h, 2h30m)")
    .optional(),
  rec: z
    .string()
    .refine((v) => parseRecurrence(v) !== undefined, "not a recurrence (like 1w, 2w, 1m)")
    .optional(),
});

/**
 * Phrases that make a question ask whether a problem exists, so that "yes" would be the bad
 * state: "Is there a hard conversation you have been *putting off*?" A practice's prompt must
 * be answered "yes" when the practice is in place (the assessment scores yes as 1), so these
 * are refused. A lint on wording, not understanding: it catches the usual ways of asking about
 * a problem; a question that slips past it still reads wrong to a reviewer.
 */
const PROBLEM_PHRASES: readonly RegExp[] = [
  /\bput(?:ting)? off\b/,
  /\bpostpon/,
  /\bavoid/,
  /\bneglect/,
  /\bignor(?:e|ed|ing)\b/,
  /\bforg[eo]t/,
  /\bfail(?:s|ed|ing)? to\b/,
  /\bby breaking\b/,
  /\bonly learn\b/,
  /\bstill waiting\b/,
  /\bstuck\b/,
  /\boverdue\b/,
  /\black(?:s|ing)?\b/,
  /\bnever\b/,
  /\b(?:no one|nobody)\b/,
  /\bleft (?:alone|to rot|undone)\b/,
];

/**
 * What is wrong with a practice's self-assessment prompt, or undefined: it must be a yes/no
 * question whose "yes" means the practice is in place.
 */
export function promptProblem(prompt: string): string | undefined {
  if (!prompt.trim().endsWith("?")) return "a prompt is a question: end it with ?";
  const lower = prompt.toLowerCase();
  for (const phrase of PROBLEM_PHRASES) {
    const m = phrase.exec(lower);
    if (m) {
      return `"yes" must mean the practice is in place, but "${m[0]}" asks whether a problem exists; ask whether the good state holds`;
    }
  }
  return undefined;
}

const practiceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "use lower-case letters, digits and -"),
  category: z.enum(CATEGORIES),
  roles: roleList,
  title: z.string().min(3),
  prompt: z
    .string()
    .min(10)
    .superRefine((prompt, ctx) => {
      const problem = promptProblem(prompt);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  why: z.string().min(10),
  items: z.array(practiceItemSchema).min(1),
});

export const playbookFileSchema = z.strictObject({ practices: z.array(practiceSchema) });

/** Reads one playbook file's text; errors name the file, line and key. */
export function parsePlaybook(text: string, file: string): Practice[] {
  const parsed = parseYamlWith(text, file, playbookFileSchema);
  const seen = new Set<string>();
  const out: Practice[] = [];
  for (const p of parsed.practices) {
    if (seen.has(p.id)) {
      throw new PpppptError(`practice id "${p.id}" is used twice`, {
        file,
        hint: "Give each practice its own id.",
      });
    }
    seen.add(p.id);
    out.push({ ...p, source: file });
  }
  return out;
}

import { z } from "zod";
import { CATEGORIES, type Category } from "../category.js";
import { parseRecurrence } from "../docket/recurrence.js";
import { parseDuration } from "../duration.js";
import { PpppptError } from "../errors.js";
import { parseYamlWith } from "../yaml-file.js";
import { ROLES, type Role } from "./roles.js";

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

const practiceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "use lower-case letters, digits and -"),
  category: z.enum(CATEGORIES),
  roles: roleList,
  title: z.string().min(3),
  prompt: z.string().min(10),
  why: z.string().min(10),
  items: z.array(practiceItemSchema).min(1),
});

export const playbookFileSchema = z.strictObject({ practices: z.array(practiceSchema) });

export type PracticeItem = z.infer<typeof practiceItemSchema>;

export interface Practice {
  id: string;
  category: Category;
  roles: Role[];
  title: string;
  /** A question the leader answers yes, partly or no in the self-assessment. */
  prompt: string;
  why: string;
  items: PracticeItem[];
  /** The file the practice came from. */
  source: string;
}

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

/** Shipped practices first, in file order; a later file's practice replaces one with its id. */
export function mergePlaybooks(...sets: readonly Practice[][]): Practice[] {
  const byId = new Map<string, Practice>();
  for (const set of sets) for (const p of set) byId.set(p.id, p);
  const order = (p: Practice) => CATEGORIES.indexOf(p.category);
  return [...byId.values()].sort((a, b) => order(a) - order(b));
}

export function practicesFor(
  practices: readonly Practice[],
  filter: { category?: Category; role?: Role },
): Practice[] {
  return practices.filter(
    (p) =>
      (filter.category === undefined || p.category === filter.category) &&
      (filter.role === undefined || p.roles.includes(filter.role)),
  );
}

export function findPractice(practices: readonly Practice[], id: string): Practice {
  const found = practices.find((p) => p.id === id);
  if (!found) {
    throw new PpppptError(`no practice has the id "${id}"`, {
      hint: "Run `ppppt playbook` to see every practice with its id.",
    });
  }
  return found;
}

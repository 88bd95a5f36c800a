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

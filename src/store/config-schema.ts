import { z } from "zod";
import { calendarConfigSchema } from "../core/calendar/settings.js";
import { CATEGORIES } from "../core/category.js";
import { PpppptError } from "../core/errors.js";
import { DEFAULT_MIXES, type Mix, parseRole, ROLES, type Role } from "../core/lens/roles.js";
import { handleOfName, isHandle, normaliseHandle } from "../core/people.js";
import { parseYamlWith } from "../core/yaml-file.js";
import type { UserConfig } from "./config-file.js";

/**
 * The config file's schema (docs/config.md) and its reader, apart from config-file.ts so that
 * a command reads no schema library (zod, yaml, the calendar's zones: ~40 ms of an `add`)
 * when there is no config file to check, which is the common case.
 */

const percent = z.number().min(0).max(100);
const mixSchema = z.strictObject(
  Object.fromEntries(CATEGORIES.map((c) => [c, percent.optional()])) as Record<
    (typeof CATEGORIES)[number],
    z.ZodOptional<typeof percent>
  >,
);

const roleSchema = z.string().transform((v, ctx): Role => {
  const role = parseRole(v);
  if (role) return role;
  ctx.addIssue({ code: "custom", message: `"${v}" is not a role (${ROLES.join(", ")})` });
  return z.NEVER;
});

const weight = z.number().min(0).max(100);

const HANDLE_RULE = "a handle is one word starting with a letter (dana, dana.k)";
/** `- priya`, `- Rosa Lind` (handle rosa.l) or `- dana.k: Dana Kim` (docs/people.md). */
const personSchema = z.unknown().transform((v, ctx): { handle: string; name?: string } => {
  if (typeof v === "string") {
    if (isHandle(v)) return { handle: normaliseHandle(v) };
    const handle = handleOfName(v);
    if (handle) return { handle, name: v.trim() };
    ctx.addIssue({ code: "custom", message: `"${v}" is not a handle: ${HANDLE_RULE}` });
    return z.NEVER;
  }
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const entries = Object.entries(v);
    const [handle, name] = (entries[0] ?? []) as [string, unknown];
    if (entries.length !== 1) {
      ctx.addIssue({ code: "custom", message: "one person per entry: `- dana.k: Dana Kim`" });
    } else if (!isHandle(handle)) {
      ctx.addIssue({ code: "custom", message: `"${handle}" is not a handle: ${HANDLE_RULE}` });
    } else if (name !== null && typeof name !== "string") {
      ctx.addIssue({ code: "custom", message: `the name of ${handle} must be text ("Dana Kim")` });
    } else {
      return { handle: normaliseHandle(handle), ...(name ? { name } : {}) };
    }
    return z.NEVER;
  }
  ctx.addIssue({ code: "custom", message: "a person is a handle (priya) or `handle: Full Name`" });
  return z.NEVER;
});

export const configSchema = z
  .looseObject({
    role: roleSchema.optional(),
    people: z.array(personSchema).optional(),
    mixes: z.partialRecord(z.enum(ROLES), mixSchema).optional(),
    starving: z.strictObject({ weeks: z.number().int().min(1).max(52).optional() }).optional(),
    next: z
      .strictObject({
        weights: z
          .strictObject({
            due: weight.optional(),
            priority: weight.optional(),
            age: weight.optional(),
            category: weight.optional(),
          })
          .optional(),
        ageMaxDays: z.number().int().min(1).optional(),
        needWindowDays: z.number().int().min(7).max(365).optional(),
      })
      .optional(),
    calendar: calendarConfigSchema.optional(),
  })
  .superRefine((config, ctx) => {
    for (const [role, override] of Object.entries(config.mixes ?? {})) {
      const mix = { ...DEFAULT_MIXES[role as Role], ...override } as Mix;
      const total = CATEGORIES.reduce((s, c) => s + mix[c], 0);
      if (Math.abs(total - 100) > 0.001) {
        ctx.addIssue({
          code: "custom",
          path: ["mixes", role],
          message: `the mix adds up to ${total}%, not 100% (categories left out keep their defaults)`,
        });
      }
    }
  });

export function parseConfig(text: string, path: string): UserConfig {
  const parsed = parseYamlWith(text, path, configSchema);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new PpppptError("the config file must be a map of keys", { file: path });
  }
  return {
    path,
    exists: true,
    role: parsed.role,
    people: parsed.people ?? [],
    mixes: parsed.mixes as UserConfig["mixes"],
    starvingWeeks: parsed.starving?.weeks,
    next: parsed.next,
    calendar: parsed.calendar,
    raw: parsed as Record<string, unknown>,
  };
}

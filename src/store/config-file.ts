import { chmod, mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { z } from "zod";
import { type CalendarConfig, calendarConfigSchema } from "../core/calendar/settings.js";
import { CATEGORIES } from "../core/category.js";
import { PpppptError } from "../core/errors.js";
import { DEFAULT_MIXES, type Mix, parseRole, ROLES, type Role } from "../core/lens/roles.js";
import { type LensSettings, lensSettings, type NextWeights } from "../core/lens/settings.js";
import { handleOfName, isHandle, normaliseHandle } from "../core/people.js";
import { parseYamlWith, setYamlKey } from "../core/yaml-file.js";
import { configPath, type Env } from "./paths.js";

/**
 * The user's config file (docs/config.md): ~/.config/ppppt/config.yaml, or $PPPPT_CONFIG.
 * Missing is fine (every key has a default); present but wrong fails with the file, line and
 * key. Top-level keys this module does not know are left for other parts of ppppt; inside
 * the sections it owns, unknown keys are errors, so a typo never silently does nothing.
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

export interface UserConfig {
  path: string;
  exists: boolean;
  role?: Role;
  /** The `people:` list: handles, with a full name where given. */
  people: { handle: string; name?: string }[];
  mixes?: Partial<Record<Role, Partial<Mix>>>;
  starvingWeeks?: number;
  next?: { weights?: Partial<NextWeights>; ageMaxDays?: number; needWindowDays?: number };
  calendar?: CalendarConfig;
  /** The whole file as read, for keys other modules own. */
  raw: Record<string, unknown>;
}

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

export async function readConfigFile(env: Env): Promise<UserConfig> {
  const path = configPath(env);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { path, exists: false, people: [], raw: {} };
    throw new PpppptError(`cannot read the config file: ${(error as Error).message}`, {
      file: path,
    });
  }
  return parseConfig(text, path);
}

/** The zone floating calendar times are in: the config's `calendar.timezone`, else the system's. */
export function calendarZoneOf(config: UserConfig): string {
  return config.calendar?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The lens settings from the config, with a `--role` flag winning over the file. */
export function lensSettingsOf(config: UserConfig, role?: Role): LensSettings {
  return lensSettings({
    role: role ?? config.role,
    mixes: config.mixes,
    starvingWeeks: config.starvingWeeks,
    next: config.next,
  });
}

/**
 * Writes `role:` into the config file (created if missing), keeping everything else in it as
 * the user wrote it. The result is read back through the schema before it replaces the file,
 * so a config that would not load is never written.
 */
export async function writeConfigRole(env: Env, role: Role): Promise<string> {
  return writeConfigKey(env, ["role"], role);
}

/**
 * Remembers a calendar feed imported by URL, under `calendar.feeds.NAME`. The URL is a secret
 * (whoever has it reads the calendar): this file is its only copy, and is kept at mode 0600.
 */
export async function writeConfigFeed(env: Env, name: string, url: string): Promise<string> {
  return writeConfigKey(env, ["calendar", "feeds", name], url, 0o600);
}

async function writeConfigKey(
  env: Env,
  key: readonly string[],
  value: string,
  mode?: number,
): Promise<string> {
  const config = await readConfigFile(env);
  const before = config.exists ? await readFile(config.path, "utf8") : "";
  const text = setYamlKey(before, key, value);
  parseConfig(text, config.path);
  try {
    await mkdir(dirname(config.path), { recursive: true });
    if (text !== before || !config.exists) {
      const { default: writeFileAtomic } = await import("write-file-atomic");
      await writeFileAtomic(config.path, text, { fsync: true, ...(mode ? { mode } : {}) });
    }
    // Also when it was there already: a config others could read is tightened.
    if (mode) await chmod(config.path, mode);
  } catch (error) {
    throw new PpppptError(`cannot write the config file: ${(error as Error).message}`, {
      file: config.path,
    });
  }
  return config.path;
}

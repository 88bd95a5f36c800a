import { dirname } from "node:path";
import type { CalendarConfig } from "../core/calendar/settings.js";
import { PpppptError } from "../core/errors.js";
import type { Mix, Role } from "../core/lens/roles.js";
import { type LensSettings, lensSettings, type NextWeights } from "../core/lens/settings.js";
import { chmod, mkdir, readFile } from "./fs-async.js";
import { configPath, type Env } from "./paths.js";

/**
 * The user's config file (docs/config.md): ~/.config/ppppt/config.yaml, or $PPPPT_CONFIG.
 * Missing is fine (every key has a default); present but wrong fails with the file, line and
 * key. Top-level keys this module does not know are left for other parts of ppppt; inside
 * the sections it owns, unknown keys are errors, so a typo never silently does nothing. The
 * schema is read (config-schema.ts) only when there is a file to check.
 */

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
  const { parseConfig } = await import("./config-schema.js");
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
  const [{ setYamlKey }, { parseConfig }] = await Promise.all([
    import("../core/yaml-file.js"),
    import("./config-schema.js"),
  ]);
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

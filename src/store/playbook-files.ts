import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PpppptError } from "../core/errors.js";
import { parsePlaybook } from "../core/lens/playbook.js";
import { mergePlaybooks, type Practice } from "../core/lens/practice.js";
import { configDir, type Env } from "./paths.js";

/**
 * Playbook files on disk: the ones ppppt ships (playbook/ at the package root) and the user's
 * (<config dir>/playbooks/*.yaml). The package root is found by walking up from this module,
 * which works from src/ under vitest and tsx and from dist/cli.cjs when bundled.
 */
export function shippedPlaybookDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "playbook");
    if (existsSync(candidate) && existsSync(join(dir, "package.json"))) return candidate;
    dir = dirname(dir);
  }
  throw new PpppptError("cannot find the playbook folder that ships with ppppt", {
    hint: "Reinstall ppppt; its package should contain a playbook/ folder.",
  });
}

export function userPlaybookDir(env: Env): string {
  return join(configDir(env), "playbooks");
}

async function readFolder(dir: string, required: boolean): Promise<Practice[][]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (!required && (error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new PpppptError(`cannot read the playbook folder: ${(error as Error).message}`, {
      file: dir,
    });
  }
  const files = names.filter((n) => /\.ya?ml$/.test(n)).sort();
  return Promise.all(
    files.map(async (name) => {
      const file = join(dir, name);
      return parsePlaybook(await readFile(file, "utf8"), file);
    }),
  );
}

export async function loadShippedPlaybook(): Promise<Practice[]> {
  return mergePlaybooks(...(await readFolder(shippedPlaybookDir(), true)));
}

/** Shipped practices, then the user's: a user practice with a shipped id replaces it. */
export async function loadPlaybooks(env: Env): Promise<Practice[]> {
  const shipped = await readFolder(shippedPlaybookDir(), true);
  const user = await readFolder(userPlaybookDir(env), false);
  return mergePlaybooks(...shipped, ...user);
}

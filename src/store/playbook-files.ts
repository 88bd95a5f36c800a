import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { PpppptError } from "../core/errors.js";
import { parsePlaybook } from "../core/lens/playbook.js";
import { mergePlaybooks, type Practice } from "../core/lens/practice.js";
import { shippedPath } from "./package-root.js";
import { configDir, type Env } from "./paths.js";

/**
 * Playbook files on disk: the ones ppppt ships (playbook/ at the package root) and the user's
 * (<config dir>/playbooks/*.yaml). The shipped folder is found as package-root.ts says.
 */
export function shippedPlaybookDir(): string {
  return shippedPath("playbook", "the playbook folder");
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

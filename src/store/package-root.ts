import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PpppptError } from "../core/errors.js";

/**
 * Files that ship with ppppt (playbook/, data/model.bin) are found by walking up from this
 * module to the package root: the first folder holding both package.json and the file. That
 * works from src/ under vitest and tsx and from dist/cli.cjs when bundled, and
 * nothing has to be configured.
 */
const found = new Map<string, string>();

export function shippedPath(relative: string, what: string): string {
  const known = found.get(relative);
  if (known !== undefined) return known;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, relative);
    if (existsSync(candidate) && existsSync(join(dir, "package.json"))) {
      found.set(relative, candidate);
      return candidate;
    }
    dir = dirname(dir);
  }
  throw new PpppptError(`cannot find ${what} that ships with ppppt`, {
    hint: `Reinstall ppppt; its package should contain ${relative}.`,
  });
}

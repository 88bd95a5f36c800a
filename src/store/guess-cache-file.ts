import { readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fnv1a } from "../core/fnv1a.js";
import { correctionsPath } from "./corrections-file.js";
import { chmod, mkdir, rename, unlink, writeFile } from "./fs-async.js";
import { cacheDir, type Env } from "./paths.js";
import { shippedModelPath } from "./shipped-model-file.js";

/**
 * The guess cache on disk (the format is core/classify/guess-cache.ts): one file per docket in
 * the cache folder, `guesses-todo-3f9a2c1e.txt` for `…/todo.txt`. Best effort throughout: a
 * cache that cannot be read is a miss, one that cannot be written is left as it was, and
 * neither ever fails a command or changes what it prints.
 *
 * The reads on a hit (three stats and one small file) are synchronous: each asynchronous call
 * is a round trip through libuv's thread pool, and on a busy machine those round trips cost
 * more than the whole read (measured: ~4 ms against ~0.3 ms).
 */
export function guessCachePath(env: Env, docketPath: string): string {
  const absolute = resolve(docketPath);
  const base = absolute
    .replace(/^.*[/\\]/, "")
    .replace(/\.txt$/i, "")
    .replace(/[^\w.-]/g, "_");
  return join(cacheDir(env), `guesses-${base}-${hex8(absolute)}.txt`);
}

/**
 * What the guesses depend on besides the texts: the docket (its path), the model file, the
 * code that classifies, and the docket's corrections file. Files are fingerprinted by their
 * metadata (size, modification and change times, inode), as git's index does: a stat costs
 * microseconds where hashing the 929 KiB model would cost milliseconds, and any rewrite of a
 * file (a `recat`, a hand edit, `npm run train`, a reinstall or rebuild) changes its change time.
 */
export function guessFingerprint(docketPath: string): string {
  const model = fileStamp(shippedModelPath());
  const code = fileStamp(fileURLToPath(import.meta.url));
  const corrections = fileStamp(correctionsPath(docketPath));
  return `model=${model} code=${code} corrections=${corrections} docket=${hex8(resolve(docketPath))}`;
}

/** The cache file's text, or undefined when there is none or it cannot be read. */
export function readGuessCache(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Replaces the cache file whole (a temporary file renamed over it), so a reader sees the old
 * file or the new one. Not fsynced: after a crash a lost or cut cache is only a miss. It holds
 * the items' text, so it is the user's alone: the file 0600, a folder it creates 0700 (a
 * folder that exists, which PPPPT_CACHE may name, is left as it is).
 */
export async function writeGuessCache(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(resolve(path, ".."), { recursive: true, mode: 0o700 });
    await writeFile(temporary, text, { mode: 0o600 });
    await chmod(temporary, 0o600); // a temp file left by a killed run keeps its old mode
    await rename(temporary, path);
  } catch {
    await unlink(temporary).catch(() => undefined);
  }
}

function fileStamp(path: string): string {
  try {
    const s = statSync(path, { throwIfNoEntry: false });
    return s ? `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}` : "none";
  } catch {
    return "unreadable";
  }
}

/** FNV-1a as 8 hex digits: short, stable names, with no crypto module to load. */
function hex8(text: string): string {
  return (fnv1a(text) >>> 0).toString(16).padStart(8, "0");
}

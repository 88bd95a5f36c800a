import { mkdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { correctionsPath } from "./corrections-file.js";
import { cacheDir, type Env } from "./paths.js";
import { shippedModelPath } from "./shipped-model-file.js";

/**
 * The guess cache on disk (the format is core/classify/guess-cache.ts): one file per docket in
 * the cache folder, `guesses-todo-3f9a2c1e.txt` for `…/todo.txt`. Best effort throughout: a
 * cache that cannot be read is a miss, one that cannot be written is left as it was, and
 * neither ever fails a command or changes what it prints.
 */
export function guessCachePath(env: Env, docketPath: string): string {
  const absolute = resolve(docketPath);
  const base = absolute
    .replace(/^.*[/\\]/, "")
    .replace(/\.txt$/i, "")
    .replace(/[^\w.-]/g, "_");
  return join(cacheDir(env), `guesses-${base}-${fnv1a(absolute)}.txt`);
}

/**
 * What the guesses depend on besides the texts: the docket (its path), the model file, the
 * code that classifies, and the docket's corrections file. Files are fingerprinted by their
 * metadata (size, modification and change times, inode), as git's index does: a stat costs
 * microseconds where hashing the 540 KB model would cost milliseconds, and any rewrite of a
 * file (a `recat`, a hand edit, `npm run train`, a reinstall or rebuild) changes its change time.
 */
export async function guessFingerprint(docketPath: string): Promise<string> {
  const [model, code, corrections] = await Promise.all([
    fileStamp(shippedModelPath()),
    fileStamp(fileURLToPath(import.meta.url)),
    fileStamp(correctionsPath(docketPath)),
  ]);
  return `model=${model} code=${code} corrections=${corrections} docket=${fnv1a(resolve(docketPath))}`;
}

/** The cache file's text, or undefined when there is none or it cannot be read. */
export async function readGuessCache(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * Replaces the cache file whole (a temporary file renamed over it), so a reader sees the old
 * file or the new one. Not fsynced: after a crash a lost or cut cache is only a miss.
 */
export async function writeGuessCache(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(resolve(path, ".."), { recursive: true });
    await writeFile(temporary, text);
    await rename(temporary, path);
  } catch {
    await unlink(temporary).catch(() => undefined);
  }
}

async function fileStamp(path: string): Promise<string> {
  try {
    const s = await stat(path);
    return `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`;
  } catch {
    return "none";
  }
}

/** 32-bit FNV-1a as 8 hex digits: short, stable names, with no crypto module to load. */
function fnv1a(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

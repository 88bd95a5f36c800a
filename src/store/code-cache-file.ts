import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { fnv1a } from "../core/fnv1a.js";
import { cacheDir, type Env } from "./paths.js";

/**
 * V8's compiled code for the CLI's bundle, kept in the cache folder so the next start skips
 * compiling it (docs/benchmarks.md, "Start-up"). One file per bundle, Node and command:
 * `code-<bundle hash>-<node version>-<arch>[-<flags hash>]-<command>.v8`. A new build, another
 * Node, or other V8 flags name another file, so no file is ever read by a V8 that did not write
 * it for that very source; the file names a command because each command compiles different
 * functions, and a cache holds only those compiled by the run that wrote it.
 *
 * Best effort throughout, like the guess cache: a file that cannot be read is a miss, one that
 * cannot be written is left as it was, and neither fails a command. Everything is synchronous:
 * this runs before the bundle (reading) and in the process's exit handler (writing).
 */
export interface CodeCacheKey {
  /** The bundle's content hash, written into the start-up code by the build. */
  bundleHash: string;
  /** The command line's command word (`list`), or "none". */
  command: string;
  /** `process.version`, `process.arch`, and the V8 flags in force (execArgv, NODE_OPTIONS). */
  node: string;
  arch: string;
  flags: string;
}

export function codeCachePath(env: Env, key: CodeCacheKey): string {
  const flags = key.flags === "" ? "" : `-${hex8(key.flags)}`;
  // Only a word that can be a command's name goes into a file name; anything else is "other".
  const command = /^[a-z][a-z-]{0,30}$/.test(key.command) ? key.command : "other";
  return join(
    cacheDir(env),
    `code-${key.bundleHash}-${key.node}-${key.arch}${flags}-${command}.v8`,
  );
}

export function readCodeCache(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Replaces the file whole (a temporary file renamed over it), so a reader sees a complete file
 * or none: V8 checks a cache's version, flags and source length, but not its bytes, and a cut
 * file must never be read as compiled code. The folder is made 0700, the file 0600, as the guess
 * cache's: the code holds no user data, but the folder does.
 */
export function writeCodeCache(path: string, data: Uint8Array): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(join(path, ".."), { recursive: true, mode: 0o700 });
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, path);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written, or the folder is gone: nothing to clean.
    }
  }
}

/**
 * Removes the code kept for other builds of the bundle (an upgrade, a rebuild): nothing will
 * read it again. Called only after a cache was written, so a start that finds its cache pays
 * nothing for it. Other files in the folder (the guess cache's) are left alone.
 */
export function pruneCodeCaches(env: Env, bundleHash: string): void {
  const dir = cacheDir(env);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!/^code-[0-9a-f]{16}-.*\.v8$/.test(name) || name.startsWith(`code-${bundleHash}-`))
      continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // Another process removed it first, or the folder is not ours to change: either is fine.
    }
  }
}

function hex8(text: string): string {
  return (fnv1a(text) >>> 0).toString(16).padStart(8, "0");
}

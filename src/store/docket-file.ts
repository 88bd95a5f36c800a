import { constants } from "node:fs";
import { access, mkdir, readFile, stat } from "node:fs/promises";
import { dirname } from "node:path";
import type { Docket } from "../core/docket/item.js";
import { parseDocket } from "../core/docket/parse.js";
import { printDocket } from "../core/docket/print.js";
import { PpppptError } from "../core/errors.js";

/**
 * The only code that writes a docket. Three rules keep the user's only copy safe:
 * 1. writes are atomic: a temp file in the same folder, fsync, rename (write-file-atomic);
 * 2. ppppt processes take turns through a lock folder beside the file (proper-lockfile,
 *    which refreshes it while held and takes over one left by a crashed process after
 *    `staleMs`);
 * 3. a change is a function of the docket, not a snapshot of it: if the file changed after we
 *    read it (a text editor does not take our lock), we read it again and re-run the change
 *    on top, so nobody's edit is overwritten.
 */

/**
 * The lock and atomic-write libraries are loaded on the first write, not at start-up: a read
 * command (`ppppt list`) never needs them, and loading them (graceful-fs, signal-exit…) costs
 * a few milliseconds of every command's start.
 */
export async function writeFileAtomic(path: string, data: string | Buffer): Promise<void> {
  const { default: write } = await import("write-file-atomic");
  await write(path, data, { fsync: true });
}

export interface StoreOptions {
  /** How long to wait for another writer before giving up. */
  lockWaitMs?: number;
  /** A lock not refreshed for this long belongs to a dead process and is taken over. */
  staleMs?: number;
}

export interface UpdateOptions<T> extends StoreOptions {
  /**
   * Runs under the lock after the change is final and before the docket is written: where a
   * second file must be written first (archive writes done.txt, then removes the items).
   */
  beforeWrite?: (result: T) => Promise<void>;
}

export interface ReadResult {
  docket: Docket;
  bytes: Uint8Array;
}

export async function readDocketFile(path: string): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw fileError(error, path, "read");
  }
  return { docket: parseDocket(bytes), bytes };
}

export function fileError(error: unknown, path: string, doing: "read" | "write"): PpppptError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") {
    return new PpppptError(`no docket at ${path}`, {
      hint: "Run `ppppt init` to create it, or point --file (or PPPPT_FILE) at your todo.txt.",
    });
  }
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
    return new PpppptError(`cannot ${doing} ${path}: permission denied`, {
      hint:
        doing === "write"
          ? "The docket is read-only; make it writable (chmod u+w) to change it."
          : "Check the file's permissions.",
    });
  }
  if (code === "EISDIR") return new PpppptError(`${path} is a folder, not a docket file`);
  return new PpppptError(`cannot ${doing} ${path}: ${(error as Error).message}`);
}

export interface Change<T> {
  docket: Docket;
  result: T;
}

const DEFAULT_LOCK_WAIT_MS = 15_000;
const DEFAULT_STALE_MS = 10_000;

/**
 * Runs `change` on the current docket and writes the result, safely. `change` may run more
 * than once (when the file moved under us), so it must be a pure function of its input.
 * Returns the change's result; writes nothing when the docket comes back unchanged.
 */
export async function updateDocketFile<T>(
  path: string,
  change: (docket: Docket) => Change<T>,
  options: UpdateOptions<T> = {},
): Promise<T> {
  await assertWritable(path);
  const release = await acquireLock(path, options);
  try {
    for (let attempt = 0; ; attempt++) {
      const { docket, bytes } = await readDocketFile(path);
      const next = change(docket);
      if (next.docket === docket) return next.result;
      const out = printDocket(next.docket);
      // The lock keeps other ppppt processes out; this check catches an editor that saved
      // while we were working. The window left is the few microseconds until the rename.
      const now = await readFile(path).catch(() => undefined);
      if (now && !sameBytes(now, bytes) && attempt < 5) continue;
      await options.beforeWrite?.(next.result);
      await writeFileAtomic(path, Buffer.from(out.buffer, out.byteOffset, out.byteLength));
      return next.result;
    }
  } catch (error) {
    if (error instanceof PpppptError) throw error;
    throw fileError(error, path, "write");
  } finally {
    await release();
  }
}

async function assertWritable(path: string): Promise<void> {
  let mode: number;
  try {
    await access(path, constants.W_OK);
    mode = (await stat(path)).mode;
  } catch (error) {
    throw fileError(error, path, "write");
  }
  // root may write anywhere; a file with no write bits was still made read-only on purpose.
  if ((mode & 0o222) === 0) {
    throw fileError(Object.assign(new Error("read-only"), { code: "EACCES" }), path, "write");
  }
}

/** Creates the docket (and its folder) if it does not exist; never touches an existing one. */
export async function createDocketFile(path: string, initial = ""): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true });
  try {
    await access(path);
    return false;
  } catch {
    const release = await acquireLock(path, {});
    try {
      try {
        await access(path);
        return false;
      } catch {
        await writeFileAtomic(path, initial);
        return true;
      }
    } finally {
      await release();
    }
  }
}

export async function acquireLock(
  path: string,
  options: StoreOptions,
): Promise<() => Promise<void>> {
  const waitMs = options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS;
  const maxTimeout = 50;
  const { default: lockfile } = await import("proper-lockfile");
  try {
    return await lockfile.lock(path, {
      realpath: false,
      stale: Math.max(2_000, options.staleMs ?? DEFAULT_STALE_MS),
      retries: {
        retries: Math.ceil(waitMs / (maxTimeout / 2)),
        minTimeout: 2,
        maxTimeout,
        factor: 1.5,
        randomize: true,
      },
      onCompromised: () => {
        // The lock was taken over (we stalled past `staleMs`). The write still goes through
        // the re-read check, so nothing is clobbered; there is nothing better to do here.
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new PpppptError(`${path} is locked by another ppppt process`, {
        hint: `Waited ${Math.round(waitMs / 1000)}s. If no ppppt is running, remove ${path}.lock and try again.`,
      });
    }
    throw fileError(error, path, "write");
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}

import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { addedLines } from "../core/docket/added-lines.js";
import type { Docket } from "../core/docket/item.js";
import { parseDocket } from "../core/docket/parse.js";
import { printDocket } from "../core/docket/print.js";
import { PpppptError } from "../core/errors.js";
import { access, lstat, mkdir, open, readdir, realpath, rename, stat, unlink } from "./fs-async.js";
import { doneFilePath } from "./paths.js";

/**
 * The only code that writes a docket. Four rules keep the user's only copy safe (the whole
 * guarantee is written down in docs/format.md, "What ppppt promises about the file"):
 * 1. writes are atomic: a temp file in the same folder, fsync, rename;
 * 2. ppppt processes take turns through a lock folder beside the file (proper-lockfile,
 *    which refreshes it while held and takes over one left by a crashed process after
 *    `staleMs`);
 * 3. a change is a function of the docket, not a snapshot of it: if the file changed after we
 *    read it (a text editor does not take our lock), we read it again and re-run the change
 *    on top, so nobody's edit is overwritten. The last look is taken after the temp file is
 *    written and fsynced, right before the rename;
 * 4. the file we read stays open through the rename: a program that wrote to it in the
 *    moment between that last look and the rename (`echo … >> todo.txt` holds the old file
 *    open) wrote to a file no longer in place, so the lines it added are appended to the new
 *    one.
 * Only regular files (or symlinks to one) are read or written: a FIFO would block for ever,
 * and a rename over a device would replace it.
 */
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
   * It runs again when the change is re-run on a file that changed, so it must not repeat
   * what an earlier run of it already wrote.
   */
  beforeWrite?: (result: T) => Promise<void>;
}

export interface ReadResult {
  docket: Docket;
  bytes: Uint8Array;
}

export async function readDocketFile(path: string): Promise<ReadResult> {
  const bytes = await readDocketBytes(path);
  return { docket: parseDocket(bytes), bytes };
}

/**
 * The docket's bytes, refusing a path that is not a regular file (or a symlink to one): the
 * same checks as openDocket, made synchronously. A read-only command waits for nothing else,
 * and each asynchronous call was a round trip through libuv's thread pool (five of them, and
 * node:fs/promises loaded for them).
 */
export async function readDocketBytes(path: string): Promise<Buffer> {
  let fd: number | undefined;
  try {
    const first = statSync(path);
    if (!first.isFile()) throw notRegularFile(path, kindOf(first));
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw notRegularFile(path, kindOf(stats));
    return readWholeNow(fd, stats.size);
  } catch (error) {
    if (error instanceof PpppptError) throw error;
    throw fileError(error, path, "read");
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** readWhole for a descriptor, synchronously. */
function readWholeNow(fd: number, size: number): Buffer {
  const chunks: Buffer[] = [];
  let position = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.max(size - position, 0) + 65_536);
    const bytesRead = readSync(fd, chunk, 0, chunk.length, position);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    position += bytesRead;
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

export function fileError(error: unknown, path: string, doing: "read" | "write"): PpppptError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") {
    return new PpppptError(`no docket at ${path}`, {
      hint: "Run `ppppt init` to create it, or point --file (or PPPPT_FILE) at your todo.txt.",
    });
  }
  if (code === "ENOTDIR") {
    return new PpppptError(`cannot ${doing} ${path}: a part of that path is a file, not a folder`);
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
  if (code === "ENXIO") return notRegularFile(path, "socket");
  if (code === "ENOSPC") return new PpppptError(`cannot ${doing} ${path}: the disk is full`);
  return new PpppptError(`cannot ${doing} ${path}: ${(error as Error).message}`);
}

function notRegularFile(path: string, what: string): PpppptError {
  if (what === "folder") return new PpppptError(`${path} is a folder, not a docket file`);
  return new PpppptError(
    `${path} is a ${what}, not a docket file; ppppt reads and writes only regular files`,
    {
      hint: "Point --file (or PPPPT_FILE) at a plain text file.",
    },
  );
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "folder";
  if (stats.isFIFO()) return "named pipe (FIFO)";
  if (stats.isCharacterDevice()) return "character device";
  if (stats.isBlockDevice()) return "block device";
  if (stats.isSocket()) return "socket";
  return "special file";
}

interface OpenDocket {
  handle: FileHandle;
  stats: Stats;
}

/**
 * Opens a docket for reading. The stat comes first, so a device is never opened (opening one
 * can have effects of its own); O_NONBLOCK keeps a FIFO swapped in between from blocking the
 * open, and the handle's own stat refuses it.
 */
async function openDocket(path: string, doing: "read" | "write"): Promise<OpenDocket> {
  try {
    const first = await stat(path);
    if (!first.isFile()) throw notRegularFile(path, kindOf(first));
    const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = await handle.stat();
    if (!stats.isFile()) {
      await handle.close();
      throw notRegularFile(path, kindOf(stats));
    }
    return { handle, stats };
  } catch (error) {
    if (error instanceof PpppptError) throw error;
    throw fileError(error, path, doing);
  }
}

/** The whole file from its first byte, whatever the handle's position. */
async function readWhole(handle: FileHandle): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let position = 0;
  const size = (await handle.stat()).size;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.max(size - position, 0) + 65_536);
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    position += bytesRead;
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
}

export interface Change<T> {
  docket: Docket;
  result: T;
}

const DEFAULT_LOCK_WAIT_MS = 15_000;
const DEFAULT_STALE_MS = 10_000;
/** Times the change is re-run on a file that keeps changing before it is written regardless. */
const MAX_REAPPLY = 20;

/**
 * Runs `change` on the current docket and writes the result, safely. `change` may run more
 * than once (when the file moved under us), so it must be a pure function of its input; so
 * may `beforeWrite`. Returns the result of the change that was written; writes nothing when
 * the docket comes back unchanged.
 */
export async function updateDocketFile<T>(
  path: string,
  change: (docket: Docket) => Change<T>,
  options: UpdateOptions<T> = {},
): Promise<T> {
  const target = await writableTarget(path);
  return underLock(path, target, options, async () => {
    await removeAbandonedTemps(target, staleMsOf(options));
    for (let attempt = 0; ; attempt++) {
      const read = await openDocket(target, "write");
      let temp: string | undefined;
      try {
        const base = await readWhole(read.handle);
        const docket = parseDocket(base);
        const next = change(docket);
        if (next.docket === docket) return next.result;
        const out = printDocket(next.docket);
        temp = await writeTemp(target, out, read.stats);
        await options.beforeWrite?.(next.result);
        // The last look, as close to the rename as it can be: a program that saved since we
        // read (an editor that does not take our lock) gets our change re-run on top of its.
        if (attempt < MAX_REAPPLY && !(await unchangedSince(target, read, base))) continue;
        await rename(temp, target);
        temp = undefined;
        await syncFolder(dirname(target));
        await keepLateLines(target, read.handle, base);
        return next.result;
      } finally {
        if (temp) await unlink(temp).catch(() => undefined);
        await read.handle.close();
      }
    }
  });
}

/** Runs `work` holding the lock of `target`; errors come out as messages naming `path`. */
async function underLock<T>(
  path: string,
  target: string,
  options: StoreOptions,
  work: () => Promise<T>,
): Promise<T> {
  const release = await acquireLock(target, options);
  try {
    return await work();
  } catch (error) {
    if (error instanceof PpppptError) throw error;
    throw fileError(error, path, "write");
  } finally {
    await release();
  }
}

/** The file a write replaces: a symlink's target, so the link stays a link. */
async function writableTarget(path: string): Promise<string> {
  let target: string;
  let stats: Stats;
  try {
    target = await realpath(path);
    stats = await stat(target);
  } catch (error) {
    throw fileError(error, path, "write");
  }
  if (!stats.isFile()) throw notRegularFile(path, kindOf(stats));
  try {
    await access(target, constants.W_OK);
  } catch (error) {
    throw fileError(error, path, "write");
  }
  // root may write anywhere; a file with no write bits was still made read-only on purpose.
  if ((stats.mode & 0o222) === 0) {
    throw fileError(Object.assign(new Error("read-only"), { code: "EACCES" }), path, "write");
  }
  return target;
}

/** Whether the file at `target` is still the one `read` opened, holding `base`. */
async function unchangedSince(
  target: string,
  read: OpenDocket,
  base: Uint8Array,
): Promise<boolean> {
  if (!sameBytes(await readWhole(read.handle), base)) return false;
  // Last, the cheap part: a program that saved by renaming a new file into place.
  const now = await stat(target).catch(() => undefined);
  return now !== undefined && now.ino === read.stats.ino && now.dev === read.stats.dev;
}

/**
 * After the rename: lines another program wrote to the file we replaced (it opened the file
 * before the rename and wrote after our last look) are appended, in place, to the new file.
 * An append in place replaces nothing, so it can lose nobody's write. The old file is looked at
 * until it stops changing, since a writer may be partway through.
 */
async function keepLateLines(target: string, old: FileHandle, base: Uint8Array): Promise<void> {
  let seen: Uint8Array = base;
  const appended = new Map<string, number>();
  for (let round = 0; round < 50; round++) {
    const now = await readWhole(old);
    if (sameBytes(now, seen)) return;
    seen = now;
    await sleep(10);
    if (!sameBytes(await readWhole(old), seen)) continue; // still being written: look again
    const already = new Map(appended);
    const fresh = addedLines(base, seen).filter((line) => {
      const key = lineKey(line);
      const count = already.get(key) ?? 0;
      if (count > 0) already.set(key, count - 1);
      return count === 0;
    });
    if (fresh.length === 0) continue;
    await appendInPlace(target, fresh);
    for (const line of fresh) appended.set(lineKey(line), (appended.get(lineKey(line)) ?? 0) + 1);
  }
}

const lineKey = (line: Uint8Array) =>
  Buffer.from(line.buffer, line.byteOffset, line.byteLength).toString("latin1");

/** Appends lines to the end of the file, after an end of line if its last line has none. */
async function appendInPlace(target: string, lines: Uint8Array[]): Promise<void> {
  const handle = await open(target, "a+");
  try {
    const { size } = await handle.stat();
    const last = Buffer.alloc(1);
    if (size > 0) await handle.read(last, 0, 1, size - 1);
    const parts: Uint8Array[] = size > 0 && last[0] !== 0x0a ? [Buffer.from("\n")] : [];
    for (const line of lines) parts.push(line, Buffer.from("\n"));
    await handle.write(Buffer.concat(parts));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The temp file's name: `todo.txt.ppppt-<pid>-<random>.tmp`, told apart from any user file. */
const TEMP_NAME = /^(.*)\.ppppt-(\d+)-[0-9a-f]{8}\.tmp$/;

/**
 * Writes `data` to a new temp file beside `target` with the target's permissions (and owner,
 * where allowed), fsynced. The temp file and the rename are ours, not write-file-atomic's:
 * the last look at the docket must come between the fsync and the rename.
 */
async function writeTemp(
  target: string,
  data: Uint8Array | ((handle: FileHandle) => Promise<void>),
  like?: Stats,
): Promise<string> {
  const random = Math.floor(Math.random() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, "0");
  const temp = `${target}.ppppt-${process.pid}-${random}.tmp`;
  const handle = await open(temp, "wx", like ? like.mode & 0o7777 : 0o666);
  try {
    if (like) {
      await handle.chmod(like.mode & 0o7777);
      await handle.chown(like.uid, like.gid).catch(() => undefined);
    }
    if (typeof data === "function") await data(handle);
    else await handle.write(data);
    await handle.sync();
    await handle.close();
    return temp;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Replaces a file whole (a temp file, fsynced, renamed over it), keeping its permissions: the
 * done file, and a new docket. Only under the docket's lock.
 */
export async function replaceFile(target: string, data: Uint8Array): Promise<void> {
  await (await writeReplacement(target, data)).commit();
}

/**
 * replaceFile in two steps, for a file too large to build in memory (the calendar ledger of a
 * large import): the data, or `fill` writing it, goes to a temp file beside the target; then
 * `commit` renames it over the target, or `discard` removes it (nothing changed). Only under a
 * lock.
 */
export async function writeReplacement(
  target: string,
  fill: Uint8Array | ((handle: FileHandle) => Promise<void>),
): Promise<{ temp: string; commit: () => Promise<void>; discard: () => Promise<void> }> {
  const like = await stat(target).catch(() => undefined);
  const temp = await writeTemp(target, fill, like?.isFile() ? like : undefined);
  return {
    temp,
    commit: async () => {
      try {
        await rename(temp, target);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw error;
      }
      await syncFolder(dirname(target));
    },
    discard: () => unlink(temp).catch(() => undefined),
  };
}

/** So the rename itself survives a power cut. Best effort: not every system allows it. */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, "r").catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/**
 * Removes temp files a killed ppppt left beside the docket (or its done file): only names of
 * ppppt's own pattern for these two files, and only when the process that made one is gone or
 * the file is older than the stale time. We hold the lock, and only the holder writes temp
 * files, so a live writer's file is never among them. A name like `todo.txt.1700000000`
 * (write-file-atomic's pattern, which ppppt used for the docket before) is left alone: it
 * cannot be told from a backup the user named that way.
 */
async function removeAbandonedTemps(target: string, staleMs: number): Promise<void> {
  const folder = dirname(target);
  const owners = new Set([basename(target), basename(doneFilePath(target))]);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const match = TEMP_NAME.exec(name);
    if (!match || !owners.has(match[1] as string)) continue;
    const pid = Number(match[2]);
    if (pid === process.pid) continue;
    const full = join(folder, name);
    const stats = await stat(full).catch(() => undefined);
    if (!stats?.isFile()) continue;
    if (processAlive(pid) && Date.now() - stats.mtimeMs < staleMs) continue;
    await unlink(full).catch(() => undefined);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function staleMsOf(options: StoreOptions): number {
  return Math.max(2_000, options.staleMs ?? DEFAULT_STALE_MS);
}

/**
 * Creates the docket (and its folder) if it does not exist; never touches an existing one.
 * Returns false when it exists already.
 */
export async function createDocketFile(path: string, initial = ""): Promise<boolean> {
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST" || code === "ENOTDIR") {
      throw new PpppptError(
        `cannot create ${path}: a part of its folder ${dirname(path)} is a file, not a folder`,
      );
    }
    throw fileError(error, path, "write");
  }
  if (await existingDocket(path)) return false;
  return underLock(path, path, {}, async () => {
    if (await existingDocket(path)) return false;
    await replaceFile(path, Buffer.from(initial));
    return true;
  });
}

/** Whether a docket is there already; anything there that is not a regular file is refused. */
async function existingDocket(path: string): Promise<boolean> {
  let stats: Stats;
  try {
    stats = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      // A symlink whose target is missing: creating the file would replace the link.
      const link = await lstat(path).catch(() => undefined);
      if (link?.isSymbolicLink()) {
        throw new PpppptError(`${path} is a symlink to a file that does not exist`, {
          hint: "Create the file it points to, or remove the link.",
        });
      }
      return false;
    }
    throw fileError(error, path, "write");
  }
  if (!stats.isFile()) throw notRegularFile(path, kindOf(stats));
  return true;
}

/**
 * Takes the docket's lock, waiting at most `lockWaitMs` (what the message then says): one try
 * at a time against our own deadline, since proper-lockfile's retry schedule (backoff with
 * random spread) cannot promise a total.
 */
export async function acquireLock(
  path: string,
  options: StoreOptions,
): Promise<() => Promise<void>> {
  const waitMs = options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS;
  const { default: lockfile } = await import("proper-lockfile");
  const deadline = Date.now() + waitMs;
  for (let pause = 2; ; pause = Math.min(pause * 1.5, 50)) {
    try {
      return await lockfile.lock(path, {
        realpath: false,
        stale: staleMsOf(options),
        retries: 0,
        onCompromised: () => {
          // The lock was taken over (we stalled past `staleMs`). The write still goes through
          // the re-read check, so nothing is clobbered; there is nothing better to do here.
        },
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ELOCKED")
        throw fileError(error, path, "write");
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new PpppptError(`${path} is locked by another ppppt process`, {
          hint: `Waited ${formatWait(waitMs)}. If no ppppt is running, remove ${path}.lock and try again.`,
        });
      }
      await sleep(Math.min(left, pause * (0.5 + Math.random())));
    }
  }
}

function formatWait(ms: number): string {
  return ms < 1_000 ? `${ms} ms` : `${Math.round(ms / 100) / 10}s`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(a, b) === 0;
}

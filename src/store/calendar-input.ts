import { readdir, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { PpppptError } from "../core/errors.js";
import { fnv1a } from "../core/fnv1a.js";
import { openExport } from "./import-files.js";

/**
 * Where a calendar import reads from: a file, a folder of .ics files (a CalDAV/vdir dump, one
 * event per file, as khal and vdirsyncer keep them), standard input, or an http(s) feed the user
 * named. Each is one source in the ledger, by a name: the file's or folder's absolute path,
 * `stdin`, or for a feed `feed-<host>-<hash>` (never the URL, which is a secret). Files are read
 * a chunk at a time, so a large one never sits in memory whole; standard input and a feed are
 * read whole (they cannot be read twice), then handed on in pieces all the same.
 */
export function isFeedUrl(arg: string): boolean {
  return /^https?:\/\//i.test(arg);
}

/** A name for a feed that says where it is from and nothing that would let anyone read it. */
export function feedName(url: string): string {
  let host = "feed";
  try {
    host = new URL(url).hostname;
  } catch {
    // Not a URL the fetch will take either; the fetch says so.
  }
  return `feed-${host}-${(fnv1a(url) >>> 0).toString(16).padStart(8, "0")}`;
}

/**
 * One calendar text to be read twice (expand.ts reads a file once for its plan, once for its
 * events), a chunk at a time: a file from the disk each time, a text already in memory (stdin,
 * a feed) cut in pieces.
 */
export interface CalendarFile {
  /** The name messages use for it. */
  file: string;
  /** Its size in bytes, for the progress bar. */
  size: number;
  chunks(): AsyncIterable<{ text: string; bytes: number }>;
}

export interface CalendarFiles {
  source: string;
  files: CalendarFile[];
}

/** A file, or a folder's .ics files (sorted by name), ready to be read. */
export async function openCalendarPath(path: string): Promise<CalendarFiles> {
  const full = resolve(path);
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(full);
  } catch (error) {
    throw inputError(error, path);
  }
  if (!info.isDirectory()) {
    return { source: full, files: [diskFile(path, full, info.size)] };
  }
  const names = (await readdir(full)).filter((n) => n.toLowerCase().endsWith(".ics")).sort();
  if (names.length === 0) throw new PpppptError(`${path} is a folder with no .ics files in it`);
  const files = [];
  for (const n of names) {
    const size = await stat(join(full, n)).then(
      (s) => s.size,
      (error: unknown) => {
        throw inputError(error, join(path, n));
      },
    );
    files.push(diskFile(join(path, n), join(full, n), size));
  }
  return { source: full, files };
}

function diskFile(shown: string, full: string, size: number): CalendarFile {
  return {
    file: shown,
    size,
    async *chunks() {
      let opened: Awaited<ReturnType<typeof openExport>>;
      try {
        opened = await openExport(full);
      } catch (error) {
        throw error instanceof PpppptError ? error : inputError(error, shown);
      }
      // A character split between two chunks is held back by the decoder until it is whole.
      const decoder = new TextDecoder("utf-8");
      for await (const bytes of opened.chunks) {
        yield { text: decoder.decode(bytes, { stream: true }), bytes: bytes.length };
      }
      const rest = decoder.decode();
      if (rest !== "") yield { text: rest, bytes: 0 };
    },
  };
}

const PIECE = 1 << 16;

/** A calendar already in memory (standard input, a feed), handed on in pieces like a file. */
export function calendarText(file: string, text: string): CalendarFile {
  return {
    file,
    size: Buffer.byteLength(text),
    async *chunks() {
      for (let i = 0; i < text.length; i += PIECE) {
        const piece = text.slice(i, i + PIECE);
        yield { text: piece, bytes: Buffer.byteLength(piece) };
      }
    },
  };
}

function inputError(error: unknown, path: string): PpppptError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new PpppptError(`no such file or folder: ${path}`);
  if (code === "EACCES") return new PpppptError(`cannot read ${path}: permission denied`);
  return new PpppptError(`cannot read ${path}: ${(error as Error).message}`);
}

const FETCH_TIMEOUT_MS = 30_000;

/** Fetches a feed the user gave; errors name the feed, not its URL. */
export async function fetchCalendar(url: string): Promise<CalendarFiles> {
  const source = feedName(url);
  let response: Response;
  try {
    response = await fetch(url, {
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      headers: { accept: "text/calendar, */*;q=0.5" },
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    throw new PpppptError(`cannot fetch ${source}: ${cause}`, {
      hint: "Check the address and the network; nothing was imported from it.",
    });
  }
  if (!response.ok) {
    throw new PpppptError(`cannot fetch ${source}: HTTP ${response.status}`, {
      hint: "A calendar's secret address stops working when it is reset: copy the new one.",
    });
  }
  return { source, files: [calendarText(source, await response.text())] };
}

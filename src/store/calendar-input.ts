import { readdir, readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { PpppptError } from "../core/errors.js";
import { fnv1a } from "../core/fnv1a.js";

/**
 * Where a calendar import reads from: a file, a folder of .ics files (a CalDAV/vdir dump, one
 * event per file, as khal and vdirsyncer keep them), standard input, or an http(s) feed the user
 * named. Each is one source in the ledger, by a name: the file's or folder's absolute path,
 * `stdin`, or for a feed `feed-<host>-<hash>` (never the URL, which is a secret).
 */
export interface CalendarInput {
  /** The source's name in the ledger. */
  source: string;
  /** Each calendar text in it, with the name messages use for it. */
  files: { file: string; text: string }[];
}

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

export async function readCalendarPath(path: string): Promise<CalendarInput> {
  const full = resolve(path);
  let isFolder: boolean;
  try {
    isFolder = (await stat(full)).isDirectory();
  } catch (error) {
    throw inputError(error, path);
  }
  if (!isFolder) return { source: full, files: [{ file: path, text: await readText(full, path) }] };
  const names = (await readdir(full)).filter((n) => n.toLowerCase().endsWith(".ics")).sort();
  if (names.length === 0) throw new PpppptError(`${path} is a folder with no .ics files in it`);
  const files = [];
  for (const n of names)
    files.push({ file: join(path, n), text: await readText(join(full, n), join(path, n)) });
  return { source: full, files };
}

async function readText(full: string, shown: string): Promise<string> {
  try {
    return await readFile(full, "utf8");
  } catch (error) {
    throw inputError(error, shown);
  }
}

function inputError(error: unknown, path: string): PpppptError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new PpppptError(`no such file or folder: ${path}`);
  if (code === "EACCES") return new PpppptError(`cannot read ${path}: permission denied`);
  return new PpppptError(`cannot read ${path}: ${(error as Error).message}`);
}

const FETCH_TIMEOUT_MS = 30_000;

/** Fetches a feed the user gave; errors name the feed, not its URL. */
export async function fetchCalendar(url: string): Promise<CalendarInput> {
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
  return { source, files: [{ file: source, text: await response.text() }] };
}

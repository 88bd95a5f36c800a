import { readFile } from "node:fs/promises";
import {
  emptyLedger,
  type Ledger,
  type LedgerEvent,
  parseLedger,
  printLedger,
} from "../core/calendar/ledger.js";
import { PpppptError } from "../core/errors.js";
import { acquireLock, replaceFile, type StoreOptions } from "./docket-file.js";
import { besideDocket } from "./paths.js";

/**
 * The calendar ledger beside the docket: `todo.txt` keeps it in `todo.calendar.tsv`
 * (core/calendar/ledger.ts has the format). Written like the docket: under its own lock, atomically,
 * and only when the text changed. Holds attendee counts, never addresses; it is private data
 * all the same, and no team sync takes it.
 */
export function calendarLedgerPath(docketPath: string): string {
  const base = docketPath.replace(/^.*[/\\]/, "").replace(/\.txt$/i, "");
  return besideDocket(docketPath, `${base}.calendar.tsv`);
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new PpppptError(`cannot read ${path}: ${(error as Error).message}`, { file: path });
  }
}

/** The ledger, or an empty one when nothing was imported yet. */
export async function readCalendarLedger(docketPath: string): Promise<Ledger> {
  const path = calendarLedgerPath(docketPath);
  const text = await readText(path);
  return text === undefined ? emptyLedger() : parseLedger(text, path);
}

/**
 * Runs `change` on the current ledger under the lock and writes the result when its text
 * differs; returns whether it wrote. `change` may throw to write nothing.
 */
export async function updateCalendarLedger<T>(
  docketPath: string,
  change: (ledger: Ledger) => { ledger: Ledger; result: T },
  options: StoreOptions = {},
): Promise<{ written: boolean; result: T }> {
  const path = calendarLedgerPath(docketPath);
  const release = await acquireLock(path, options);
  try {
    const before = await readText(path);
    const { ledger, result } = change(
      before === undefined ? emptyLedger() : parseLedger(before, path),
    );
    const after = printLedger(ledger);
    if (
      after === before ||
      (before === undefined &&
        ledger.events.length === 0 &&
        ledger.series.size === 0 &&
        ledger.sources.length === 0)
    ) {
      return { written: false, result };
    }
    try {
      await replaceFile(path, Buffer.from(after, "utf8"));
    } catch (error) {
      throw new PpppptError(`cannot write ${path}: ${(error as Error).message}`, { file: path });
    }
    return { written: true, result };
  } finally {
    await release();
  }
}

/** The imported occurrences for the lens reports; undefined when no calendar was ever imported. */
export async function readMeetings(docketPath: string): Promise<LedgerEvent[] | undefined> {
  const ledger = await readCalendarLedger(docketPath);
  return ledger.sources.length > 0 ? ledger.events : undefined;
}

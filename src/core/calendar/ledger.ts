import { type Category, isCategory } from "../category.js";
import type { IsoDate } from "../dates.js";
import { PpppptError } from "../errors.js";
import { BUCKETS, type Bucket, type Occurrence, overlapsRange, startMs } from "./occurrence.js";

/**
 * The calendar ledger: every imported occurrence, one tab-separated line each, beside the docket
 * (`todo.calendar.tsv`; docs/format.md). Plain text a person can read, grep and diff, and that
 * no todo.txt app takes for a task list. Three kinds of line, each starting with its kind:
 *
 *     source  <name>  <from>  <to>
 *     series  <uid>   <category>
 *     event   <source> <uid> <instance> <start> <end> <zone> <minutes> <bucket> <category> <attendees> <title>
 *
 * `series` lines are the user's `calendar recat`s: they outlive any import and any `forget`.
 * A line of any other kind (a note the user added) is kept as it is. The file is written in
 * one order (sources, series, events by start), so importing the same calendar twice gives the
 * same bytes, and the store then writes nothing.
 */

export interface LedgerSource {
  name: string;
  /** The range the last import of it covered: [from, to). */
  from: IsoDate;
  to: IsoDate;
}

export interface LedgerEvent extends Occurrence {
  source: string;
  category?: Category;
  /** The category is the classifier's guess, not yet confirmed. */
  guessed: boolean;
}

export interface Ledger {
  sources: LedgerSource[];
  /** Series id → the category the user gave it. */
  series: Map<string, Category>;
  events: LedgerEvent[];
  /** Lines of kinds this version does not know, kept verbatim. */
  other: string[];
}

export const HEADER =
  "# ppppt calendar ledger: source/series/event lines, tab-separated (docs/format.md)";

export function emptyLedger(): Ledger {
  return { sources: [], series: new Map(), events: [], other: [] };
}

/** Tabs, newlines and backslashes in a field are written `\t`, `\n`, `\\`. */
function escapeField(field: string): string {
  return field
    .replace(/\\/g, "\\\\")
    .replace(/\t/g, "\\t")
    .replace(/\r?\n|\r/g, "\\n");
}

function unescapeField(field: string): string {
  return field.replace(/\\(.)/g, (_, c: string) => (c === "t" ? "\t" : c === "n" ? "\n" : c));
}

/** One line of the ledger, read. */
export type LedgerLine =
  | { kind: "blank" }
  | { kind: "source"; source: LedgerSource }
  | { kind: "series"; uid: string; category: Category }
  | { kind: "event"; event: LedgerEvent }
  | { kind: "other"; line: string };

/** Reads one line; `lineNumber` (from 1) names it when it is broken. */
export function parseLedgerLine(line: string, file: string, lineNumber: number): LedgerLine {
  if (line === "" || line === HEADER) return { kind: "blank" };
  const f = line.split("\t").map(unescapeField);
  const bad = (what: string): never => {
    throw new PpppptError(`not a ledger ${what} line: ${line.slice(0, 60)}`, {
      file,
      line: lineNumber,
      hint: "Fix or remove the line; `ppppt import calendar` writes it again.",
    });
  };
  if (f[0] === "source") {
    if (f.length !== 4) bad("source");
    return {
      kind: "source",
      source: { name: f[1] as string, from: f[2] as string, to: f[3] as string },
    };
  }
  if (f[0] === "series") {
    if (f.length !== 3 || !isCategory(f[2] as string)) bad("series");
    return { kind: "series", uid: f[1] as string, category: f[2] as Category };
  }
  if (f[0] !== "event") return { kind: "other", line };
  if (f.length !== 12) bad("event");
  const [, source, uid, instance, start, end, zone, minutes, bucket, cat, attendees, title] =
    f as string[] as [string, ...string[]];
  const guessed = (cat as string).endsWith("?");
  const category = (cat as string).replace(/\?$/, "");
  if (!BUCKETS.includes(bucket as Bucket)) bad("event");
  if (category !== "" && !isCategory(category)) bad("event");
  if (!Number.isFinite(Number(minutes)) || Number.isNaN(Date.parse(start as string))) bad("event");
  return {
    kind: "event",
    event: {
      source: source as string,
      uid: uid as string,
      instance: instance as string,
      start: start as string,
      end: end as string,
      zone: zone as string,
      minutes: Number(minutes),
      bucket: bucket as Bucket,
      ...(category === "" ? {} : { category: category as Category }),
      guessed,
      attendees: Number(attendees) || 0,
      title: title as string,
    },
  };
}

export function parseLedger(text: string, file: string): Ledger {
  const ledger = emptyLedger();
  const lines = text.split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    const l = parseLedgerLine(line, file, i + 1);
    if (l.kind === "source") ledger.sources.push(l.source);
    else if (l.kind === "series") ledger.series.set(l.uid, l.category);
    else if (l.kind === "event") ledger.events.push(l.event);
    else if (l.kind === "other") ledger.other.push(l.line);
  }
  return ledger;
}

export function printSourceLine(s: LedgerSource): string {
  return ["source", s.name, s.from, s.to].map(escapeField).join("\t");
}

export function printSeriesLine(uid: string, category: Category): string {
  return ["series", uid, category].map(escapeField).join("\t");
}

export function printEventLine(e: LedgerEvent): string {
  return [
    "event",
    e.source,
    e.uid,
    e.instance,
    e.start,
    e.end,
    e.zone,
    String(Math.round(e.minutes * 100) / 100),
    e.bucket,
    e.category ? `${e.category}${e.guessed ? "?" : ""}` : "",
    String(e.attendees),
    e.title,
  ]
    .map(escapeField)
    .join("\t");
}

export function printLedger(ledger: Ledger): string {
  const out = [HEADER];
  const sources = [...ledger.sources].sort(compareSources);
  for (const s of sources) out.push(printSourceLine(s));
  const series = [...ledger.series].sort((a, b) => compare(a[0], b[0]));
  for (const [uid, category] of series) out.push(printSeriesLine(uid, category));
  for (const e of sortEvents(ledger.events)) out.push(printEventLine(e));
  out.push(...ledger.other);
  return `${out.join("\n")}\n`;
}

export function compareSources(a: LedgerSource, b: LedgerSource): number {
  return compare(a.name, b.name);
}

/** The order events are written in: by start, then source, series and occurrence. */
export interface EventKey {
  t: number;
  source: string;
  uid: string;
  instance: string;
}

export function eventKey(e: LedgerEvent): EventKey {
  return { t: startMs(e), source: e.source, uid: e.uid, instance: e.instance };
}

export function compareEventKeys(a: EventKey, b: EventKey): number {
  return (
    a.t - b.t ||
    compare(a.source, b.source) ||
    compare(a.uid, b.uid) ||
    compare(a.instance, b.instance)
  );
}

function sortEvents(events: readonly LedgerEvent[]): LedgerEvent[] {
  const keyed = events.map((e) => ({ e, k: eventKey(e) }));
  keyed.sort((a, b) => compareEventKeys(a.k, b.k));
  return keyed.map((k) => k.e);
}

export interface ImportedSource {
  name: string;
  from: IsoDate;
  to: IsoDate;
  events: LedgerEvent[];
}

/**
 * The ledger after importing a source over a range: its earlier occurrences in that range are
 * replaced by these (so one moved, changed or deleted at the source is moved, changed or gone),
 * those outside the range are kept. A series the user recategorised keeps their category.
 */
export function applyImport(ledger: Ledger, imported: ImportedSource): Ledger {
  const kept = ledger.events.filter((e) => !replacedBy(e, imported));
  const events = imported.events.map((e) => withSeriesCategory(e, ledger.series));
  return {
    ...ledger,
    sources: importedSources(ledger.sources, imported),
    events: [...kept, ...events],
  };
}

/** Whether importing `imported` replaces this earlier occurrence (its source's, in its range). */
export function replacedBy(e: LedgerEvent, imported: Omit<ImportedSource, "events">): boolean {
  return e.source === imported.name && overlapsRange(e, imported.from, imported.to);
}

/** The sources after an import: its record's range widened to take in the new one. */
export function importedSources(
  sources: readonly LedgerSource[],
  imported: Omit<ImportedSource, "events">,
): LedgerSource[] {
  const earlier = sources.find((s) => s.name === imported.name);
  const source: LedgerSource = earlier
    ? {
        name: imported.name,
        from: [earlier.from, imported.from].sort()[0] as IsoDate,
        to: [earlier.to, imported.to].sort()[1] as IsoDate,
      }
    : { name: imported.name, from: imported.from, to: imported.to };
  return [...sources.filter((s) => s.name !== imported.name), source];
}

export function withSeriesCategory(
  e: LedgerEvent,
  series: ReadonlyMap<string, Category>,
): LedgerEvent {
  const category = series.get(e.uid);
  return category ? { ...e, category, guessed: false } : e;
}

/** The ledger without a source's occurrences and record; series categories stay. */
export function forgetSource(ledger: Ledger, name: string): Ledger {
  if (!ledger.sources.some((s) => s.name === name)) {
    const known = ledger.sources.map((s) => s.name).join(", ") || "none";
    throw new PpppptError(`no calendar source ${name}`, { hint: `Imported sources: ${known}.` });
  }
  return {
    ...ledger,
    sources: ledger.sources.filter((s) => s.name !== name),
    events: ledger.events.filter((e) => e.source !== name),
  };
}

/** The ledger with a whole series set to a category, now and in every later import. */
export function recategoriseSeries(ledger: Ledger, uid: string, category: Category): Ledger {
  if (!ledger.events.some((e) => e.uid === uid)) {
    throw new PpppptError(`no imported event has the series id ${uid}`, {
      hint: "`ppppt calendar --json` lists each occurrence's series id (its UID).",
    });
  }
  const series = new Map(ledger.series);
  series.set(uid, category);
  return {
    ...ledger,
    series,
    events: ledger.events.map((e) => (e.uid === uid ? { ...e, category, guessed: false } : e)),
  };
}

/** Per source: how many occurrences of each bucket it holds. */
export function sourceCounts(ledger: Ledger): Map<string, Record<Bucket, number>> {
  const out = new Map<string, Record<Bucket, number>>();
  for (const s of ledger.sources) {
    out.set(s.name, { cancelled: 0, allDay: 0, declined: 0, free: 0, timed: 0 });
  }
  for (const e of ledger.events) {
    const c = out.get(e.source);
    if (c) c[e.bucket]++;
  }
  return out;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

import { createReadStream } from "node:fs";
import { mkdtemp, open, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import {
  compareEventKeys,
  compareSources,
  type EventKey,
  eventKey,
  HEADER,
  type ImportedSource,
  importedSources,
  type LedgerEvent,
  type LedgerSource,
  parseLedgerLine,
  printEventLine,
  printSeriesLine,
  printSourceLine,
  replacedBy,
  withSeriesCategory,
} from "../core/calendar/ledger.js";
import { own } from "../core/calendar/structure.js";
import type { Category } from "../core/category.js";
import { PpppptError } from "../core/errors.js";
import { calendarLedgerPath } from "./calendar-ledger-file.js";
import { acquireLock, type StoreOptions, writeReplacement } from "./docket-file.js";

/**
 * A calendar import into the ledger in flat memory, however many occurrences it brings: they
 * are handed over as they are expanded and spilled, a run of RUN at a time, sorted, to files in
 * a private temp folder. At `commit`, under the ledger's lock, the ledger is read a line at a
 * time (what it keeps of its events spilled likewise), and all the runs are merged, in the
 * ledger's one order, into a temp file beside it, renamed over it only when its bytes differ.
 * The result is the same file applyImport and printLedger make in memory (ledger.ts).
 */
const RUN = 20_000;

type Range = Omit<ImportedSource, "events">;

/** An occurrence waiting to be spilled: its sort key and its ledger line, not the object. */
interface Spillable {
  k: EventKey;
  line: string;
}

/**
 * The line is printed (a new string); the key's UID is copied, so that neither keeps the
 * event's text from the calendar (which its fields are views of) in memory.
 */
function spillable(e: LedgerEvent): Spillable {
  const k = eventKey(e);
  return { k: { ...k, uid: own(k.uid) }, line: printEventLine(e) };
}

interface Pending {
  imported: Range;
  buffer: Spillable[];
  runs: string[];
  dropped: boolean;
}

export class LedgerImport {
  private folder: string | undefined;
  private readonly sources: Pending[] = [];
  private runCount = 0;

  /** `runSize`: occurrences held in memory before a run is spilled (tests make it small). */
  constructor(private readonly runSize = RUN) {}

  /** A source being imported; its occurrences go to `add(handle, …)`. */
  source(imported: Range): number {
    this.sources.push({ imported, buffer: [], runs: [], dropped: false });
    return this.sources.length - 1;
  }

  async add(handle: number, events: readonly LedgerEvent[]): Promise<void> {
    const s = this.sources[handle] as Pending;
    for (const e of events) s.buffer.push(spillable(e));
    if (s.buffer.length >= this.runSize) s.runs.push(await this.spill(s.buffer.splice(0)));
  }

  /** A source that failed halfway: none of it is imported. */
  async drop(handle: number): Promise<void> {
    const s = this.sources[handle] as Pending;
    s.dropped = true;
    s.buffer = [];
    for (const r of s.runs) await rm(r, { force: true });
    s.runs = [];
  }

  /** Removes the temp folder; call it whatever happened. */
  async close(): Promise<void> {
    if (this.folder) await rm(this.folder, { recursive: true, force: true });
    this.folder = undefined;
  }

  /**
   * Writes the ledger beside the docket with these sources imported; whether it changed.
   * Importing a source twice in one run keeps the last.
   */
  async commit(docketPath: string, options: StoreOptions = {}): Promise<{ written: boolean }> {
    const last = new Map<string, Pending>();
    for (const s of this.sources) if (!s.dropped) last.set(s.imported.name, s);
    const imports = [...last.values()];
    if (imports.length === 0) return { written: false };
    const newRuns: string[] = [];
    for (const s of imports) {
      if (s.buffer.length > 0) s.runs.push(await this.spill(s.buffer.splice(0)));
      newRuns.push(...s.runs);
    }
    const path = calendarLedgerPath(docketPath);
    const release = await acquireLock(path, options);
    try {
      const before = await this.readLedger(
        path,
        imports.map((s) => s.imported),
      );
      let sources = before?.sources ?? [];
      for (const s of imports) sources = importedSources(sources, s.imported);
      const series = before?.series ?? new Map<string, Category>();
      const replacement = await writeReplacement(path, async (handle) => {
        const out = new Output(handle);
        await out.line(HEADER);
        for (const s of [...sources].sort(compareSources)) await out.line(printSourceLine(s));
        const sorted = [...series].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        for (const [uid, category] of sorted) await out.line(printSeriesLine(uid, category));
        const keptRuns = before?.keptRuns ?? [];
        await mergeRuns([...keptRuns, ...newRuns], keptRuns.length, series, (line) =>
          out.line(line),
        );
        for (const l of before?.other ?? []) await out.line(l);
        await out.flush();
      });
      if (before && (await sameBytes(path, replacement.temp))) {
        await replacement.discard();
        return { written: false };
      }
      await replacement.commit();
      return { written: true };
    } finally {
      await release();
    }
  }

  private async spill(items: Spillable[]): Promise<string> {
    this.folder ??= await mkdtemp(join(tmpdir(), "ppppt-calendar-"));
    items.sort((a, b) => compareEventKeys(a.k, b.k));
    const file = join(this.folder, `run-${this.runCount++}.tsv`);
    await writeFile(file, items.map((x) => `${x.line}\n`).join(""), { mode: 0o600 });
    return file;
  }

  /**
   * The ledger as it is, a line at a time: its records, and the events no import replaces,
   * spilled to runs. Undefined when there is none yet.
   */
  private async readLedger(
    path: string,
    imports: readonly Range[],
  ): Promise<
    | {
        sources: LedgerSource[];
        series: Map<string, Category>;
        other: string[];
        keptRuns: string[];
      }
    | undefined
  > {
    const exists = await stat(path).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return false;
        throw new PpppptError(`cannot read ${path}: ${error.message}`, { file: path });
      },
    );
    if (!exists) return undefined;
    const sources: LedgerSource[] = [];
    const series = new Map<string, Category>();
    const other: string[] = [];
    const keptRuns: string[] = [];
    let kept: Spillable[] = [];
    let n = 0;
    for await (const text of lines(path)) {
      const l = parseLedgerLine(text, path, ++n);
      if (l.kind === "source") sources.push(l.source);
      else if (l.kind === "series") series.set(l.uid, l.category);
      else if (l.kind === "other") other.push(l.line);
      else if (l.kind === "event" && !imports.some((i) => replacedBy(l.event, i))) {
        kept.push(spillable(l.event));
        if (kept.length >= this.runSize) {
          keptRuns.push(await this.spill(kept));
          kept = [];
        }
      }
    }
    if (kept.length > 0) keptRuns.push(await this.spill(kept));
    return { sources, series, other, keptRuns };
  }
}

/**
 * A file's lines. A run is read with a small buffer: all the runs are open at once during the
 * merge, and a 64 KB buffer each would grow with the import (50 runs at 50 MB).
 */
function lines(path: string, highWaterMark = 1 << 16): AsyncIterable<string> {
  return createInterface({
    input: createReadStream(path, { encoding: "utf8", highWaterMark }),
    crlfDelay: Infinity,
  });
}

/** Writes lines in blocks of about a megabyte. */
class Output {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly handle: Awaited<ReturnType<typeof open>>) {}
  async line(text: string): Promise<void> {
    this.parts.push(text, "\n");
    this.size += text.length + 1;
    if (this.size >= 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    await this.handle.write(this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }
}

interface Head {
  run: number;
  key: EventKey;
  event: LedgerEvent;
  rest: AsyncIterator<string>;
}

/**
 * The runs merged in the ledger's order. On equal keys the earlier run goes first, and within
 * a run the order it was spilled in: the kept events before the imported ones, as applyImport
 * has them. The imported events (runs from `firstNew` on) take the user's series categories.
 */
async function mergeRuns(
  runs: readonly string[],
  firstNew: number,
  series: ReadonlyMap<string, Category>,
  write: (line: string) => Promise<void>,
): Promise<void> {
  const heap: Head[] = [];
  const before = (a: Head, b: Head) => {
    const c = compareEventKeys(a.key, b.key);
    return c < 0 || (c === 0 && a.run < b.run);
  };
  const push = (h: Head) => {
    heap.push(h);
    for (let i = heap.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!before(heap[i] as Head, heap[p] as Head)) break;
      [heap[i], heap[p]] = [heap[p] as Head, heap[i] as Head];
      i = p;
    }
  };
  const pop = (): Head => {
    const top = heap[0] as Head;
    const end = heap.pop() as Head;
    if (heap.length > 0) {
      heap[0] = end;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l] as Head, heap[m] as Head)) m = l;
        if (r < heap.length && before(heap[r] as Head, heap[m] as Head)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m] as Head, heap[i] as Head];
        i = m;
      }
    }
    return top;
  };
  const next = async (run: number, rest: AsyncIterator<string>, file: string) => {
    const r = await rest.next();
    if (r.done) return;
    const l = parseLedgerLine(r.value, file, 0);
    if (l.kind !== "event") return;
    const event = run >= firstNew ? withSeriesCategory(l.event, series) : l.event;
    push({ run, key: eventKey(event), event, rest });
  };
  for (const [run, file] of runs.entries()) {
    await next(run, lines(file, 1 << 13)[Symbol.asyncIterator](), file);
  }
  while (heap.length > 0) {
    const h = pop();
    await write(printEventLine(h.event));
    await next(h.run, h.rest, runs[h.run] as string);
  }
}

/** Whether two files hold the same bytes, read a block at a time. */
async function sameBytes(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([stat(a), stat(b)]);
  if (sa.size !== sb.size) return false;
  const [ha, hb] = await Promise.all([open(a, "r"), open(b, "r")]);
  try {
    const ba = Buffer.alloc(1 << 16);
    const bb = Buffer.alloc(1 << 16);
    for (;;) {
      const [ra, rb] = await Promise.all([ha.read(ba, 0, ba.length), hb.read(bb, 0, bb.length)]);
      if (ra.bytesRead !== rb.bytesRead) return false;
      if (ra.bytesRead === 0) return true;
      if (!ba.subarray(0, ra.bytesRead).equals(bb.subarray(0, rb.bytesRead))) return false;
    }
  } finally {
    await Promise.all([ha.close(), hb.close()]);
  }
}

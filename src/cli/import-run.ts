import type { Command } from "commander";
import type { Categoriser } from "../core/capture.js";
import type { Docket, ItemLine } from "../core/docket/item.js";
import { PpppptError } from "../core/errors.js";
import type { ImportedItem } from "../core/import/imported-item.js";
import type { ImportState, MergeSummary } from "../core/import/merge.js";
import { readDocketFile, updateDocketFile } from "../store/docket-file.js";
import { openExport, readImportState, writeImportState } from "../store/import-files.js";
import { loadCategoriser } from "./categoriser.js";
import { type CliContext, ExitStatus } from "./context.js";
import type { CliIO } from "./io.js";
import { terminalText } from "./terminal-text.js";

/**
 * What every `ppppt import …` subcommand shares: reading the export a chunk at a time (a file
 * or `-` for stdin) with a progress bar on a terminal, merging into the docket through the
 * store, the `--dry-run` listing, the summary per file (`--json`), and the exit code (1 when
 * any file failed; each file is all-or-nothing).
 */

export interface ImportFlags {
  dryRun?: boolean;
  json?: boolean;
}

export interface FileSummary {
  file: string;
  read: number;
  added: number;
  updated: number;
  unchanged: number;
  skipped: Record<string, number>;
  /** Records the export carried no state for (imported as open). */
  stateUnknown?: number;
  /** Lines of a todo.txt that came in verbatim because ppppt cannot read them. */
  verbatim?: { line: number; problem: string }[];
  error: string | null;
}

/** The result of a change to the docket, for the summary and the dry-run listing. */
export interface ImportOutcome {
  docket: Docket;
  summary: MergeSummary;
  added: ItemLine[];
  changed: { before: ItemLine; after: ItemLine }[];
  state?: ImportState;
}

/** `ppppt import NAME FILE…` with the options every import takes. */
export function importCommand(group: Command, name: string, description: string): Command {
  return group
    .command(name)
    .description(description)
    .argument("<files...>", "the files to import; - reads standard input")
    .option("-n, --dry-run", "print what would change; change nothing")
    .option("--json", "print one summary per file as JSON (warnings go to stderr)");
}

/** The user's zone for dates of imported moments: TZ if set, else the system's. */
export function userZone(io: CliIO): string {
  const tz = io.env.TZ;
  if (tz) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return tz.replace(/^:/, "");
    } catch {
      // Not an IANA name (a POSIX rule such as EST5EDT,M3.2.0,…): the runtime's own reading.
    }
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Streams the export at `file` (or stdin for `-`) into `write`, drawing progress on a TTY. */
export async function streamExport(
  ctx: CliContext,
  file: string,
  write: (bytes: Uint8Array) => void,
): Promise<void> {
  const io = ctx.io;
  let size = 0;
  let chunks: AsyncIterable<Uint8Array>;
  if (file === "-") {
    chunks = io.stdinChunks ? io.stdinChunks() : oneChunk(io);
  } else {
    const opened = await openExport(file);
    size = opened.size;
    chunks = opened.chunks;
  }
  const progress = progressBar(ctx, file, size);
  try {
    for await (const chunk of chunks) {
      write(chunk);
      progress?.advance(chunk.length);
    }
  } finally {
    progress?.clear();
  }
}

async function* oneChunk(io: CliIO): AsyncIterable<Uint8Array> {
  yield Buffer.from(await io.readStdin(), "utf8");
}

/** A progress bar for reading `size` bytes of `label`, when stderr is a terminal; else none. */
export function progressBar(ctx: CliContext, label: string, size: number): Progress | undefined {
  const draw = ctx.io.progress;
  if (!ctx.io.stderrIsTTY || !draw || ctx.env.NO_PROGRESS) return undefined;
  return new Progress(draw, terminalText(label), size);
}

/** A one-line bar on stderr, redrawn at most ten times a second, erased when done. */
export class Progress {
  private done = 0;
  private last = 0;
  private drawn = false;
  constructor(
    private readonly draw: (text: string) => void,
    private readonly file: string,
    private readonly size: number,
  ) {}

  advance(bytes: number): void {
    this.done += bytes;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const mb = (this.done / 1e6).toFixed(1);
    let bar = "";
    if (this.size > 0) {
      const share = Math.min(1, this.done / this.size);
      const width = 30;
      const full = Math.round(share * width);
      bar = ` [${"#".repeat(full)}${" ".repeat(width - full)}] ${Math.round(share * 100)}%`;
    }
    this.draw(`\r\x1b[Kimporting ${this.file}${bar} ${mb} MB`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.draw("\r\x1b[K");
  }
}

export async function categoriserIfNeeded(ctx: CliContext, needed: boolean): Promise<Categoriser> {
  if (!needed) return () => undefined;
  return loadCategoriser(ctx);
}

/**
 * Applies `change` to the docket (or only computes it, for --dry-run), then keeps the import
 * state beside the docket when the change produced one.
 */
export async function applyImport(
  ctx: CliContext,
  change: (docket: Docket, state: ImportState) => ImportOutcome,
  dryRun: boolean,
): Promise<ImportOutcome> {
  const path = ctx.docketPath();
  const { state, text } = await readImportState(path);
  if (dryRun) {
    const { docket } = await readDocketFile(path);
    return change(docket, state);
  }
  const outcome = await updateDocketFile(path, (docket) => {
    const o = change(docket, state);
    return { docket: o.docket, result: o };
  });
  if (outcome.state) await writeImportState(path, outcome.state, text);
  return outcome;
}

/** Runs one import per file; prints the summaries; ends non-zero when any file failed. */
export async function runImports(
  ctx: CliContext,
  files: readonly string[],
  flags: ImportFlags,
  importOne: (
    file: string,
  ) => Promise<{ summary: FileSummary; outcome: ImportOutcome | undefined }>,
): Promise<void> {
  const summaries: FileSummary[] = [];
  for (const file of files) {
    try {
      const { summary, outcome } = await importOne(file);
      summaries.push(summary);
      if (flags.dryRun && outcome && !flags.json) printDryRun(ctx, outcome);
      for (const v of summary.verbatim ?? []) {
        ctx.io.stderr(`ppppt: ${file}:${v.line}: kept verbatim, not read: ${v.problem}\n`);
      }
    } catch (error) {
      if (!(error instanceof PpppptError)) throw error;
      ctx.io.stderr(`ppppt: ${error.describe()}\n`);
      summaries.push({
        file,
        read: 0,
        added: 0,
        updated: 0,
        unchanged: 0,
        skipped: {},
        error: error.describe().split("\n")[0] as string,
      });
    }
  }
  if (flags.json) ctx.json(summaries.length === 1 ? summaries[0] : summaries);
  else
    for (const s of summaries)
      if (s.error === null) ctx.out(describeSummary(s, flags.dryRun === true));
  if (summaries.some((s) => s.error !== null)) throw new ExitStatus(1);
}

function describeSummary(s: FileSummary, dryRun: boolean): string {
  const skipped = Object.entries(s.skipped);
  const total = skipped.reduce((n, [, k]) => n + k, 0);
  const parts = [
    `${s.read} read`,
    `${s.added} ${dryRun ? "to add" : "added"}`,
    `${s.updated} ${dryRun ? "to update" : "updated"}`,
    `${s.unchanged} unchanged`,
  ];
  if (total > 0)
    parts.push(`${total} skipped (${skipped.map(([r, n]) => `${n} ${r}`).join(", ")})`);
  if (s.stateUnknown) parts.push(`${s.stateUnknown} state unknown, imported as open`);
  return `${s.file}: ${parts.join(", ")}${dryRun ? " (dry run: nothing written)" : ""}`;
}

function printDryRun(ctx: CliContext, o: ImportOutcome): void {
  for (const l of o.added) ctx.out(`+ ${l.text}`);
  for (const c of o.changed) {
    ctx.out(`- ${c.before.text}`);
    ctx.out(`+ ${c.after.text}`);
  }
}

export function summaryOf(
  file: string,
  read: number,
  s: MergeSummary,
  extra: Partial<FileSummary> = {},
): FileSummary {
  return {
    file,
    read,
    added: s.added,
    updated: s.updated,
    unchanged: s.unchanged,
    skipped: s.skipped,
    ...extra,
    error: null,
  };
}

export type { ImportedItem };

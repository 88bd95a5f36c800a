import type { Categoriser } from "../capture.js";
import type { IsoDate } from "../dates.js";
import { appendLines, makeItemLine, newId } from "../docket/docket.js";
import { completeText, editItemText, getTag, reopenText, setTag } from "../docket/edit.js";
import type { Docket, ItemLine, Line } from "../docket/item.js";
import { parseItem } from "../docket/parse.js";
import { type ImportedItem, importedItemText } from "./imported-item.js";

/**
 * Merges imported items into a docket, idempotently. Each item carries its source id as a
 * `src:` tag; what the last import wrote for it (title, due, state) is remembered in the import
 * state (a file beside the docket), so that a re-import can tell a change at the source from a
 * change the user made in ppppt since. Per field: if the item still has what the last import
 * wrote, the source's new value is taken; if the user changed it, the user's value stays.
 */

/** What the last import wrote for one source id. */
export interface Remembered {
  title: string;
  due: IsoDate | null;
  done: boolean;
  /** The source's fields a line cannot hold (Taskwarrior annotations). */
  extra?: Record<string, unknown>;
}

export type ImportState = Record<string, Remembered>;

export interface MergeSummary {
  added: number;
  updated: number;
  unchanged: number;
  skipped: Record<string, number>;
}

export interface MergeResult {
  docket: Docket;
  state: ImportState;
  summary: MergeSummary;
  /** The lines added and changed, for `--dry-run` and the report. */
  added: ItemLine[];
  changed: { before: ItemLine; after: ItemLine }[];
}

export function skip(summary: MergeSummary, reason: string, n = 1): void {
  summary.skipped[reason] = (summary.skipped[reason] ?? 0) + n;
}

export function emptySummary(): MergeSummary {
  return { added: 0, updated: 0, unchanged: 0, skipped: {} };
}

function remembered(line: ItemLine, extra?: Record<string, unknown>): Remembered {
  const r: Remembered = {
    title: line.item.title,
    due: line.item.due ?? null,
    done: line.item.done,
  };
  if (extra !== undefined) r.extra = extra;
  return r;
}

/** Lines by their `src:` tag. */
export function linesBySource(docket: Docket): Map<string, number> {
  const out = new Map<string, number>();
  docket.lines.forEach((line, i) => {
    if (line.kind !== "item") return;
    const src = line.item.tags.find((t) => t.key === "src")?.value;
    if (src !== undefined && !out.has(src)) out.set(src, i);
  });
  return out;
}

/** Adds item texts at the end of the docket, each with a fresh `id:`. */
export function appendTexts(
  docket: Docket,
  texts: readonly string[],
): { docket: Docket; lines: ItemLine[] } {
  const used = new Set<string>();
  for (const l of docket.lines) {
    if (l.kind !== "item") continue;
    used.add(l.id);
    // The written `id:` too: the docket's address for a line may differ from it (`id:1`, all
    // digits, is no address), and a second line with the same `id:` would not be read.
    const own = getTag(l.text, "id");
    if (own !== undefined) used.add(own);
  }
  const lines: ItemLine[] = [];
  for (const text of texts) {
    const id = newId(docket, (candidate) => used.has(candidate));
    used.add(id);
    const parsed = parseItem(text);
    const own = typeof parsed !== "string" ? parsed.ownId : undefined;
    // A line from another file keeps its own id unless the docket already uses it: then the
    // id is replaced, or the line would be unreadable as a second item with one id.
    const withId = own !== undefined && !used.has(own) ? text : setTag(text, "id", id);
    const line = makeItemLine(withId, id, "");
    used.add(line.id);
    lines.push(line);
  }
  return { docket: appendLines(docket, lines), lines };
}

export interface MergeOptions {
  today: IsoDate;
  categorise: Categoriser;
}

export function mergeImported(
  docket: Docket,
  items: readonly ImportedItem[],
  before: ImportState,
  options: MergeOptions,
): MergeResult {
  const summary = emptySummary();
  const state: ImportState = { ...before };
  const bySource = linesBySource(docket);
  const lines = docket.lines.slice();
  const changed: MergeResult["changed"] = [];
  const toAdd: string[] = [];
  const seen = new Set<string>();
  for (const it of items) {
    if (seen.has(it.sourceId)) {
      skip(summary, "repeated in the file");
      continue;
    }
    seen.add(it.sourceId);
    const at = bySource.get(it.sourceId);
    if (at === undefined) {
      if (before[it.sourceId] !== undefined) {
        // Imported before and gone since: removed or archived by the user, not to come back.
        skip(summary, "removed or archived since the last import");
        continue;
      }
      const text = newItemText(it, options.categorise);
      state[it.sourceId] = remembered(makeItemLine(text, "x"), it.extra);
      toAdd.push(text);
      continue;
    }
    const current = lines[at] as ItemLine;
    const fresh = makeItemLine(importedItemText(it, undefined), current.id);
    const next = mergedText(
      current,
      before[it.sourceId] ?? remembered(current),
      fresh,
      options.today,
    );
    state[it.sourceId] = remembered(fresh, it.extra);
    if (next === current.text) {
      summary.unchanged++;
      continue;
    }
    const after: ItemLine = {
      ...makeItemLine(next, current.id, current.eol),
      number: current.number,
    };
    lines[at] = after;
    changed.push({ before: current, after });
    summary.updated++;
  }
  let out: Docket = changed.length > 0 ? { ...docket, lines } : docket;
  let added: ItemLine[] = [];
  if (toAdd.length > 0) {
    const appended = appendTexts(out, toAdd);
    out = appended.docket;
    added = appended.lines;
  }
  summary.added = added.length;
  return { docket: out, state, summary, added, changed };
}

function newItemText(it: ImportedItem, categorise: Categoriser): string {
  if (it.category) return importedItemText(it, it.category);
  const guess = categorise(it.title);
  const cat = guess ? `${guess.category}${guess.unsure ? "?" : ""}` : undefined;
  return importedItemText(it, cat);
}

/**
 * The item's text after a re-import: each of title, due and state follows the source only
 * while the item still holds what the last import wrote (`base`).
 */
function mergedText(current: ItemLine, base: Remembered, fresh: ItemLine, today: IsoDate): string {
  let text = current.text;
  const cur = current.item;
  const src = fresh.item;
  if (cur.title === base.title && src.title !== cur.title) {
    // The new wording; the line's head, tags, +projects and @contexts stay (as `ppppt edit`).
    text = editItemText(text, src.title, "keep");
  }
  if ((cur.due ?? null) === base.due && src.due !== cur.due) text = setTag(text, "due", src.due);
  if (cur.done === base.done && src.done !== cur.done) {
    text = src.done ? completeText(text, src.completed ?? today) : reopenText(text);
  }
  return text;
}

/** The source id of a line, if an import wrote it. */
export function sourceIdOf(line: Line): string | undefined {
  return line.kind === "item" ? getTag(line.text, "src") : undefined;
}

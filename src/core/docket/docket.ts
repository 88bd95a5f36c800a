import type { Category } from "../category.js";
import { PpppptError } from "../errors.js";
import { isItemRow } from "./docket-index.js";
import { setTag } from "./edit.js";
import type { Docket, Eol, Item, ItemLine, Line, OtherLine } from "./item.js";
import { parseItem } from "./parse.js";

/**
 * Whole-docket operations. Each returns a new Docket and leaves its argument untouched, so a
 * store can re-run the same change on a fresher copy of the file (see store/docket-file.ts).
 */

export function itemLines(docket: Docket): ItemLine[] {
  const out: ItemLine[] = [];
  for (const line of docket.lines) if (line.kind === "item") out.push(line);
  return out;
}

export function invalidLines(docket: Docket): OtherLine[] {
  const out: OtherLine[] = [];
  for (const line of docket.lines) if (line.kind === "invalid") out.push(line);
  return out;
}

export function findItem(docket: Docket, id: string): ItemLine {
  const wanted = id.trim();
  for (const line of docket.lines) if (line.kind === "item" && line.id === wanted) return line;
  throw new PpppptError(`no item has the id "${id}"`, {
    hint: "Run `ppppt list --all` to see every item with its id.",
  });
}

/**
 * The item as a plain object. Fields are copied by name: the items and lines read from a file
 * may be class instances that read their fields from the docket index (getters), which
 * spreading would not copy.
 */
export function copyItem(it: Item): Item {
  return {
    done: it.done,
    priority: it.priority,
    completed: it.completed,
    created: it.created,
    body: it.body,
    title: it.title,
    projects: it.projects,
    contexts: it.contexts,
    tags: it.tags,
    ownId: it.ownId,
    category: it.category,
    categoryGuess: it.categoryGuess,
    due: it.due,
    threshold: it.threshold,
    rec: it.rec,
    hidden: it.hidden,
    estimate: it.estimate,
    spent: it.spent,
  };
}

/** The line as a plain object (see copyItem), with another ending if one is given. */
export function copyLine(line: Line, eol: Eol = line.eol): Line {
  if (line.kind === "item") {
    const { number, text, id, duplicateOf } = line;
    const copy: ItemLine = { kind: "item", number, text, eol, item: copyItem(line.item), id };
    if (duplicateOf !== undefined) copy.duplicateOf = duplicateOf;
    return copy;
  }
  return { ...line, eol };
}

/** The line shown under a category the classifier guessed; the file is not changed. */
export function withCategoryGuess(line: ItemLine, category: Category): ItemLine {
  if (isItemRow(line)) return line.withGuess(category);
  const item = { ...copyItem(line.item), category, categoryGuess: true };
  const shown: ItemLine = {
    kind: "item",
    number: line.number,
    text: line.text,
    eol: line.eol,
    item,
    id: line.id,
  };
  if (line.duplicateOf !== undefined) shown.duplicateOf = line.duplicateOf;
  return shown;
}

/** Builds a line from item text, refusing text that would not read back as a valid item. */
export function makeItemLine(text: string, id: string, eol: Eol = "\n"): ItemLine {
  if (/[\r\n]/.test(text)) throw new PpppptError("an item is one line: remove the line breaks");
  const item = parseItem(text);
  if (typeof item === "string") throw new PpppptError(item);
  if (text.trim() === "" || text.trimStart().startsWith("#")) {
    throw new PpppptError("an item needs some text (and cannot start with #)");
  }
  return { kind: "item", number: 0, text, eol, item, id: item.ownId ?? id };
}

const ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/**
 * A fresh 4-character id, unused in the docket (longer only if 4 characters run short).
 * `isUsed` replaces the scan of the docket where a caller adds many items and keeps a set.
 */
export function newId(
  docket: Docket,
  isUsed: (id: string) => boolean = (id) => findId(docket, id),
): string {
  for (let length = 4; ; length++) {
    for (let attempt = 0; attempt < 50; attempt++) {
      let id = "";
      // Math.random, not node:crypto: an id is an address, not a secret, and loading the
      // crypto module would cost every command's start a few milliseconds.
      for (let i = 0; i < length; i++) id += ID_ALPHABET[Math.floor(Math.random() * 36)];
      // All-digit ids would be mistaken for line numbers. A scan per candidate, not a set of
      // every id: with 36^4 ids a candidate is nearly always free, so one scan is the cost.
      if (!/^\d+$/.test(id) && !isUsed(id)) return id;
    }
  }
}

function docketEol(docket: Docket): Eol {
  for (const line of docket.lines) if (line.eol) return line.eol;
  return "\n";
}

/** Adds an item at the end; gives it an `id:` tag when it has none. */
export function appendItem(docket: Docket, text: string): { docket: Docket; line: ItemLine } {
  const eol = docketEol(docket);
  const id = newId(docket);
  const withId = parseItem(text);
  const full =
    typeof withId !== "string" && withId.ownId === undefined ? setTag(text, "id", id) : text;
  const line = makeItemLine(full, id, eol);
  if (findId(docket, line.id)) throw new PpppptError(`id:${line.id} is already used`);
  const lines = docket.lines.slice();
  const last = lines[lines.length - 1];
  // A file without a final newline gets one, or the new item would join its last line.
  if (last && last.eol === "") lines[lines.length - 1] = copyLine(last, eol);
  lines.push(line);
  return { docket: { ...docket, lines }, line };
}

function findId(docket: Docket, id: string): boolean {
  return docket.lines.some((l) => l.kind === "item" && l.id === id);
}

/**
 * Rewrites one item. An item whose address is not its own `id:` (it had none, or it repeats an
 * earlier line's) gets its address written down as `id:`, so it keeps it after its text changes.
 */
export function replaceItem(
  docket: Docket,
  id: string,
  change: (text: string) => string,
): { docket: Docket; line: ItemLine; before: ItemLine } {
  const before = findItem(docket, id);
  let text = change(before.text);
  if (before.item.ownId !== before.id && text !== before.text) text = setTag(text, "id", before.id);
  const line = { ...makeItemLine(text, before.id, before.eol), number: before.number };
  const lines = docket.lines.map((l) => (l === before ? line : l));
  return { docket: { ...docket, lines }, line, before };
}

export function removeItem(docket: Docket, id: string): { docket: Docket; removed: ItemLine } {
  const removed = findItem(docket, id);
  const index = docket.lines.indexOf(removed);
  const lines = docket.lines.slice();
  lines.splice(index, 1);
  // Removing the last line must not leave the one before it with a dangling newline added
  // by ppppt; keep the file's ending as the user had it.
  if (index === lines.length && index > 0 && removed.eol === "") {
    const prev = lines[index - 1] as Line;
    lines[index - 1] = copyLine(prev, "");
  }
  return { docket: { ...docket, lines }, removed };
}

/**
 * Gives every item that repeats an earlier line's `id:` a fresh id of its own (`check --fix`).
 * The first line keeps the id; nothing else on the lines changes.
 */
export function renumberDuplicates(docket: Docket): {
  docket: Docket;
  result: { line: number; from: string; to: string }[];
} {
  let current = docket;
  const changed: { line: number; from: string; to: string }[] = [];
  for (const line of docket.lines) {
    if (line.kind !== "item" || line.duplicateOf === undefined) continue;
    const to = newId(current);
    const text = setTag(line.text, "id", to);
    const fixed = { ...makeItemLine(text, to, line.eol), number: line.number };
    const lines = current.lines.map((l) => (l === line ? fixed : l));
    current = { ...current, lines };
    changed.push({ line: line.number, from: line.item.ownId as string, to });
  }
  return { docket: current, result: changed };
}

/** Inserts lines after the end (used by recurrence and archive undo). */
export function appendLines(docket: Docket, added: Line[]): Docket {
  if (added.length === 0) return docket;
  const eol = docketEol(docket);
  const lines = docket.lines.slice();
  const last = lines[lines.length - 1];
  if (last && last.eol === "") lines[lines.length - 1] = copyLine(last, eol);
  for (const line of added) lines.push(copyLine(line, line.eol || eol));
  return { ...docket, lines };
}

/** Applies one change per id in order, each on the result of the last (`done a b c`). */
export function changeEach<T>(
  docket: Docket,
  ids: readonly string[],
  change: (docket: Docket, id: string) => { docket: Docket; value: T },
): { docket: Docket; result: T[] } {
  let current = docket;
  const result: T[] = [];
  for (const id of ids) {
    const step = change(current, id);
    current = step.docket;
    result.push(step.value);
  }
  return { docket: current, result };
}

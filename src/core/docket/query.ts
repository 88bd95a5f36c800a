import type { Category } from "../category.js";
import { CATEGORIES } from "../category.js";
import type { IsoDate } from "../dates.js";
import { isWaiting, peopleOf } from "../people.js";
import type { ItemLine } from "./item.js";

/** What `list` (and the web board) may ask for. Every field narrows; none set means all open items. */
export interface ItemQuery {
  categories?: Category[];
  /** Items with no category at all. */
  uncategorised?: boolean;
  projects?: string[];
  contexts?: string[];
  /** Every word must appear in the text (case-insensitive); a leading "-" excludes. */
  words?: string[];
  dueFrom?: IsoDate;
  dueTo?: IsoDate;
  /** open (default), done, or all. */
  status?: "open" | "done" | "all";
  /**
   * Items about one of these people: a `with:` handle equal to one, or under it (`dana`
   * matches `with:dana.k` too). Lower case.
   */
  people?: string[];
  /** Only items marked @waiting. */
  waiting?: boolean;
  /** Also show h:1 items and those whose t: threshold is still ahead. */
  includeHidden?: boolean;
}

export function matchesQuery(line: ItemLine, q: ItemQuery, today: IsoDate): boolean {
  const it = line.item;
  const status = q.status ?? "open";
  if (status === "open" && it.done) return false;
  if (status === "done" && !it.done) return false;
  if (!q.includeHidden) {
    if (it.hidden) return false;
    if (it.threshold && it.threshold > today && !it.done) return false;
  }
  if (q.categories?.length || q.uncategorised) {
    const inCat = it.category !== undefined && (q.categories ?? []).includes(it.category);
    const inNone = q.uncategorised === true && it.category === undefined;
    if (!inCat && !inNone) return false;
  }
  if (q.projects?.length) {
    const ps = it.projects.map((p) => p.toLowerCase());
    if (!q.projects.every((p) => ps.includes(p.toLowerCase()))) return false;
  }
  if (q.contexts?.length) {
    const cs = it.contexts.map((c) => c.toLowerCase());
    if (!q.contexts.every((c) => cs.includes(c.toLowerCase()))) return false;
  }
  if (q.waiting && !isWaiting(line)) return false;
  if (q.people?.length) {
    const handles = peopleOf(line);
    const about = (p: string) => handles.some((h) => h === p || h.startsWith(`${p}.`));
    if (!q.people.some(about)) return false;
  }
  if (q.dueFrom && (!it.due || it.due < q.dueFrom)) return false;
  if (q.dueTo && (!it.due || it.due > q.dueTo)) return false;
  if (q.words?.length) {
    const text = line.text.toLowerCase();
    for (const word of q.words) {
      if (word.startsWith("-") && word.length > 1) {
        if (text.includes(word.slice(1).toLowerCase())) return false;
      } else if (!text.includes(word.toLowerCase())) return false;
    }
  }
  return true;
}

/** todo.txt's order: priority first (A before B before none), then the earliest due date. */
export function compareForList(a: ItemLine, b: ItemLine): number {
  const pa = a.item.priority ?? "~";
  const pb = b.item.priority ?? "~";
  if (pa !== pb) return pa < pb ? -1 : 1;
  const da = a.item.due ?? "9999-99-99";
  const db = b.item.due ?? "9999-99-99";
  if (da !== db) return da < db ? -1 : 1;
  return a.number - b.number;
}

export interface CategoryGroup {
  category: Category | undefined;
  items: ItemLine[];
}

/** Groups in the fixed PPPPT order, uncategorised last; empty groups left out. */
export function groupByCategory(lines: ItemLine[]): CategoryGroup[] {
  const groups = new Map<Category | undefined, ItemLine[]>();
  for (const c of CATEGORIES) groups.set(c, []);
  groups.set(undefined, []);
  for (const line of lines) groups.get(line.item.category)?.push(line);
  const out: CategoryGroup[] = [];
  for (const [category, items] of groups) {
    if (items.length > 0) out.push({ category, items: sortForList(items) });
  }
  return out;
}

/**
 * The lines in compareForList's order. Each line's place is packed into one number (priority,
 * due date as YYYYMMDD, position) and the numbers sorted natively: `list` sorts thousands of
 * lines in a fresh process, where calling a JavaScript comparator ~100,000 times costs more
 * than everything else it does after parsing.
 */
export function sortForList(lines: ItemLine[]): ItemLine[] {
  // 2^21 positions × 10^8 dates × 27 priorities stays below 2^53, where doubles are exact.
  if (lines.length >= POSITIONS) return lines.slice().sort(compareForList);
  const keys = new Float64Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const it = (lines[i] as ItemLine).item;
    const priority = it.priority === undefined ? 26 : it.priority.charCodeAt(0) - 65;
    const due = it.due === undefined ? NO_DUE : dueNumber(it.due);
    keys[i] = (priority * DATES + due) * POSITIONS + i;
  }
  keys.sort();
  const out = new Array<ItemLine>(lines.length);
  for (let i = 0; i < keys.length; i++) out[i] = lines[(keys[i] as number) % POSITIONS] as ItemLine;
  return out;
}

const POSITIONS = 2 ** 21;
const DATES = 100_000_000;
const NO_DUE = DATES - 1;

/** 2026-11-27 as 20261127: the same order as the text, as a number. */
function dueNumber(due: string): number {
  let n = 0;
  for (let i = 0; i < 10; i++) {
    const c = due.charCodeAt(i);
    if (c !== 45 /* - */) n = n * 10 + (c - 48);
  }
  return n;
}

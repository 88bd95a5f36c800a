import { isAscii, isUtf8 } from "node:buffer";
import { CATEGORIES, type Category } from "../category.js";
import { fnv1a, fnv1aBytes } from "../fnv1a.js";
import type { Eol, Item, ItemLine, Line, Tag } from "./item.js";
import type { Recurrence } from "./recurrence.js";
import {
  type LineSource,
  lineSource,
  scanItem,
  scanned,
  TOKEN_CONTEXT,
  TOKEN_PROJECT,
  TOKEN_TAG,
  textAt,
  titleIsPlain,
  tokenColon,
  tokenEnd,
  tokenKind,
  tokenStart,
} from "./scan.js";

/**
 * A docket read into columns: for each line, where it is in the file's bytes, what kind of
 * line it is, and the fields ppppt sorts and filters by, as numbers and byte offsets in typed
 * arrays. Reading a docket this way makes no object and no string per line (for 100k lines,
 * about the time JSON.parse takes for a fifth of the items); `Line` and `Item` objects are
 * built from it only when a caller asks (parseDocket's `lines`, or the light rows `list` uses).
 */
export const KIND_BLANK = 0;
export const KIND_COMMENT = 1;
export const KIND_INVALID = 2;
export const KIND_ITEM = 3;

/* Bits of `flags`. */
const DONE = 1;
const HIDDEN = 2;
const GUESS = 4;
/** Every byte of the line is below 0x80: its strings are sliced from the Latin-1 copy. */
const ASCII = 8;
/** The title is not one slice of the line: it is read again word by word when asked for. */
const JOINED_TITLE = 16;
/** Not valid UTF-8: kept as raw bytes. */
const RAW = 32;
/** Has a `rec:` (in `recurrences`). */
const REC = 64;

const EOLS: readonly Eol[] = ["", "\n", "\r\n"];
const NOT_UTF8 = "the line is not valid UTF-8";

export class DocketIndex {
  /** Number of lines. */
  readonly count: number;
  readonly start: Int32Array;
  /** Where the line's text ends, before its line ending. */
  readonly end: Int32Array;
  readonly eol: Uint8Array;
  readonly kind: Uint8Array;
  readonly flags: Uint8Array;
  /** The priority letter's character code, or 0. */
  readonly priority: Uint8Array;
  /** Index into CATEGORIES, or -1. */
  readonly category: Int8Array;
  /** Byte offsets of the ten-character dates, or -1. */
  readonly completedAt: Int32Array;
  readonly createdAt: Int32Array;
  readonly dueAt: Int32Array;
  readonly thresholdAt: Int32Array;
  /** Minutes, or -1. */
  readonly estimate: Float64Array;
  readonly spent: Float64Array;
  /** The `id:` tag's value, or -1. */
  readonly idAt: Int32Array;
  readonly idEnd: Int32Array;
  /** Where the title is, when it is one slice of the line (not JOINED_TITLE); -1 for none. */
  readonly titleAt: Int32Array;
  readonly titleEnd: Int32Array;
  /** Sparse: most lines have none of these. */
  readonly recurrences = new Map<number, Recurrence>();
  readonly problems = new Map<number, string>();
  readonly derivedIds = new Map<number, string>();
  /**
   * Item lines whose `id:` an earlier line already has (a line copied in an editor), to the
   * index of that earlier line. Such a line is still an item, shown and counted, flagged, and
   * addressed by an id derived from its text until `check --fix` or its first change writes
   * that down.
   */
  readonly duplicates = new Map<number, number>();

  constructor(
    /** The file began with a UTF-8 byte order mark (not part of `source`). */
    readonly bom: boolean,
    readonly source: LineSource,
  ) {
    const n = countLines(source.latin1);
    this.count = n;
    this.start = new Int32Array(n);
    this.end = new Int32Array(n);
    this.eol = new Uint8Array(n);
    this.kind = new Uint8Array(n);
    this.flags = new Uint8Array(n);
    this.priority = new Uint8Array(n);
    this.category = new Int8Array(n);
    this.completedAt = new Int32Array(n);
    this.createdAt = new Int32Array(n);
    this.dueAt = new Int32Array(n);
    this.thresholdAt = new Int32Array(n);
    this.estimate = new Float64Array(n);
    this.spent = new Float64Array(n);
    this.idAt = new Int32Array(n);
    this.idEnd = new Int32Array(n);
    this.titleAt = new Int32Array(n);
    this.titleEnd = new Int32Array(n);
  }

  /** The line's text (without its ending); a line that is not UTF-8 reads with replacement characters. */
  text(i: number): string {
    return textAt(this.source, this.start[i] as number, this.end[i] as number, this.isAscii(i));
  }

  isAscii(i: number): boolean {
    return ((this.flags[i] as number) & ASCII) !== 0;
  }

  /** The item's address: its `id:` tag, else (none, or a duplicate) the id derived from its text. */
  id(i: number): string {
    const at = this.idAt[i] as number;
    if (at === -1 || (this.duplicates.size > 0 && this.duplicates.has(i)))
      return this.derivedIds.get(i) as string;
    return this.source.latin1.slice(at, this.idEnd[i]);
  }

  /** The value of the line's `id:` tag, or undefined. */
  ownId(i: number): string | undefined {
    const at = this.idAt[i] as number;
    return at === -1 ? undefined : this.source.latin1.slice(at, this.idEnd[i]);
  }

  /** The 1-based number of the earlier line that has this line's `id:`, when it is a duplicate. */
  duplicateOf(i: number): number | undefined {
    if (this.duplicates.size === 0) return undefined;
    const first = this.duplicates.get(i);
    return first === undefined ? undefined : first + 1;
  }

  /** The date at a byte offset from one of the date columns, or undefined for -1. */
  date(at: number): string | undefined {
    return dateAt(this.source, at);
  }

  title(i: number): string {
    const ascii = this.isAscii(i);
    if (((this.flags[i] as number) & JOINED_TITLE) === 0) {
      const at = this.titleAt[i] as number;
      if (at === -1) return "";
      const title = textAt(this.source, at, this.titleEnd[i] as number, ascii);
      if (titleIsPlain(title)) return title;
    }
    scanItem(this.source, this.start[i] as number, this.end[i] as number, ascii, true);
    return titleFromScan(this.source, ascii);
  }

  /** Line i as the Line object parseDocket's callers work with. */
  line(i: number): Line {
    const number = i + 1;
    const eol = EOLS[this.eol[i] as number] as Eol;
    const kind = this.kind[i];
    if (kind === KIND_ITEM) return new IndexedItemLine(this, i, eol);
    if (kind === KIND_INVALID) {
      const raw = ((this.flags[i] as number) & RAW) !== 0;
      const text = raw
        ? new Uint8Array(this.source.bytes.subarray(this.start[i], this.end[i]))
        : this.text(i);
      return { kind: "invalid", number, text, eol, problem: this.problems.get(i) as string };
    }
    return { kind: kind === KIND_BLANK ? "blank" : "comment", number, text: this.text(i), eol };
  }

  lines(): Line[] {
    const out = new Array<Line>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.line(i);
    return out;
  }

  /** The Item on line i (which must be an item line), read again from its bytes. */
  item(i: number): Item {
    const start = this.start[i] as number;
    const end = this.end[i] as number;
    const ascii = this.isAscii(i);
    scanItem(this.source, start, end, ascii, true);
    return itemFromScan(this.source, end, ascii);
  }

  /**
   * Every item line as a light row that reads its fields from the columns when asked; with
   * `only`, just the open or the done ones and, unless asked for, not the hidden (`h:1`):
   * decided on the flags, before a row is made (a quarter of a large docket is done items).
   */
  itemRows(only?: RowChoice): ItemLine[] {
    const out: ItemLine[] = [];
    const status = only?.status ?? "all";
    const skip = (status === "all" ? 0 : DONE) | (only?.includeHidden === false ? HIDDEN : 0);
    const want = status === "done" ? DONE : 0;
    for (let i = 0; i < this.count; i++) {
      if (this.kind[i] === KIND_ITEM && ((this.flags[i] as number) & skip) === want)
        out.push(new ItemRow(this, i));
    }
    return out;
  }

  itemCount(): number {
    let n = 0;
    for (let i = 0; i < this.count; i++) if (this.kind[i] === KIND_ITEM) n++;
    return n;
  }

  duplicateCount(): number {
    return this.duplicates.size;
  }

  invalidCount(): number {
    let n = 0;
    for (let i = 0; i < this.count; i++) if (this.kind[i] === KIND_INVALID) n++;
    return n;
  }
}

function countLines(text: string): number {
  if (text.length === 0) return 0;
  let n = 0;
  for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) n++;
  // The last line has no ending unless the text ends with one.
  return text.charCodeAt(text.length - 1) === 10 ? n : n + 1;
}

/**
 * Reads a docket's bytes (after any BOM) into a DocketIndex. Never fails: a line ppppt cannot
 * read becomes an invalid line with the reason, kept as it is.
 */
export function indexDocket(bytes: Uint8Array, bom: boolean): DocketIndex {
  // Copying bytes into a one-byte string is ten times faster than decoding UTF-8, and every
  // ASCII part (nearly all of a docket) can be sliced from it; only non-ASCII parts are decoded.
  const source = lineSource(bytes);
  const buffer = source.bytes;
  const index = new DocketIndex(bom, source);
  const text = source.latin1;
  const length = text.length;
  const utf8 = isUtf8(buffer);
  const ids = new IdTable(index);
  let nonAscii = isAscii(buffer) ? length : nextNonAscii(buffer, text, 0);
  let start = 0;
  for (let i = 0; i < index.count; i++) {
    const nl = text.indexOf("\n", start);
    let end = nl === -1 ? length : nl;
    const next = nl === -1 ? length : nl + 1;
    if (nl > start && text.charCodeAt(nl - 1) === 13) {
      end = nl - 1;
      index.eol[i] = 2;
    } else index.eol[i] = nl === -1 ? 0 : 1;
    index.start[i] = start;
    index.end[i] = end;
    let ascii = true;
    if (nonAscii < end) {
      ascii = false;
      nonAscii = nextNonAscii(buffer, text, next);
    }
    if (!ascii && !utf8 && !isUtf8(buffer.subarray(start, end))) {
      index.kind[i] = KIND_INVALID;
      index.flags[i] = RAW;
      index.problems.set(i, NOT_UTF8);
    } else readLine(index, i, start, end, ascii, ids);
    start = next;
  }
  ids.assignDerived();
  return index;
}

function readLine(
  index: DocketIndex,
  i: number,
  start: number,
  end: number,
  ascii: boolean,
  ids: IdTable,
): void {
  const b = index.source.bytes;
  let k = start;
  while (k < end && (b[k] === 32 || b[k] === 9)) k++;
  index.flags[i] = ascii ? ASCII : 0;
  if (k === end) {
    index.kind[i] = KIND_BLANK;
    return;
  }
  if (b[k] === 35 /* # */) {
    index.kind[i] = KIND_COMMENT;
    return;
  }
  const problem = scanItem(index.source, start, end, ascii, false);
  if (problem !== undefined) {
    index.kind[i] = KIND_INVALID;
    index.problems.set(i, problem);
    return;
  }
  const s = scanned;
  if (s.idAt !== -1) {
    const clash = ids.claimBytes(s.idAt, s.idEnd, i);
    if (clash !== -1) index.duplicates.set(i, clash);
  }
  index.kind[i] = KIND_ITEM;
  index.flags[i] =
    (ascii ? ASCII : 0) |
    (s.done ? DONE : 0) |
    (s.hidden ? HIDDEN : 0) |
    (s.categoryGuess ? GUESS : 0) |
    (s.titleContiguous ? 0 : JOINED_TITLE) |
    (s.rec === undefined ? 0 : REC);
  index.priority[i] = s.priority;
  index.category[i] = s.category;
  index.completedAt[i] = s.completedAt;
  index.createdAt[i] = s.createdAt;
  index.dueAt[i] = s.dueAt;
  index.thresholdAt[i] = s.thresholdAt;
  index.estimate[i] = s.estimate;
  index.spent[i] = s.spent;
  index.idAt[i] = s.idAt;
  index.idEnd[i] = s.idEnd;
  index.titleAt[i] = s.titleAt;
  index.titleEnd[i] = s.titleEnd;
  if (s.rec !== undefined) index.recurrences.set(i, s.rec);
}

const NON_ASCII = /[^\0-\x7f]/g;
const ASCII_CHUNK = 1024;

/**
 * Where the next byte from 0x80 up is, at or after `from` (the end if none). isAscii skips
 * plain stretches fast; the RegExp over the Latin-1 text finds the byte in the chunk that has one.
 */
function nextNonAscii(utf8: Buffer, source: string, from: number): number {
  let at = from;
  while (at < utf8.length) {
    const stop = Math.min(at + ASCII_CHUNK, utf8.length);
    if (!isAscii(utf8.subarray(at, stop))) {
      NON_ASCII.lastIndex = at;
      NON_ASCII.test(source);
      return NON_ASCII.lastIndex - 1;
    }
    at = stop;
  }
  return utf8.length;
}

/**
 * Builds the Item scanItem has just read from bytes ..end of `source`. The strings come from
 * the token positions: sliced from the Latin-1 copy on an ASCII line, decoded otherwise (tokens
 * are split on ASCII spaces and tabs, so each is whole UTF-8).
 */
export function itemFromScan(source: LineSource, end: number, ascii: boolean): Item {
  const s = scanned;
  const latin1 = source.latin1;
  let projects: string[] | undefined;
  let contexts: string[] | undefined;
  let tags: Tag[] | undefined;
  for (let t = 0; t < s.tokens; t++) {
    const a = tokenStart[t] as number;
    const z = tokenEnd[t] as number;
    const kind = tokenKind[t];
    if (kind === TOKEN_TAG) {
      const colon = tokenColon[t] as number;
      const key = textAt(source, a, colon, true);
      // A valid item has at most one cat: tag, and nearly every item has one: shared objects.
      const tag =
        key === "cat"
          ? ((s.categoryGuess ? GUESSED_TAGS : CATEGORY_TAGS)[s.category] as Tag)
          : { key, value: textAt(source, colon + 1, z, ascii) };
      tags = appended(tags, tag);
      continue;
    }
    if (kind === TOKEN_PROJECT) projects = appended(projects, textAt(source, a + 1, z, ascii));
    else if (kind === TOKEN_CONTEXT) contexts = appended(contexts, textAt(source, a + 1, z, ascii));
  }
  return {
    done: s.done,
    priority: s.priority === 0 ? undefined : String.fromCharCode(s.priority),
    completed: dateAt(source, s.completedAt),
    created: dateAt(source, s.createdAt),
    body: textAt(source, s.bodyStart, end, ascii),
    title: titleFromScan(source, ascii),
    projects: projects ?? NONE,
    contexts: contexts ?? NONE,
    tags: tags ?? NO_TAGS,
    ownId: s.idAt === -1 ? undefined : latin1.slice(s.idAt, s.idEnd),
    category: s.category === -1 ? undefined : CATEGORIES[s.category],
    categoryGuess: s.categoryGuess,
    due: dateAt(source, s.dueAt),
    threshold: dateAt(source, s.thresholdAt),
    rec: s.rec,
    hidden: s.hidden,
    estimate: s.estimate === -1 ? undefined : s.estimate,
    spent: s.spent === -1 ? undefined : s.spent,
  };
}

/** The ten-character date at a byte offset (dates are ASCII), or undefined for -1. */
function dateAt(source: LineSource, at: number): string | undefined {
  return at === -1 ? undefined : source.latin1.slice(at, at + 10);
}

/** Most items have no projects, contexts or tags besides cat:, so each list is made on its first entry. */
function appended<T>(list: T[] | undefined, value: T): T[] {
  if (list === undefined) return [value];
  list.push(value);
  return list;
}

/** The title scanItem (recording tokens) has just read: one slice when its words are one run. */
function titleFromScan(source: LineSource, ascii: boolean): string {
  const s = scanned;
  if (s.titleContiguous)
    return s.titleAt === -1 ? "" : textAt(source, s.titleAt, s.titleEnd, ascii);
  const words: string[] = [];
  for (let t = 0; t < s.tokens; t++) {
    if (tokenKind[t] !== TOKEN_TAG)
      words.push(textAt(source, tokenStart[t] as number, tokenEnd[t] as number, ascii));
  }
  return words.join(" ");
}

/**
 * Shared by every item without projects, contexts or tags. Frozen, so code that tried to change
 * one would fail loudly instead of changing every item.
 */
const NONE: readonly string[] = Object.freeze([]);
const NO_TAGS: readonly Tag[] = Object.freeze([]);
/** The tags `cat:people`… and `cat:people?`…: nearly every item has one. */
const CATEGORY_TAGS: readonly Tag[] = CATEGORIES.map((c) => ({ key: "cat", value: c }));
const GUESSED_TAGS: readonly Tag[] = CATEGORIES.map((c) => ({ key: "cat", value: `${c}?` }));

/**
 * An item line whose Item is built the first time it is read. A command that changes one item
 * of a docket (add, done, edit…) reads every line's text, ending and id, but only that item;
 * building all of them was most of what reading the docket cost. A getter on the class, so
 * spreading such a line would lose its item: docket.ts copies lines with `copyLine`.
 */
class IndexedItemLine implements ItemLine {
  readonly kind = "item";
  readonly number: number;
  readonly text: string;
  readonly id: string;
  readonly duplicateOf: number | undefined;
  private built: Item | undefined;

  constructor(
    private readonly index: DocketIndex,
    private readonly i: number,
    readonly eol: Eol,
  ) {
    this.number = i + 1;
    this.text = index.text(i);
    this.id = index.id(i);
    this.duplicateOf = index.duplicateOf(i);
  }

  get item(): Item {
    this.built ??= this.index.item(this.i);
    return this.built;
  }
}

/**
 * An item line of an index with the fields `list` sorts, filters and shows read from the
 * columns, and the rest (text, body, tags, projects, contexts) built on first use. `list` shows
 * thousands of items in a fresh process, where building each Item in full was most of its
 * time. It is its own `item`. Plain fields rather than getters for the common ones: a getter
 * is a function call per read, and before the JIT has compiled it a call costs far more than
 * loading a field.
 */
class ItemRow implements ItemLine, Item {
  readonly kind = "item";
  readonly number: number;
  readonly id: string;
  readonly done: boolean;
  readonly priority: string | undefined;
  readonly title: string;
  readonly ownId: string | undefined;
  readonly category: Category | undefined;
  readonly categoryGuess: boolean;
  readonly due: string | undefined;
  readonly threshold: string | undefined;
  readonly rec: Recurrence | undefined;
  readonly hidden: boolean;
  readonly estimate: number | undefined;
  readonly spent: number | undefined;
  readonly duplicateOf: number | undefined;
  private whole: Item | undefined;

  constructor(
    private readonly index: DocketIndex,
    private readonly i: number,
  ) {
    const flags = index.flags[i] as number;
    const priority = index.priority[i] as number;
    const category = index.category[i] as number;
    const estimate = index.estimate[i] as number;
    const spent = index.spent[i] as number;
    this.number = i + 1;
    this.id = index.id(i);
    this.done = (flags & DONE) !== 0;
    this.priority = priority === 0 ? undefined : String.fromCharCode(priority);
    this.title = index.title(i);
    this.duplicateOf = index.duplicateOf(i);
    // The address is the id: tag itself except on a repeat: no second slice of the line.
    this.ownId =
      index.idAt[i] === -1 ? undefined : this.duplicateOf === undefined ? this.id : index.ownId(i);
    this.category = category === -1 ? undefined : CATEGORIES[category];
    this.categoryGuess = (flags & GUESS) !== 0;
    this.due = index.date(index.dueAt[i] as number);
    this.threshold = index.date(index.thresholdAt[i] as number);
    this.rec = flags & REC ? index.recurrences.get(i) : undefined;
    this.hidden = (flags & HIDDEN) !== 0;
    this.estimate = estimate === -1 ? undefined : estimate;
    this.spent = spent === -1 ? undefined : spent;
  }

  get item(): Item {
    return this;
  }
  // Read when asked: `list` shows neither date of an open item, and the two strings were a
  // sixth of a row's memory on a large docket.
  get completed(): string | undefined {
    return this.index.date(this.index.completedAt[this.i] as number);
  }
  get created(): string | undefined {
    return this.index.date(this.index.createdAt[this.i] as number);
  }
  get text(): string {
    return this.index.text(this.i);
  }
  get eol(): Eol {
    return EOLS[this.index.eol[this.i] as number] as Eol;
  }
  get body(): string {
    return this.full().body;
  }
  get projects(): readonly string[] {
    return this.full().projects;
  }
  get contexts(): readonly string[] {
    return this.full().contexts;
  }
  get tags(): readonly Tag[] {
    return this.full().tags;
  }

  private full(): Item {
    this.whole ??= this.index.item(this.i);
    return this.whole;
  }

  /**
   * The row shown under a category the classifier guessed: a view with its own category over
   * the same row. Copying it (withCategoryGuess) read every field, and so built the whole
   * item from the line's bytes a second time, for every uncategorised item `list` shows.
   */
  withGuess(category: Category): ItemLine {
    return Object.create(this, {
      category: { value: category, enumerable: true },
      categoryGuess: { value: true, enumerable: true },
    }) as ItemLine;
  }
}

/** Which item rows to make (itemRows): the same choice as ItemQuery's status and includeHidden. */
export interface RowChoice {
  status?: "open" | "done" | "all";
  includeHidden?: boolean;
}

/** Whether a line is one of the index's light rows (itemRows). */
export function isItemRow(line: ItemLine): line is ItemLine & { withGuess(c: Category): ItemLine } {
  return line instanceof ItemRow;
}

/**
 * Hands out ids. Items with an `id:` tag keep it; items written by other todo.txt apps get an
 * id derived from their text, so the same line has the same id on every run without ppppt
 * having to write anything into it.
 *
 * An open-addressing hash set of the lines holding the ids handed out so far (line index + 1;
 * 0 for an empty slot). A line's id is compared where it lies, as bytes, so no string is made
 * for an `id:` tag; a Map of 100k strings cost several times more, mostly in collecting it.
 */
class IdTable {
  /**
   * Two Int32s per slot: the line (index + 1; 0 for empty) and its id's hash, side by side so
   * a probe reads one cache line. The hash is compared first, so a mismatch never reads the
   * other line.
   */
  private slots: Int32Array;
  private count = 0;

  constructor(private readonly index: DocketIndex) {
    // At most half full when every line has an id, so a docket never grows it; no larger,
    // since the table is probed at random and a small one stays in the CPU's cache.
    let size = 64;
    while (size < index.count * 2) size *= 2;
    this.slots = new Int32Array(size * 2);
  }

  /** The line that already has the id in bytes a..z, or -1 after recording it for line i. */
  claimBytes(a: number, z: number, i: number): number {
    if ((this.count + 1) * 4 > this.slots.length) this.grow();
    const slots = this.slots;
    const mask = slots.length - 2;
    const h = mix(fnv1aBytes(this.index.source.bytes, a, z));
    let slot = (h << 1) & mask;
    for (;;) {
      const held = slots[slot] as number;
      if (held === 0) break;
      if (slots[slot + 1] === h && this.heldEqualsBytes(held - 1, a, z)) return held - 1;
      slot = (slot + 2) & mask;
    }
    slots[slot] = i + 1;
    slots[slot + 1] = h;
    this.count++;
    return -1;
  }

  /** claimBytes for an id given as a string (derived ids), recorded in `derivedIds` when free. */
  claimString(id: string, i: number): boolean {
    if ((this.count + 1) * 4 > this.slots.length) this.grow();
    const slots = this.slots;
    const mask = slots.length - 2;
    const h = mix(fnv1a(id));
    let slot = (h << 1) & mask;
    for (;;) {
      const held = slots[slot] as number;
      if (held === 0) break;
      if (slots[slot + 1] === h && this.index.id(held - 1) === id) return false;
      slot = (slot + 2) & mask;
    }
    slots[slot] = i + 1;
    slots[slot + 1] = h;
    this.count++;
    this.index.derivedIds.set(i, id);
    return true;
  }

  private heldEqualsBytes(line: number, a: number, z: number): boolean {
    const index = this.index;
    const at = index.idAt[line] as number;
    const b = index.source.bytes;
    if (at === -1) {
      const id = index.derivedIds.get(line) as string;
      if (id.length !== z - a) return false;
      for (let k = 0; k < id.length; k++) if (id.charCodeAt(k) !== b[a + k]) return false;
      return true;
    }
    if ((index.idEnd[line] as number) - at !== z - a) return false;
    for (let k = 0; k < z - a; k++) if (b[at + k] !== b[a + k]) return false;
    return true;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length - 2;
    for (let k = 0; k < old.length; k += 2) {
      if (old[k] === 0) continue;
      const h = old[k + 1] as number;
      let slot = (h << 1) & mask;
      while (slots[slot] !== 0) slot = (slot + 2) & mask;
      slots[slot] = old[k] as number;
      slots[slot + 1] = h;
    }
    this.slots = slots;
  }

  assignDerived(): void {
    const index = this.index;
    for (let i = 0; i < index.count; i++) {
      if (index.kind[i] !== KIND_ITEM) continue;
      if (index.idAt[i] !== -1 && !index.duplicates.has(i)) continue;
      // For an ASCII line the hash of its bytes is the hash of its text: no string needed.
      const base = index.isAscii(i)
        ? idOfHash(fnv1aBytes(index.source.bytes, index.start[i] as number, index.end[i] as number))
        : derivedId(index.text(i));
      let id = base;
      for (let n = 2; !this.claimString(id, i); n++) id = `${base}${n}`;
    }
  }
}

/** Mixed so the low bits (the slot) depend on every character. */
function mix(h: number): number {
  return h ^ (h >>> 15);
}

/** FNV-1a over the text, in base 36: six characters, so never confused with a 4-character id. */
export function derivedId(text: string): string {
  return idOfHash(fnv1a(text));
}

function idOfHash(h: number): string {
  return (h >>> 0).toString(36).padStart(7, "0").slice(-6);
}

/**
 * One small index kept for the life of the process. V8 holds the hidden classes of objects
 * built field by field (the index, its id table) only while some object has them; a full
 * garbage collection after the last docket is dropped frees them, and with them the optimised
 * code that knows them, so the next docket is read by cold code again. A long-running process
 * (the dashboard server re-reading the docket) would pay that after every full collection.
 */
const keptIndex = indexDocket(new Uint8Array(0), false);
const keptIds = new IdTable(keptIndex);
keptIds.claimString("kept", 0);
export const KEPT_FOR_THEIR_CLASSES = [keptIndex, keptIds] as const;

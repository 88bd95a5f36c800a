import { isAscii, isUtf8 } from "node:buffer";
import { CATEGORIES, type Category } from "../category.js";
import { isIsoDate } from "../dates.js";
import { parseDuration } from "../duration.js";
import { fnv1a } from "../fnv1a.js";
import type { Docket, Eol, Item, ItemLine, Line, Tag } from "./item.js";
import { parseRecurrence, type Recurrence } from "./recurrence.js";

const BOM = "\uFEFF";

/**
 * Reads a docket. Never fails: a line ppppt cannot read becomes an `invalid` line that keeps
 * its exact text (or bytes) and says what is wrong, so `printDocket(parseDocket(x))` is `x`.
 */
export function parseDocket(input: Uint8Array | string): Docket {
  if (typeof input === "string") {
    const bom = input.startsWith(BOM);
    return { bom, lines: parseLines(bom ? input.slice(1) : input, undefined) };
  }
  const bom = input.length >= 3 && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
  const bytes = bom ? input.subarray(3) : input;
  // Only a file with invalid UTF-8 is split as bytes; the usual file is read as one string.
  if (!isUtf8(bytes)) return { bom, lines: parseLinesOfBytes(bytes) };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return { bom, lines: parseLines(buffer.toString("latin1"), buffer) };
}

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
function decode(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/**
 * Splits `source` into lines and reads each. When `utf8` is given, `source` is those bytes
 * read as Latin-1: copying bytes into a one-byte string is ten times faster than decoding
 * UTF-8, and every string sliced from it stays one byte per character. That is the right
 * text for the lines that are pure ASCII (nearly all); a line holding any byte from 0x80 up
 * is decoded from its bytes as UTF-8 instead. Newlines are ASCII, so the lines are the same.
 */
function parseLines(source: string, utf8: Buffer | undefined): Line[] {
  const lines: Line[] = [];
  const ids = new IdRegistry(lines, source.length);
  const length = source.length;
  let nonAscii = utf8 === undefined || isAscii(utf8) ? length : nextNonAscii(utf8, source, 0);
  // Where the next run of two spaces and the next tab are: found once for the whole text
  // instead of twice per line, so a line that has neither is known to be single-spaced.
  let doubleSpace = indexOrEnd(source, "  ", 0);
  let tab = indexOrEnd(source, "\t", 0);
  let start = 0;
  let number = 1;
  while (start < length) {
    const nl = source.indexOf("\n", start);
    let end: number;
    let eol: Eol;
    let next: number;
    if (nl === -1) {
      end = length;
      eol = "";
      next = length;
    } else if (nl > start && source.charCodeAt(nl - 1) === 13) {
      end = nl - 1;
      eol = "\r\n";
      next = nl + 1;
    } else {
      end = nl;
      eol = "\n";
      next = nl + 1;
    }
    let text: string;
    if (nonAscii < end) {
      text = decode((utf8 as Buffer).subarray(start, end));
      nonAscii = nextNonAscii(utf8 as Buffer, source, next);
    } else {
      text = source.slice(start, end);
    }
    lines.push(parseLine(text, eol, number, ids, doubleSpace >= end && tab >= end));
    if (doubleSpace < next) doubleSpace = indexOrEnd(source, "  ", next);
    if (tab < next) tab = indexOrEnd(source, "\t", next);
    start = next;
    number++;
  }
  ids.assignDerived(lines);
  return lines;
}

function indexOrEnd(source: string, part: string, from: number): number {
  const at = source.indexOf(part, from);
  return at === -1 ? source.length : at;
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

function parseLinesOfBytes(bytes: Uint8Array): Line[] {
  const lines: Line[] = [];
  const ids = new IdRegistry(lines, bytes.length);
  let start = 0;
  let number = 1;
  while (start < bytes.length) {
    const nl = bytes.indexOf(10, start);
    const hasNl = nl !== -1;
    const stop = hasNl ? nl : bytes.length;
    const crlf = hasNl && nl > start && bytes[nl - 1] === 13;
    const end = crlf ? stop - 1 : stop;
    const eol: Eol = hasNl ? (crlf ? "\r\n" : "\n") : "";
    const raw = bytes.subarray(start, end);
    if (isUtf8(raw)) {
      lines.push(parseLine(decode(raw), eol, number, ids, false));
    } else {
      lines.push({
        kind: "invalid",
        number,
        text: raw.slice(),
        eol,
        problem: "the line is not valid UTF-8",
      });
    }
    start = hasNl ? nl + 1 : bytes.length;
    number++;
  }
  ids.assignDerived(lines);
  return lines;
}

/** `plain`: the text is known to have no tab and no two spaces in a row. */
function parseLine(text: string, eol: Eol, number: number, ids: IdRegistry, plain: boolean): Line {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i === text.length) return { kind: "blank", number, text, eol };
  if (text.charCodeAt(i) === 35 /* # */) return { kind: "comment", number, text, eol };
  const parsed = readItem(text, plain);
  if (typeof parsed === "string") return { kind: "invalid", number, text, eol, problem: parsed };
  if (parsed.ownId !== undefined) {
    const clash = ids.claim(parsed.ownId, number);
    if (clash !== undefined) {
      return {
        kind: "invalid",
        number,
        text,
        eol,
        problem: `id:${parsed.ownId} is already used on line ${clash}`,
      };
    }
  }
  return { kind: "item", number, text, eol, item: parsed, id: parsed.ownId ?? "" };
}

/**
 * Reads one todo.txt task. Returns the item, or a sentence saying why the line is not one
 * ppppt can trust (a bad date, an unknown category…), which makes the line `invalid`.
 *
 * Every `ppppt` command parses the whole docket before doing anything else, mostly in code
 * the JIT has not warmed up yet, so the work is pushed into V8's compiled RegExps and string
 * builtins: one RegExp reads the todo.txt prefix, another finds the +projects, @contexts and
 * key:value tags of a line spaced the usual way; a line with tabs or runs of spaces is read
 * by a plain scanner instead. Both give the same item.
 */
export function parseItem(text: string): Item | string {
  return readItem(text, false);
}

/** parseItem; `plain` says the text has no tab and no two spaces in a row, so need not be searched. */
function readItem(text: string, plain: boolean): Item | string {
  // Most lines start with none of the todo.txt prefix's parts, so only a line that may is matched.
  let at = 0;
  let done = false;
  let priority: string | undefined;
  let completed: string | undefined;
  let created: string | undefined;
  const first = text.charCodeAt(0);
  if (first === 120 /* x */ || first === 40 /* ( */ || (first >= 48 && first <= 57)) {
    // Every part of PREFIX is optional, so it always matches.
    const head = PREFIX.exec(text) as RegExpExecArray;
    done = head[1] !== undefined;
    completed = head[2];
    if (completed !== undefined && !isIsoDate(completed))
      return `completion date ${completed} is not a real date`;
    priority = head[3];
    created = head[4];
    if (created !== undefined && !isIsoDate(created))
      return `creation date ${created} is not a real date`;
    at = head[0].length;
  }
  const body = at === 0 ? text : text.slice(at);

  projectCount = 0;
  contextCount = 0;
  tagCount = 0;
  ownId = undefined;
  category = undefined;
  categoryGuess = false;
  due = undefined;
  threshold = undefined;
  rec = undefined;
  hidden = false;
  estimate = undefined;
  spent = undefined;
  const singleSpaced = plain
    ? body.charCodeAt(0) !== 32 && body.charCodeAt(body.length - 1) !== 32
    : isSingleSpaced(body);
  const problem = singleSpaced ? readSingleSpaced(body) : readAnySpacing(body);
  if (problem !== undefined) return problem;

  return {
    done,
    priority,
    completed,
    created,
    body,
    title,
    projects: projectCount === 0 ? NONE : projectScratch.slice(0, projectCount),
    contexts: contextCount === 0 ? NONE : contextScratch.slice(0, contextCount),
    tags: tagCount === 0 ? NO_TAGS : tagScratch.slice(0, tagCount),
    ownId,
    category,
    categoryGuess,
    due,
    threshold,
    rec,
    hidden,
    estimate,
    spent,
  };
}

/**
 * Shared by every item without projects, contexts or tags: all items stay in memory, so one
 * array per empty list would be thousands of allocations the collector has to copy. Frozen,
 * so code that tried to change one would fail loudly instead of changing every item.
 */
const NONE: readonly string[] = Object.freeze([]);
const NO_TAGS: readonly Tag[] = Object.freeze([]);

/**
 * In a single-spaced body, the next +project, @context or tag. Keys start with a letter, so
 * times ("10:30") stay words; a value starting with "/" is a URL's rest ("http://…"), so that
 * word is no tag either. Used with test(), which allocates nothing: the match is the whole
 * word, so it ends at lastIndex and starts after the space before that.
 */
/** `x `, its completion date, `(A) `, the creation date: each date followed by a space or the end. */
const PREFIX = /^(x (?:(\d{4}-\d\d-\d\d)(?: |$))?)?(?:\(([A-Z])\) )?(?:(\d{4}-\d\d-\d\d)(?: |$))?/;

const SPECIAL = /(?:^| )(?:[+@][^ ]|[A-Za-z][A-Za-z0-9_.-]*:[^ /])[^ ]*/g;

/*
 * What parseItem has read of the current line so far. Module-level and reset for each line,
 * since parsing is synchronous: one set of variables costs nothing per item, and the
 * scratch arrays are copied out at their exact length (a pushed-to empty array reserves room
 * for 16 entries, and a docket has three arrays per item).
 */
const projectScratch: string[] = [];
const contextScratch: string[] = [];
const tagScratch: Tag[] = [];
let projectCount = 0;
let contextCount = 0;
let tagCount = 0;
let title = "";
let ownId: string | undefined;
let category: Category | undefined;
let categoryGuess = false;
let due: string | undefined;
let threshold: string | undefined;
let rec: Recurrence | undefined;
let hidden = false;
let estimate: number | undefined;
let spent: number | undefined;

/** Words separated by exactly one space, no tabs: the shape nearly every line has. */
function isSingleSpaced(body: string): boolean {
  return (
    body.indexOf("  ") === -1 &&
    body.indexOf("\t") === -1 &&
    body.charCodeAt(0) !== 32 &&
    body.charCodeAt(body.length - 1) !== 32
  );
}

/** The body's projects, contexts, tags and title, found by SPECIAL; the title is what lies between the tags. */
function readSingleSpaced(body: string): string | undefined {
  title = "";
  let words = 0; // where the current run of non-tag words starts
  SPECIAL.lastIndex = 0;
  while (SPECIAL.test(body)) {
    const end = SPECIAL.lastIndex;
    const start = body.lastIndexOf(" ", end - 1) + 1;
    const first = body.charCodeAt(start);
    if (first === 43 /* + */) {
      projectScratch[projectCount++] = body.slice(start + 1, end);
      continue;
    }
    if (first === 64 /* @ */) {
      contextScratch[contextCount++] = body.slice(start + 1, end);
      continue;
    }
    if (start > words) addWords(body.slice(words, start - 1));
    words = end + 1;
    const colon = body.indexOf(":", start);
    const problem = readTag(tagKey(body, start, colon), body.slice(colon + 1, end));
    if (problem !== undefined) return problem;
  }
  if (words < body.length) addWords(words === 0 ? body : body.slice(words));
  return undefined;
}

/** ppppt's keys as shared constants (no string made per tag); any other key is sliced. */
function tagKey(text: string, start: number, colon: number): string {
  switch (colon - start) {
    case 1:
      if (text.startsWith("t", start)) return "t";
      if (text.startsWith("h", start)) return "h";
      break;
    case 2:
      if (text.startsWith("id", start)) return "id";
      break;
    case 3:
      if (text.startsWith("cat", start)) return "cat";
      if (text.startsWith("due", start)) return "due";
      if (text.startsWith("est", start)) return "est";
      if (text.startsWith("rec", start)) return "rec";
      break;
    case 5:
      if (text.startsWith("spent", start)) return "spent";
      break;
  }
  return text.slice(start, colon);
}

/** The same as readSingleSpaced for any spacing: splits on runs of spaces and tabs. */
function readAnySpacing(body: string): string | undefined {
  title = "";
  const length = body.length;
  let i = 0;
  while (i < length) {
    const c = body.charCodeAt(i);
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    const start = i;
    while (i < length && body.charCodeAt(i) !== 32 && body.charCodeAt(i) !== 9) i++;
    const word = body.slice(start, i);
    const first = word.charCodeAt(0);
    if (word.length > 1 && (first === 43 /* + */ || first === 64) /* @ */) {
      if (first === 43) projectScratch[projectCount++] = word.slice(1);
      else contextScratch[contextCount++] = word.slice(1);
    }
    const colon = word.indexOf(":");
    if (
      colon > 0 &&
      colon < word.length - 1 &&
      isTagKey(word, colon) &&
      word.charCodeAt(colon + 1) !== 47 /* / */
    ) {
      const problem = readTag(word.slice(0, colon), word.slice(colon + 1));
      if (problem !== undefined) return problem;
      continue;
    }
    addWords(word);
  }
  return undefined;
}

function addWords(words: string): void {
  title = title === "" ? words : `${title} ${words}`;
}

/** A tag's key starts with a letter and has only letters, digits, `_`, `-` and `.`. */
function isTagKey(word: string, colon: number): boolean {
  const c = word.charCodeAt(0);
  if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) return false;
  for (let k = 1; k < colon; k++) {
    const d = word.charCodeAt(k);
    const ok =
      (d >= 97 && d <= 122) ||
      (d >= 65 && d <= 90) ||
      (d >= 48 && d <= 57) ||
      d === 95 ||
      d === 45 ||
      d === 46;
    if (!ok) return false;
  }
  return true;
}

/** Records a tag; reads the ones ppppt gives meaning to, or says what is wrong with one. */
function readTag(key: string, value: string): string | undefined {
  tagScratch[tagCount++] = { key, value };
  switch (key) {
    case "id":
      if (ownId !== undefined) return "more than one id: tag";
      if (!ID_TEXT.test(value)) return `id:${value} may use only letters, digits, _ and -`;
      ownId = value;
      return undefined;
    case "cat": {
      if (category !== undefined) return "more than one cat: tag";
      const guess = value.charCodeAt(value.length - 1) === 63; /* ? */
      const k = categoryIndex(guess ? value.slice(0, -1) : value);
      if (k === -1)
        return `cat:${value} is not a category (people, product, process, public, tech)`;
      category = CATEGORIES[k] as Category;
      categoryGuess = guess;
      // Nearly every item has one: a shared tag saves an object and a string per item.
      tagScratch[tagCount - 1] = (guess ? GUESSED_TAGS[k] : CATEGORY_TAGS[k]) as Tag;
      return undefined;
    }
    case "due":
      if (!isIsoDate(value)) return `due:${value} is not a date (YYYY-MM-DD)`;
      due = value;
      return undefined;
    case "t":
      if (!isIsoDate(value)) return `t:${value} is not a date (YYYY-MM-DD)`;
      threshold = value;
      return undefined;
    case "rec":
      rec = parseRecurrence(value);
      if (!rec) return `rec:${value} is not a recurrence (like 1w, +2d, 1m, 3b)`;
      return undefined;
    case "h":
      hidden = value === "1";
      return undefined;
    case "est":
      estimate = parseDuration(value);
      if (estimate === undefined) return `est:${value} is not a duration (like 45m, 2h, 1h30m, 1d)`;
      return undefined;
    case "spent":
      spent = parseDuration(value);
      if (spent === undefined) return `spent:${value} is not a duration (like 45m, 2h, 1h30m, 1d)`;
      return undefined;
  }
  return undefined;
}

/** The tags `cat:people`… and `cat:people?`…, read-only like every Tag. */
const CATEGORY_TAGS: readonly Tag[] = CATEGORIES.map((c) => ({ key: "cat", value: c }));
const GUESSED_TAGS: readonly Tag[] = CATEGORIES.map((c) => ({ key: "cat", value: `${c}?` }));

const ID_TEXT = /^[A-Za-z0-9_-]+$/;

/** Where the category spelled exactly `name` is in CATEGORIES, or -1. */
function categoryIndex(name: string): number {
  for (let k = 0; k < CATEGORIES.length; k++) if (CATEGORIES[k] === name) return k;
  return -1;
}

/**
 * Hands out ids. Items with an `id:` tag keep it; items written by other todo.txt apps get an
 * id derived from their text, so the same line has the same id on every run without ppppt
 * having to write anything into it.
 */
class IdRegistry {
  /**
   * An open-addressing hash set of the ids handed out so far, as the numbers of the lines
   * holding them (0 for an empty slot); a line's id is read back from `lines`. A Map of
   * 100k strings cost several times more, most of it in growing and collecting the Map.
   */
  private slots: Int32Array;
  private count = 0;

  constructor(
    private readonly lines: readonly Line[],
    textLength: number,
  ) {
    // Room for a line per 64 characters at most half full, so a usual docket never grows it.
    let size = 64;
    while (size < textLength / 32) size *= 2;
    this.slots = new Int32Array(size);
  }

  /** The line that already has `id`, or undefined after recording it for `line`. */
  claim(id: string, line: number): number | undefined {
    // Grown before probing, so every line it rehashes already holds its id.
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    const mask = this.slots.length - 1;
    let slot = hashId(id) & mask;
    for (;;) {
      const held = this.slots[slot] as number;
      if (held === 0) break;
      if ((this.lines[held - 1] as ItemLine).id === id) return held;
      slot = (slot + 1) & mask;
    }
    this.slots[slot] = line;
    this.count++;
    return undefined;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length - 1;
    for (const held of old) {
      if (held === 0) continue;
      let slot = hashId((this.lines[held - 1] as ItemLine).id) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = held;
    }
    this.slots = slots;
  }

  assignDerived(lines: Line[]): void {
    for (const line of lines) {
      if (line.kind !== "item" || line.id !== "") continue;
      let id = derivedId(line.text);
      // The line's own id is "" until this loop settles it, so it never matches itself.
      for (let n = 2; this.claim(id, line.number) !== undefined; n++) {
        id = `${derivedId(line.text)}${n}`;
      }
      line.id = id;
    }
  }
}

/** FNV-1a over the id's characters, mixed so its low bits (the slot) depend on all of them. */
function hashId(id: string): number {
  const h = fnv1a(id);
  return h ^ (h >>> 15);
}

/** FNV-1a over the text, in base 36: six characters, so never confused with a 4-character id. */
export function derivedId(text: string): string {
  return (fnv1a(text) >>> 0).toString(36).padStart(7, "0").slice(-6);
}

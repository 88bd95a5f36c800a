import { isUtf8 } from "node:buffer";
import { CATEGORIES, type Category } from "../category.js";
import { isIsoDate } from "../dates.js";
import { parseDuration } from "../duration.js";
import type { Docket, Eol, Item, Line, Tag } from "./item.js";
import { parseRecurrence, type Recurrence } from "./recurrence.js";

const BOM = "\uFEFF";

/**
 * Reads a docket. Never fails: a line ppppt cannot read becomes an `invalid` line that keeps
 * its exact text (or bytes) and says what is wrong, so `printDocket(parseDocket(x))` is `x`.
 */
export function parseDocket(input: Uint8Array | string): Docket {
  if (typeof input === "string") {
    const bom = input.startsWith(BOM);
    return { bom, lines: parseLines(bom ? input.slice(1) : input) };
  }
  const bom = input.length >= 3 && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
  const bytes = bom ? input.subarray(3) : input;
  // The fast path decodes the file once; only a file with invalid UTF-8 is split as bytes.
  if (isUtf8(bytes)) return { bom, lines: parseLines(decode(bytes)) };
  return { bom, lines: parseLinesOfBytes(bytes) };
}

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
function decode(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

function parseLines(source: string): Line[] {
  const lines: Line[] = [];
  const ids = new IdRegistry();
  let start = 0;
  let number = 1;
  while (start < source.length) {
    const nl = source.indexOf("\n", start);
    let end: number;
    let eol: Eol;
    let next: number;
    if (nl === -1) {
      end = source.length;
      eol = "";
      next = source.length;
    } else if (nl > start && source.charCodeAt(nl - 1) === 13) {
      end = nl - 1;
      eol = "\r\n";
      next = nl + 1;
    } else {
      end = nl;
      eol = "\n";
      next = nl + 1;
    }
    lines.push(parseLine(source.slice(start, end), eol, number, ids));
    start = next;
    number++;
  }
  ids.assignDerived(lines);
  return lines;
}

function parseLinesOfBytes(bytes: Uint8Array): Line[] {
  const lines: Line[] = [];
  const ids = new IdRegistry();
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
      lines.push(parseLine(decode(raw), eol, number, ids));
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

function parseLine(text: string, eol: Eol, number: number, ids: IdRegistry): Line {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i === text.length) return { kind: "blank", number, text, eol };
  if (text.charCodeAt(i) === 35 /* # */) return { kind: "comment", number, text, eol };
  const parsed = parseItem(text);
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
  // Every part of PREFIX is optional, so it always matches.
  const head = PREFIX.exec(text) as RegExpExecArray;
  const completed = head[2];
  if (completed !== undefined && !isIsoDate(completed))
    return `completion date ${completed} is not a real date`;
  const created = head[4];
  if (created !== undefined && !isIsoDate(created))
    return `creation date ${created} is not a real date`;
  const body = head[0].length === 0 ? text : text.slice(head[0].length);

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
  const problem = isSingleSpaced(body) ? readSingleSpaced(body) : readAnySpacing(body);
  if (problem !== undefined) return problem;

  return {
    done: head[1] !== undefined,
    priority: head[3],
    completed,
    created,
    body,
    title,
    projects: projectCount === 0 ? [] : projectScratch.slice(0, projectCount),
    contexts: contextCount === 0 ? [] : contextScratch.slice(0, contextCount),
    tags: tagCount === 0 ? [] : tagScratch.slice(0, tagCount),
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

/** `x `, its completion date, `(A) `, the creation date: each date followed by a space or the end. */
const PREFIX = /^(x (?:(\d{4}-\d\d-\d\d)(?: |$))?)?(?:\(([A-Z])\) )?(?:(\d{4}-\d\d-\d\d)(?: |$))?/;

/**
 * In a single-spaced body, the next +project, @context or tag. Keys start with a letter, so
 * times ("10:30") stay words; a value starting with "/" is a URL's rest ("http://…"), so that
 * word is no tag either. Used with test(), which allocates nothing: the match is the whole
 * word, so it ends at lastIndex and starts after the space before that.
 */
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
      const name = categoryNamed(guess ? value.slice(0, -1) : value);
      if (name === undefined)
        return `cat:${value} is not a category (people, product, process, public, tech)`;
      category = name;
      categoryGuess = guess;
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

const ID_TEXT = /^[A-Za-z0-9_-]+$/;

/** The category spelled exactly `name`, as the shared constant. */
function categoryNamed(name: string): Category | undefined {
  for (const c of CATEGORIES) if (c === name) return c;
  return undefined;
}

/**
 * Hands out ids. Items with an `id:` tag keep it; items written by other todo.txt apps get an
 * id derived from their text, so the same line has the same id on every run without ppppt
 * having to write anything into it.
 */
class IdRegistry {
  private readonly used = new Map<string, number>();

  claim(id: string, line: number): number | undefined {
    const prior = this.used.get(id);
    if (prior !== undefined) return prior;
    this.used.set(id, line);
    return undefined;
  }

  assignDerived(lines: Line[]): void {
    for (const line of lines) {
      if (line.kind !== "item" || line.id !== "") continue;
      let id = derivedId(line.text);
      for (let n = 2; this.used.has(id); n++) id = `${derivedId(line.text)}${n}`;
      this.used.set(id, line.number);
      line.id = id;
    }
  }
}

/** FNV-1a over the text, in base 36: six characters, so never confused with a 4-character id. */
export function derivedId(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).padStart(7, "0").slice(-6);
}

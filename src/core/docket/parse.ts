import { isUtf8 } from "node:buffer";
import { CATEGORIES, type Category } from "../category.js";
import { isIsoDate, isIsoDateAt } from "../dates.js";
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
 * A hand-written scanner: one pass over the text, no RegExps, and a slice only for what the
 * item keeps, since every `ppppt` command parses the whole docket before doing anything else.
 */
export function parseItem(text: string): Item | string {
  const length = text.length;
  let pos = 0;
  let done = false;
  let priority: string | undefined;
  let completed: string | undefined;
  let created: string | undefined;

  if (length >= 2 && text.charCodeAt(0) === 120 /* x */ && text.charCodeAt(1) === 32) {
    done = true;
    pos = 2;
    if (isDateToken(text, pos)) {
      const c = text.slice(pos, pos + 10);
      if (!isIsoDateAt(text, pos)) return `completion date ${c} is not a real date`;
      completed = c;
      pos += 11;
    }
  }
  if (
    pos + 4 <= length &&
    text.charCodeAt(pos) === 40 /* ( */ &&
    isUpper(text.charCodeAt(pos + 1)) &&
    text.charCodeAt(pos + 2) === 41 /* ) */ &&
    text.charCodeAt(pos + 3) === 32
  ) {
    priority = text[pos + 1];
    pos += 4;
  }
  if (isDateToken(text, pos)) {
    const d = text.slice(pos, pos + 10);
    if (!isIsoDateAt(text, pos)) return `creation date ${d} is not a real date`;
    created = d;
    pos += 11;
  }
  if (pos > length) pos = length;
  const body = text.slice(pos);

  // Collected in shared scratch arrays and copied out at their exact length: a pushed-to
  // empty array reserves room for 16 entries, and a docket has three arrays per item.
  let projectCount = 0;
  let contextCount = 0;
  let tagCount = 0;
  let ownId: string | undefined;
  let category: Category | undefined;
  let categoryGuess = false;
  let due: string | undefined;
  let threshold: string | undefined;
  let rec: Recurrence | undefined;
  let hidden = false;
  let estimate: number | undefined;
  let spent: number | undefined;

  // The title is the non-tag words joined by single spaces. Runs of words already so joined
  // in the text are taken as one slice, so a typical title costs one or two strings.
  let title = "";
  let runStart = -1;
  let runEnd = -1;

  // Words end at a space, or a tab in the rare line that has one; both found by indexOf.
  const hasTab = text.indexOf("\t", pos) !== -1;
  let nextColon = -1;
  let i = pos;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    const start = i;
    let end = hasTab ? wordEnd(text, start) : text.indexOf(" ", start);
    if (end === -1) end = length;
    i = end;
    if (nextColon !== length && nextColon < start) {
      nextColon = text.indexOf(":", start);
      if (nextColon === -1) nextColon = length;
    }
    const colon =
      nextColon < end && nextColon > start && isTagKey(text, start, nextColon) ? nextColon : -1;
    const first = text.charCodeAt(start);
    if (end - start > 1) {
      if (first === 43 /* + */) projectScratch[projectCount++] = text.slice(start + 1, end);
      else if (first === 64 /* @ */) contextScratch[contextCount++] = text.slice(start + 1, end);
    }
    if (colon !== -1 && colon < end - 1 && text.charCodeAt(colon + 1) !== 47 /* / */) {
      const key = tagKey(text, start, colon);
      const value = text.slice(colon + 1, end);
      tagScratch[tagCount++] = { key, value };
      switch (key) {
        case "id":
          if (ownId !== undefined) return "more than one id: tag";
          if (!isIdText(value)) return `id:${value} may use only letters, digits, _ and -`;
          ownId = value;
          break;
        case "cat": {
          if (category !== undefined) return "more than one cat: tag";
          const guess = value.charCodeAt(value.length - 1) === 63; /* ? */
          const name = categoryNamed(guess ? value.slice(0, -1) : value);
          if (name === undefined)
            return `cat:${value} is not a category (people, product, process, public, tech)`;
          category = name;
          categoryGuess = guess;
          break;
        }
        case "due":
          if (!isIsoDate(value)) return `due:${value} is not a date (YYYY-MM-DD)`;
          due = value;
          break;
        case "t":
          if (!isIsoDate(value)) return `t:${value} is not a date (YYYY-MM-DD)`;
          threshold = value;
          break;
        case "rec":
          rec = parseRecurrence(value);
          if (!rec) return `rec:${value} is not a recurrence (like 1w, +2d, 1m, 3b)`;
          break;
        case "h":
          hidden = value === "1";
          break;
        case "est":
          estimate = parseDuration(value);
          if (estimate === undefined)
            return `est:${value} is not a duration (like 45m, 2h, 1h30m, 1d)`;
          break;
        case "spent":
          spent = parseDuration(value);
          if (spent === undefined)
            return `spent:${value} is not a duration (like 45m, 2h, 1h30m, 1d)`;
          break;
      }
      // A tag ends the run of words: the next word is joined to the title with one space.
      if (runStart !== -1) {
        title = appendWords(title, text, runStart, runEnd);
        runStart = -1;
      }
      continue;
    }
    if (runStart !== -1 && start === runEnd + 1 && text.charCodeAt(runEnd) === 32) {
      runEnd = end;
    } else {
      if (runStart !== -1) title = appendWords(title, text, runStart, runEnd);
      runStart = start;
      runEnd = end;
    }
  }
  if (runStart !== -1) title = appendWords(title, text, runStart, runEnd);

  return {
    done,
    priority,
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

const projectScratch: string[] = [];
const contextScratch: string[] = [];
const tagScratch: Tag[] = [];

/** Where the word starting at `start` ends: the next space or tab, or -1 at the line's end. */
function wordEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) return i;
  }
  return -1;
}

/** A tag's key starts with a letter (so "10:30" stays a word) and has no odd characters. */
function isTagKey(text: string, start: number, colon: number): boolean {
  if (!isLetter(text.charCodeAt(start))) return false;
  for (let k = start + 1; k < colon; k++) if (!isKeyChar(text.charCodeAt(k))) return false;
  return true;
}

function appendWords(title: string, text: string, start: number, end: number): string {
  const words = text.slice(start, end);
  return title === "" ? words : `${title} ${words}`;
}

/** A todo.txt date token: `DDDD-DD-DD` followed by a space or the end of the line. */
function isDateToken(text: string, at: number): boolean {
  if (text.length < at + 10 || text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45)
    return false;
  if (text.length > at + 10 && text.charCodeAt(at + 10) !== 32) return false;
  for (let i = at; i < at + 10; i++) {
    if (i === at + 4 || i === at + 7) continue;
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isKeyChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46;
}

function isIdText(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (!(isLetter(c) || (c >= 48 && c <= 57) || c === 95 || c === 45)) return false;
  }
  return value.length > 0;
}

/** ppppt's keys as shared constants (no string made per tag); any other key is sliced. */
function tagKey(text: string, start: number, colon: number): string {
  const c0 = text.charCodeAt(start);
  switch (colon - start) {
    case 1:
      if (c0 === 116) return "t";
      if (c0 === 104) return "h";
      break;
    case 2:
      if (c0 === 105 && text.charCodeAt(start + 1) === 100) return "id";
      break;
    case 3: {
      const c1 = text.charCodeAt(start + 1);
      const c2 = text.charCodeAt(start + 2);
      if (c0 === 99 && c1 === 97 && c2 === 116) return "cat";
      if (c0 === 100 && c1 === 117 && c2 === 101) return "due";
      if (c0 === 114 && c1 === 101 && c2 === 99) return "rec";
      if (c0 === 101 && c1 === 115 && c2 === 116) return "est";
      break;
    }
    case 5:
      if (text.startsWith("spent", start)) return "spent";
      break;
  }
  return text.slice(start, colon);
}

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

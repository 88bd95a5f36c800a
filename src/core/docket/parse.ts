import { isUtf8 } from "node:buffer";
import { type Category, isCategory } from "../category.js";
import { isIsoDate } from "../dates.js";
import { parseDuration } from "../duration.js";
import type { Docket, Eol, Item, Line } from "./item.js";
import { parseRecurrence } from "./recurrence.js";

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

const PRIORITY = /^\(([A-Z])\) /;

function readDate(text: string, at: number): string | undefined {
  // A date token is exactly 10 characters followed by a space (or the end).
  if (text.length < at + 10 || text.charCodeAt(at + 4) !== 45 || text.charCodeAt(at + 7) !== 45)
    return undefined;
  if (text.length > at + 10 && text.charCodeAt(at + 10) !== 32) return undefined;
  const candidate = text.slice(at, at + 10);
  return /^\d{4}-\d{2}-\d{2}$/.test(candidate) ? candidate : undefined;
}

/**
 * Reads one todo.txt task. Returns the item, or a sentence saying why the line is not one
 * ppppt can trust (a bad date, an unknown category…), which makes the line `invalid`.
 */
export function parseItem(text: string): Item | string {
  let pos = 0;
  let done = false;
  let priority: string | undefined;
  let completed: string | undefined;
  let created: string | undefined;

  if (text.startsWith("x ")) {
    done = true;
    pos = 2;
    const c = readDate(text, pos);
    if (c !== undefined) {
      if (!isIsoDate(c)) return `completion date ${c} is not a real date`;
      completed = c;
      pos += 11;
    }
  }
  const pm = PRIORITY.exec(pos === 0 ? text : text.slice(pos));
  if (pm) {
    priority = pm[1];
    pos += 4;
  }
  const d = readDate(text, pos);
  if (d !== undefined) {
    if (!isIsoDate(d)) return `creation date ${d} is not a real date`;
    created = d;
    pos += 11;
  }
  if (pos > text.length) pos = text.length;
  const body = text.slice(pos);

  const item: Item = {
    done,
    priority,
    completed,
    created,
    body,
    title: "",
    projects: [],
    contexts: [],
    tags: [],
    ownId: undefined,
    category: undefined,
    categoryGuess: false,
    due: undefined,
    threshold: undefined,
    rec: undefined,
    hidden: false,
    estimate: undefined,
    spent: undefined,
  };

  const words: string[] = [];
  const tokens = body.split(/[ \t]+/);
  for (const token of tokens) {
    if (token === "") continue;
    const first = token.charCodeAt(0);
    if (first === 43 /* + */ && token.length > 1) item.projects.push(token.slice(1));
    else if (first === 64 /* @ */ && token.length > 1) item.contexts.push(token.slice(1));
    const colon = token.indexOf(":");
    if (colon > 0 && colon < token.length - 1 && isTagKey(token, colon)) {
      const key = token.slice(0, colon);
      const value = token.slice(colon + 1);
      if (value.charCodeAt(0) !== 47 /* / */) {
        item.tags.push({ key, value });
        const problem = readKnownTag(item, key, value);
        if (problem) return problem;
        continue;
      }
    }
    words.push(token);
  }
  item.title = words.join(" ");
  return item;
}

function isTagKey(token: string, colon: number): boolean {
  const c = token.charCodeAt(0);
  // Keys start with a letter so times ("10:30") and ratios stay words.
  if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) return false;
  for (let i = 1; i < colon; i++) {
    const k = token.charCodeAt(i);
    const ok =
      (k >= 97 && k <= 122) ||
      (k >= 65 && k <= 90) ||
      (k >= 48 && k <= 57) ||
      k === 95 ||
      k === 45 ||
      k === 46;
    if (!ok) return false;
  }
  return true;
}

function readKnownTag(item: Item, key: string, value: string): string | undefined {
  switch (key) {
    case "id":
      if (item.ownId !== undefined) return `more than one id: tag`;
      if (!/^[A-Za-z0-9_-]+$/.test(value))
        return `id:${value} may use only letters, digits, _ and -`;
      item.ownId = value;
      return;
    case "cat": {
      if (item.category !== undefined) return `more than one cat: tag`;
      const guess = value.endsWith("?");
      const name = guess ? value.slice(0, -1) : value;
      if (!isCategory(name))
        return `cat:${value} is not a category (people, product, process, public, tech)`;
      item.category = name as Category;
      item.categoryGuess = guess;
      return;
    }
    case "due":
      if (!isIsoDate(value)) return `due:${value} is not a date (YYYY-MM-DD)`;
      item.due = value;
      return;
    case "t":
      if (!isIsoDate(value)) return `t:${value} is not a date (YYYY-MM-DD)`;
      item.threshold = value;
      return;
    case "rec": {
      const rec = parseRecurrence(value);
      if (!rec) return `rec:${value} is not a recurrence (like 1w, +2d, 1m, 3b)`;
      item.rec = rec;
      return;
    }
    case "h":
      item.hidden = value === "1";
      return;
    case "est": {
      const minutes = parseDuration(value);
      if (minutes === undefined) return `est:${value} is not a duration (like 45m, 2h, 1h30m, 1d)`;
      item.estimate = minutes;
      return;
    }
    case "spent": {
      const minutes = parseDuration(value);
      if (minutes === undefined)
        return `spent:${value} is not a duration (like 45m, 2h, 1h30m, 1d)`;
      item.spent = minutes;
      return;
    }
  }
  return;
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

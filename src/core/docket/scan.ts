import { CATEGORIES } from "../category.js";
import { isIsoDateAt } from "../dates.js";
import { parseDuration } from "../duration.js";
import { parseRecurrence, type Recurrence } from "./recurrence.js";

/**
 * The one reader of a todo.txt task, over the line's UTF-8 bytes. It records where each part
 * is and what the keys ppppt reads hold, without making a string for anything well-formed.
 * Indexing a docket reads only the prefix and the tags (readTags) and keeps the positions and
 * numbers in columns (docket-index.ts); building an `Item` reads every word (readWords). Every
 * caller reads the result from `scanned` and the token arrays right after the call, before the
 * next line: parsing is synchronous, so one set of fields serves every line without allocating.
 */

/** A line's bytes, with the same bytes as a Latin-1 string to slice ASCII parts from. */
export interface LineSource {
  bytes: Buffer;
  /** `bytes` read as Latin-1: one character per byte, so byte offsets are string offsets. */
  latin1: string;
  /**
   * Where indexing last looked for a colon (from) and found the next one (at; the length when
   * there is none): one search serves every line up to that colon.
   */
  colonFrom: number;
  colonAt: number;
}

export function lineSource(bytes: Uint8Array): LineSource {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return { bytes: buffer, latin1: buffer.toString("latin1"), colonFrom: -1, colonAt: -1 };
}

export const TOKEN_WORD = 0;
export const TOKEN_PROJECT = 1;
export const TOKEN_CONTEXT = 2;
export const TOKEN_TAG = 3;

/** What the last `scanItem` read. Offsets are byte offsets into the source; -1 means absent. */
export const scanned = {
  done: false,
  /** The priority letter's character code, or 0. */
  priority: 0,
  completedAt: -1,
  createdAt: -1,
  bodyStart: 0,
  /** Index into CATEGORIES, or -1. */
  category: -1,
  categoryGuess: false,
  dueAt: -1,
  thresholdAt: -1,
  rec: undefined as Recurrence | undefined,
  hidden: false,
  estimate: -1,
  spent: -1,
  idAt: -1,
  idEnd: -1,
  /** The title when it is one run of single-spaced words (the usual case): where it is. */
  titleAt: -1,
  titleEnd: -1,
  /** False when the title is several runs or has odd spacing, and must be joined word by word. */
  titleContiguous: true,
  tokens: 0,
};

/** Token i is bytes tokenStart[i]..tokenEnd[i]; a tag's colon is at tokenColon[i]. */
export let tokenStart = new Int32Array(64);
export let tokenEnd = new Int32Array(64);
export let tokenColon = new Int32Array(64);
export let tokenKind = new Uint8Array(64);

function growTokens(): void {
  const size = tokenStart.length * 2;
  const grow = <T extends Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
    const next = make(size);
    next.set(old);
    return next;
  };
  tokenStart = grow(tokenStart, (n) => new Int32Array(n));
  tokenEnd = grow(tokenEnd, (n) => new Int32Array(n));
  tokenColon = grow(tokenColon, (n) => new Int32Array(n));
  tokenKind = grow(tokenKind, (n) => new Uint8Array(n));
}

/** The text of bytes a..b: sliced from the Latin-1 copy when ASCII, else decoded as UTF-8. */
export function textAt(source: LineSource, a: number, b: number, ascii: boolean): string {
  return ascii ? source.latin1.slice(a, b) : source.bytes.toString("utf8", a, b);
}

/** True for `\d{4}-\d\d-\d\d` at `at` (the shape only; isIsoDateAt checks it is a real date). */
function dateShapeAt(b: Uint8Array, at: number, end: number): boolean {
  // The dashes first: most text is no date, and that is the cheapest way to tell.
  return (
    at + 10 <= end &&
    b[at + 4] === 45 &&
    b[at + 7] === 45 &&
    CLASS[b[at] as number] === DIGIT &&
    CLASS[b[at + 1] as number] === DIGIT &&
    CLASS[b[at + 2] as number] === DIGIT &&
    CLASS[b[at + 3] as number] === DIGIT &&
    CLASS[b[at + 5] as number] === DIGIT &&
    CLASS[b[at + 6] as number] === DIGIT &&
    CLASS[b[at + 8] as number] === DIGIT &&
    CLASS[b[at + 9] as number] === DIGIT
  );
}

/** A date of the todo.txt prefix: the shape, then a space or the end of the line. */
function prefixDateAt(b: Uint8Array, at: number, end: number): boolean {
  return dateShapeAt(b, at, end) && (at + 10 === end || b[at + 10] === 32);
}

/**
 * Reads the task on bytes start..end (no line ending). Returns undefined when it is an item,
 * or a sentence saying why the line is not one ppppt can trust (a bad date, an unknown
 * category…). `ascii` says the bytes are all below 0x80, so strings can be sliced from `latin1`;
 * `record` keeps each token's place (for building an Item), which indexing does not need.
 *
 * The todo.txt prefix: `x `, then a completion date followed by a space or the end, then
 * `(A) `, then a creation date likewise; each part optional. The rest, the body, is words
 * split on spaces and tabs: `+project`, `@context`, `key:value` (the key starts with a letter,
 * has letters, digits, `_`, `-`, `.`; the value is not empty and does not start with `/`, so
 * times and URLs stay words), and plain words. The title is the body without its tags.
 */
export function scanItem(
  source: LineSource,
  start: number,
  end: number,
  ascii: boolean,
  record: boolean,
): string | undefined {
  const b = source.bytes;
  const s = scanned;
  s.done = false;
  s.priority = 0;
  s.completedAt = -1;
  s.createdAt = -1;
  s.category = -1;
  s.categoryGuess = false;
  s.dueAt = -1;
  s.thresholdAt = -1;
  s.rec = undefined;
  s.hidden = false;
  s.estimate = -1;
  s.spent = -1;
  s.idAt = -1;
  s.idEnd = -1;
  s.titleAt = -1;
  s.titleEnd = -1;
  s.titleContiguous = true;
  s.tokens = 0;

  let at = start;
  if (b[at] === 120 /* x */ && at + 1 < end && b[at + 1] === 32) {
    s.done = true;
    at += 2;
    if (prefixDateAt(b, at, end)) {
      s.completedAt = at;
      at = Math.min(at + 11, end);
    }
  }
  if (s.completedAt !== -1 && !isIsoDateAt(b, s.completedAt)) {
    return `completion date ${source.latin1.slice(s.completedAt, s.completedAt + 10)} is not a real date`;
  }
  if (
    b[at] === 40 /* ( */ &&
    at + 3 < end &&
    (b[at + 1] as number) >= 65 &&
    (b[at + 1] as number) <= 90 &&
    b[at + 2] === 41 /* ) */ &&
    b[at + 3] === 32
  ) {
    s.priority = b[at + 1] as number;
    at += 4;
  }
  if (prefixDateAt(b, at, end)) {
    s.createdAt = at;
    if (!isIsoDateAt(b, at)) {
      return `creation date ${source.latin1.slice(at, at + 10)} is not a real date`;
    }
    at = Math.min(at + 11, end);
  }
  s.bodyStart = at;
  return record ? readWords(source, at, end, ascii) : readTags(source, at, end, ascii);
}

/**
 * Finds and reads the body's tags without looking at its other words: every tag has a colon,
 * and from each colon the scan looks back over the key and forward over the value. Used when
 * indexing, where only the tags matter (they are what can make a line invalid), and mostly
 * before the JIT has compiled anything, so the searching is left to String#indexOf. A property
 * test checks it reads every line as readWords does.
 *
 * When the tags are the last words, the title is also found: everything before them, if the
 * words there are single-spaced, which the caller checks on the slice (see `titleIsPlain`).
 * Otherwise `titleContiguous` is false and the title is left for readWords.
 */
function readTags(source: LineSource, at: number, end: number, ascii: boolean): string | undefined {
  const b = source.bytes;
  const text = source.latin1;
  const s = scanned;
  let firstTag = -1;
  let lastTagEnd = -1;
  let tagsLast = true;
  let k = at;
  for (;;) {
    if (k < source.colonFrom || k > source.colonAt) {
      const found = text.indexOf(":", k);
      source.colonFrom = k;
      source.colonAt = found === -1 ? text.length : found;
    }
    const colon = source.colonAt;
    if (colon >= end) break;
    let w = colon - 1;
    while (w >= at && (CLASS[b[w] as number] as number) >= KEY) w--;
    w++;
    // A tag is a whole word: it starts the body or follows a space, and its key starts with a letter.
    if (
      w < colon &&
      (w === at || CLASS[b[w - 1] as number] === SPACE) &&
      CLASS[b[w] as number] === LETTER &&
      colon + 1 < end &&
      b[colon + 1] !== 47 /* / */ &&
      CLASS[b[colon + 1] as number] !== SPACE
    ) {
      let z = colon + 2;
      while (z < end && CLASS[b[z] as number] !== SPACE) z++;
      const problem = readTag(source, w, colon, z, ascii);
      if (problem !== undefined) return problem;
      if (firstTag === -1) firstTag = w;
      else if (w !== lastTagEnd + 1) tagsLast = false;
      lastTagEnd = z;
      // Colons in the value belong to it.
      k = z;
    } else {
      // A later colon in this word is not its first, so it starts no tag either.
      k = colon + 1;
    }
  }
  if (b[at] === 32 || (firstTag !== -1 && (!tagsLast || lastTagEnd !== end))) {
    s.titleContiguous = false;
  } else {
    const titleEnd = firstTag === -1 ? end : firstTag - 1;
    if (titleEnd > at) {
      s.titleAt = at;
      s.titleEnd = titleEnd;
    }
  }
  return undefined;
}

/**
 * Whether a title slice from readTags is the title: its words single-spaced, no tab, no space
 * at the end. A RegExp, not a loop: it runs once per listed item, mostly before the JIT warms.
 */
export function titleIsPlain(title: string): boolean {
  return !ODD_SPACING.test(title);
}

const ODD_SPACING = /\t| {2}| $/;

/** The body word by word: tokens, title runs and tags (see scanItem). */
function readWords(
  source: LineSource,
  at: number,
  end: number,
  ascii: boolean,
): string | undefined {
  const b = source.bytes;
  const s = scanned;
  let runs = 0;
  let lastWordEnd = -1;
  let i = at;
  while (i < end) {
    const c = b[i] as number;
    const cls = CLASS[c] as number;
    if (cls === SPACE) {
      i++;
      continue;
    }
    const w = i++;
    let kind = TOKEN_WORD;
    let colon = -1;
    if (cls === LETTER) {
      // One pass: over the key's bytes; a colon right after them with a value that does not
      // start with "/" makes a tag. Either way the word runs on to the next space.
      while (i < end && (CLASS[b[i] as number] as number) >= KEY) i++;
      if (
        b[i] === 58 /* : */ &&
        i + 1 < end &&
        b[i + 1] !== 47 /* / */ &&
        CLASS[b[i + 1] as number] !== SPACE
      ) {
        kind = TOKEN_TAG;
        colon = i;
        i += 2;
      }
    } else if (
      (c === 43 /* + */ || c === 64) /* @ */ &&
      i < end &&
      CLASS[b[i] as number] !== SPACE
    ) {
      kind = c === 43 ? TOKEN_PROJECT : TOKEN_CONTEXT;
    }
    while (i < end && CLASS[b[i] as number] !== SPACE) i++;
    if (s.tokens === tokenStart.length) growTokens();
    const t = s.tokens++;
    tokenStart[t] = w;
    tokenEnd[t] = i;
    tokenColon[t] = colon;
    tokenKind[t] = kind;
    if (kind === TOKEN_TAG) {
      const problem = readTag(source, w, colon, i, ascii);
      if (problem !== undefined) return problem;
      continue;
    }
    // A title word. It extends the run when exactly one space lies since the last title word;
    // otherwise it starts a new run, and a title of several runs is joined word by word.
    if (lastWordEnd === w - 1 && b[lastWordEnd] === 32) {
      if (runs === 1) s.titleEnd = i;
    } else if (++runs === 1) {
      s.titleAt = w;
      s.titleEnd = i;
    } else {
      s.titleContiguous = false;
    }
    lastWordEnd = i;
  }
  return undefined;
}

/**
 * Byte classes (0 for any other byte): a space or tab; `_`, `-` and `.`, which may be in a
 * key; digits, which may too; letters, which may also start one. So a key byte is >= KEY.
 */
const SPACE = 1;
const KEY = 2;
const DIGIT = 3;
const LETTER = 4;
const CLASS = new Uint8Array(256);
CLASS[32] = SPACE;
CLASS[9] = SPACE;
CLASS[95] = KEY;
CLASS[45] = KEY;
CLASS[46] = KEY;
for (let c = 48; c <= 57; c++) CLASS[c] = DIGIT;
for (let c = 65; c <= 90; c++) CLASS[c] = LETTER;
for (let c = 97; c <= 122; c++) CLASS[c] = LETTER;

/**
 * Records a tag ppppt gives meaning to, or says what is wrong with it (the key is bytes
 * w..colon, the value colon+1..end); other keys are kept as they are, like words.
 */
function readTag(
  source: LineSource,
  w: number,
  colon: number,
  end: number,
  ascii: boolean,
): string | undefined {
  const b = source.bytes;
  const s = scanned;
  const v = colon + 1;
  const k0 = b[w];
  switch (colon - w) {
    case 1:
      if (k0 === 116 /* t */) {
        if (end - v !== 10 || !isIsoDateAt(b, v))
          return `t:${textAt(source, v, end, ascii)} is not a date (YYYY-MM-DD)`;
        s.thresholdAt = v;
      } else if (k0 === 104 /* h */) {
        s.hidden = end - v === 1 && b[v] === 49; /* 1 */
      }
      return undefined;
    case 2:
      if (k0 === 105 /* i */ && b[w + 1] === 100 /* d */) {
        if (s.idAt !== -1) return "more than one id: tag";
        for (let k = v; k < end; k++) {
          if (!isIdByte(b[k] as number))
            return `id:${textAt(source, v, end, ascii)} may use only letters, digits, _ and -`;
        }
        s.idAt = v;
        s.idEnd = end;
      }
      return undefined;
    case 3: {
      const k1 = b[w + 1];
      const k2 = b[w + 2];
      if (k0 === 99 /* c */ && k1 === 97 /* a */ && k2 === 116 /* t */) {
        if (s.category !== -1) return "more than one cat: tag";
        const guess = b[end - 1] === 63; /* ? */
        const k = categoryAt(b, v, guess ? end - 1 : end);
        if (k === -1)
          return `cat:${textAt(source, v, end, ascii)} is not a category (people, product, process, public, tech)`;
        s.category = k;
        s.categoryGuess = guess;
      } else if (k0 === 100 /* d */ && k1 === 117 /* u */ && k2 === 101 /* e */) {
        if (end - v !== 10 || !isIsoDateAt(b, v))
          return `due:${textAt(source, v, end, ascii)} is not a date (YYYY-MM-DD)`;
        s.dueAt = v;
      } else if (k0 === 101 /* e */ && k1 === 115 /* s */ && k2 === 116 /* t */) {
        const value = textAt(source, v, end, ascii);
        const minutes = parseDuration(value);
        if (minutes === undefined)
          return `est:${value} is not a duration (like 45m, 2h, 1h30m, 1d)`;
        s.estimate = minutes;
      } else if (k0 === 114 /* r */ && k1 === 101 /* e */ && k2 === 99 /* c */) {
        const value = textAt(source, v, end, ascii);
        s.rec = parseRecurrence(value);
        if (!s.rec) return `rec:${value} is not a recurrence (like 1w, +2d, 1m, 3b)`;
      }
      return undefined;
    }
    case 5:
      if (k0 === 115 /* s */ && source.latin1.startsWith("pent", w + 1)) {
        const value = textAt(source, v, end, ascii);
        const minutes = parseDuration(value);
        if (minutes === undefined)
          return `spent:${value} is not a duration (like 45m, 2h, 1h30m, 1d)`;
        s.spent = minutes;
      }
      return undefined;
  }
  return undefined;
}

function isIdByte(d: number): boolean {
  return (
    (d >= 97 && d <= 122) || (d >= 65 && d <= 90) || (d >= 48 && d <= 57) || d === 95 || d === 45
  );
}

/** Where the category spelled exactly as bytes a..b is in CATEGORIES, or -1. */
function categoryAt(b: Uint8Array, a: number, end: number): number {
  // The five names differ in length or by their fourth letter (people, product, process,
  // public, tech): one comparison picks the candidate, then its bytes are checked.
  let k: number;
  if (end - a === 4) k = 4;
  else if (end - a === 6) k = b[a + 3] === 112 /* p */ ? 0 : 3;
  else if (end - a === 7) k = b[a + 3] === 100 /* d */ ? 1 : 2;
  else return -1;
  const name = CATEGORIES[k] as string;
  for (let j = 0; j < name.length; j++) if (b[a + j] !== name.charCodeAt(j)) return -1;
  return k;
}

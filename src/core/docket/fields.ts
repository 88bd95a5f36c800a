import type { IsoDate } from "../dates.js";
import { formatDuration, parseDuration } from "../duration.js";
import { PpppptError } from "../errors.js";
import { findItem, replaceItem } from "./docket.js";
import { getTag, setPriorityText, setTag } from "./edit.js";
import type { Docket, ItemLine } from "./item.js";
import { parseItem } from "./parse.js";

/**
 * One field of one item at a time: due date, priority, snooze (`t:`), a tag, a project or
 * context, time spent. The CLI (`due`, `pri`, `snooze`, `tag`, `untag`, `log`) and the
 * dashboard read the user's words with `parseFieldChange` and apply them with `changeField`,
 * so both say the same thing about the same bad value and change the text the same way.
 */
export type FieldChange =
  | { field: "due"; date: IsoDate | undefined }
  | { field: "priority"; priority: string | undefined }
  | { field: "snooze"; date: IsoDate | undefined }
  | { field: "tag"; token: TagToken }
  | { field: "untag"; token: TagToken }
  | { field: "spent"; minutes: number };

export type FieldName = FieldChange["field"];
export const FIELD_NAMES: readonly FieldName[] = [
  "due",
  "priority",
  "snooze",
  "tag",
  "untag",
  "spent",
];

/** A word `tag` adds or `untag` takes away; `value` is empty for `untag key`. */
export type TagToken =
  | { kind: "tag"; key: string; value: string }
  | { kind: "project"; name: string }
  | { kind: "context"; name: string };

/** The word "none" clears a date or the priority. */
const NONE = "none";

/** Keys `tag` refuses: the id is the item's address, the timer belongs to `start` and `stop`. */
const TAG_REFUSED: Record<string, string> = {
  id: "the id is the item's address and cannot be changed",
  timer: "start a timer with `ppppt start ID`",
};
/** Keys `untag` refuses. (Untagging `timer` discards a timer without logging its time.) */
const UNTAG_REFUSED: Record<string, string> = {
  id: "the id is the item's address and cannot be removed",
};

/** Date-valued keys: `tag ID due:friday` reads the date as `due ID friday` does. */
const DATE_KEYS: Record<string, string> = { due: "due date", t: "snooze date" };

const KEY = /^[A-Za-z][A-Za-z0-9_.-]*$/;
const WORD = /^[^\s]+$/;

/**
 * Reads a date in people's words (the natural-date module's `requireNaturalDate` with today
 * bound), passed in so that a command that reads no date (`log`, `pri`, `done`) never loads
 * the date parser.
 */
export type DateReader = (text: string, what: string) => IsoDate;

/** Whether reading `text` for `field` may need the DateReader. */
export function readsDate(field: FieldName, text: string): boolean {
  if (field === "due" || field === "snooze") return true;
  return field === "tag" && Object.keys(DATE_KEYS).some((k) => text.trim().startsWith(`${k}:`));
}

/** Reads what the user typed for one field; throws a PpppptError naming the value. */
export function parseFieldChange(
  field: FieldName,
  text: string,
  readDate: DateReader,
): FieldChange {
  const t = text.trim();
  switch (field) {
    case "due":
      return { field, date: parseDateOrNone(t, readDate, "due date") };
    case "snooze":
      return { field, date: parseDateOrNone(t, readDate, "snooze date") };
    case "priority":
      return { field, priority: parsePriority(t) };
    case "spent":
      return { field, minutes: parseSignedDuration(t) };
    case "tag":
      return { field, token: withTagDate(parseTagToken(t, "tag"), readDate) };
    case "untag":
      return { field, token: parseTagToken(t, "untag") };
  }
}

function parseDateOrNone(text: string, readDate: DateReader, what: string): IsoDate | undefined {
  if (text.toLowerCase() === NONE) return undefined;
  if (text === "") {
    throw new PpppptError(`give a ${what} or "none"`, {
      hint: 'Try 2026-12-01, "friday", "next week", "in 3 days" or "none".',
    });
  }
  return readDate(text, what);
}

/** "A" to "Z" (either case), or "none". */
export function parsePriority(text: string): string | undefined {
  const t = text.trim();
  if (t.toLowerCase() === NONE) return undefined;
  if (/^[A-Za-z]$/.test(t)) return t.toUpperCase();
  throw new PpppptError(`"${text}" is not a priority`, {
    hint: "Use one letter, A (highest) to Z, or none.",
  });
}

/** A duration with an optional sign: `30m`, `+1h`, `-15m` (a correction). */
export function parseSignedDuration(text: string): number {
  const t = text.trim();
  const sign = t.startsWith("-") ? -1 : 1;
  const unsigned = t.startsWith("-") || t.startsWith("+") ? t.slice(1) : t;
  const minutes = unsigned === "" ? undefined : parseDuration(unsigned);
  if (minutes === undefined) {
    throw new PpppptError(`"${text}" is not a duration`, {
      hint: "Write it as 30m, 1h30m, 1.5h or 2d (8h); -15m takes time off.",
    });
  }
  return sign * minutes;
}

/** `key:value`, `+project` or `@context`; for `untag`, a bare `key` (or `key:`) too. */
export function parseTagToken(text: string, use: "tag" | "untag"): TagToken {
  const t = text.trim();
  const bad = (why: string): PpppptError =>
    new PpppptError(`"${text}" is not something to ${use}: ${why}`, {
      hint:
        use === "tag"
          ? "Give key:value (one word), +project or @context."
          : "Give a key (due, est…), +project or @context.",
    });
  if (!WORD.test(t)) throw bad(t === "" ? "it is empty" : "it has spaces");
  if (t.startsWith("+") || t.startsWith("@")) {
    const name = t.slice(1);
    if (name === "") throw bad(`a name must follow ${t}`);
    return t.startsWith("+") ? { kind: "project", name } : { kind: "context", name };
  }
  const colon = t.indexOf(":");
  const key = colon === -1 ? t : t.slice(0, colon);
  const value = colon === -1 ? "" : t.slice(colon + 1);
  if (!KEY.test(key)) throw bad("a key starts with a letter (letters, digits, _ . -)");
  const refused = (use === "tag" ? TAG_REFUSED : UNTAG_REFUSED)[key.toLowerCase()];
  if (refused) throw new PpppptError(`cannot ${use} ${key}: ${refused}`);
  if (use === "tag") {
    if (value === "") throw bad("give a value after the colon");
    if (value.startsWith("/")) throw bad("a value cannot start with /");
  }
  return { kind: "tag", key, value };
}

function withTagDate(token: TagToken, readDate: DateReader): TagToken {
  if (token.kind !== "tag") return token;
  const what = DATE_KEYS[token.key];
  if (what === undefined) return token;
  return { ...token, value: readDate(token.value, what) };
}

/** How a token is written in the item's text. */
export function tagTokenText(token: TagToken): string {
  if (token.kind === "project") return `+${token.name}`;
  if (token.kind === "context") return `@${token.name}`;
  return token.value === "" ? token.key : `${token.key}:${token.value}`;
}

/** The item's text with the change made; the text as it was when the change is no change. */
export function applyFieldChange(text: string, change: FieldChange): string {
  switch (change.field) {
    case "due":
      return setTag(text, "due", change.date);
    case "snooze":
      return setTag(text, "t", change.date);
    case "priority":
      return setPriority(text, change.priority);
    case "spent":
      return addSpent(text, change.minutes);
    case "tag":
      return addToken(text, change.token);
    case "untag":
      return removeToken(text, change.token);
  }
}

/** An open item's priority is `(A)` at the start; a done one keeps it as `pri:A` for undo. */
function setPriority(text: string, priority: string | undefined): string {
  const item = parseItem(text);
  if (typeof item !== "string" && item.done) return setTag(text, "pri", priority);
  return setPriorityText(text, priority);
}

/** Adds minutes to `spent:` (negative takes them off); never below zero, where the tag goes. */
export function addSpent(text: string, minutes: number): string {
  const item = parseItem(text);
  const before = typeof item === "string" ? undefined : item.spent;
  if (minutes === 0) return text;
  const total = Math.max(0, (before ?? 0) + minutes);
  if (total === 0) return before === undefined ? text : setTag(text, "spent", undefined);
  return setTag(text, "spent", formatDuration(total));
}

function addToken(text: string, token: TagToken): string {
  if (token.kind === "tag") {
    if (token.key === "pri") return setPriority(text, parsePriority(token.value));
    return setTag(text, token.key, token.value);
  }
  const word = tagTokenText(token);
  if (splitWords(text).some((w) => w.word === word)) return text;
  const trimmed = text.replace(/[ \t]+$/, "");
  return trimmed === "" ? word : `${trimmed} ${word}`;
}

function removeToken(text: string, token: TagToken): string {
  if (token.kind === "tag") {
    if (getTag(text, token.key) === undefined) return text;
    return setTag(text, token.key, undefined);
  }
  const word = tagTokenText(token);
  return removeWords(text, (w) => w === word);
}

interface SpacedWord {
  sep: string;
  word: string;
}

/** Each word with the white space before it; joining them gives the text back. */
function splitWords(text: string): SpacedWord[] {
  const parts = text.split(/([ \t]+)/);
  const words: SpacedWord[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    words.push({ sep: i > 0 ? (parts[i - 1] as string) : "", word: parts[i] as string });
  }
  return words;
}

/** Removes matching words and one gap each; a removed first word hands the start to the next. */
function removeWords(text: string, matches: (word: string) => boolean): string {
  const kept: SpacedWord[] = [];
  let atStart = false;
  for (const w of splitWords(text)) {
    if (w.word !== "" && matches(w.word)) {
      if (kept.length === 0 || (kept.length === 1 && kept[0]?.word === "")) atStart = true;
      continue;
    }
    kept.push(atStart ? { sep: kept.length === 0 ? "" : w.sep, word: w.word } : w);
    atStart = false;
  }
  return kept.map((w) => w.sep + w.word).join("");
}

export interface FieldResult {
  docket: Docket;
  line: ItemLine;
  before: ItemLine;
}

/**
 * Applies one change to one item. The result must still read as a valid item (a tag like
 * `est:soon` is refused with the parser's reason), so a bad value changes nothing.
 */
export function changeField(docket: Docket, id: string, change: FieldChange): FieldResult {
  const before = findItem(docket, id);
  // No change leaves the docket itself, so the store writes nothing.
  if (applyFieldChange(before.text, change) === before.text)
    return { docket, line: before, before };
  return replaceItem(docket, id, (text) => applyFieldChange(text, change));
}

/** A sentence on what the change did to the item, for the CLI and the dashboard's notice. */
export function describeFieldChange(
  change: FieldChange,
  before: ItemLine,
  after: ItemLine,
): string {
  const id = after.id;
  if (before.text === after.text) return `${id}: nothing to change`;
  switch (change.field) {
    case "due":
      return change.date ? `${id} due ${change.date}` : `${id} has no due date now`;
    case "snooze":
      return change.date ? `${id} snoozed until ${change.date}` : `${id} no longer snoozed`;
    case "priority":
      return change.priority ? `${id} priority ${change.priority}` : `${id} has no priority now`;
    case "tag":
      return `${id} tagged ${tagTokenText(change.token)}`;
    case "untag":
      return `${id} untagged ${tagTokenText(change.token)}`;
    case "spent": {
      const total = after.item.spent ?? 0;
      const logged = total - (before.item.spent ?? 0);
      const sign = logged < 0 ? "-" : "";
      const floor = logged !== change.minutes ? " (never below zero)" : "";
      return `${id} logged ${sign}${formatDuration(Math.abs(logged))}, spent ${formatDuration(total)}${floor}`;
    }
  }
}

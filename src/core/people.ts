import type { IsoDate } from "./dates.js";
import type { ItemLine } from "./docket/item.js";
import { itemJson } from "./docket/item-json.js";
import { PpppptError } from "./errors.js";
import { orList } from "./wording.js";

/**
 * The people an item is about (docs/people.md). A person is a handle written as the tag
 * `with:HANDLE` (`with:dana`, `with:dana.k`); ppppt knows the handles the docket already uses
 * and the `people:` list of the config, which can give a full name and tells two people with
 * one first name apart (`dana.k: Dana Kim`, `dana.m: Dana Morales`). Handles are compared in
 * lower case, so `with:Dana` and `with:dana` are one person.
 */

export const PERSON_TAG = "with";
/** The @context that marks an item as waiting on its `with:` person. */
export const WAITING_CONTEXT = "waiting";

export interface Person {
  /** Lower case, as written in `with:`. */
  handle: string;
  /** The full name from the config ("Dana Kim"), when it gives one. */
  name?: string;
  /** The first name, lower case: the full name's first word, else the handle up to its first dot. */
  first: string;
}

/** A handle: what can follow `with:` and stay one tag (a letter first, no spaces). */
export const HANDLE_PATTERN = /^\p{L}[\p{L}\p{N}._'-]*$/u;

export function isHandle(text: string): boolean {
  return HANDLE_PATTERN.test(text);
}

export function normaliseHandle(handle: string): string {
  return handle.toLowerCase();
}

function personOf(handle: string, name?: string): Person {
  const h = normaliseHandle(handle);
  const first = name?.trim() ? words(name)[0] : undefined;
  return {
    handle: h,
    ...(name?.trim() ? { name: name.trim() } : {}),
    first: first ?? (h.split(".")[0] as string),
  };
}

/**
 * Everyone ppppt knows: the config's list first (it names them), then every handle the items
 * use that the config does not list.
 */
export function knownPeople(
  configured: readonly { handle: string; name?: string }[],
  tagged: Iterable<string>,
): Person[] {
  const people = new Map<string, Person>();
  for (const entry of configured) {
    const person = personOf(entry.handle, entry.name);
    people.set(person.handle, person);
  }
  for (const handle of tagged) {
    const h = normaliseHandle(handle);
    if (!people.has(h) && isHandle(h)) people.set(h, personOf(h));
  }
  return [...people.values()];
}

/** Everyone ppppt knows, given the config's list and the lines to read `with:` tags from. */
export function knownPeopleIn(
  configured: readonly { handle: string; name?: string }[],
  lines: readonly { text: string }[],
): Person[] {
  return knownPeople(configured, taggedHandles(lines.map((l) => l.text)));
}

/** The handles in an item's text (`with:` tags), lower case, in order, each once. */
export function peopleOf(line: Pick<ItemLine, "item">): string[] {
  const out: string[] = [];
  for (const tag of line.item.tags) {
    if (tag.key.toLowerCase() !== PERSON_TAG) continue;
    const h = normaliseHandle(tag.value);
    if (!out.includes(h)) out.push(h);
  }
  return out;
}

/** Every `with:` handle in a set of lines, found in the raw text (cheap on a big docket). */
export function taggedHandles(texts: Iterable<string>): Set<string> {
  const found = new Set<string>();
  const pattern = /(?:^|\s)with:(\S+)/giu;
  for (const text of texts) {
    if (!/with:/i.test(text)) continue;
    for (const m of text.matchAll(pattern)) found.add(normaliseHandle(m[1] as string));
  }
  return found;
}

/** The lower-case words of a text, possessives dropped ("Dana's" → "dana"). */
function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}.'’_-]*/gu)) {
    let w = (m[0] as string).toLowerCase().replace(/[.'’_-]+$/u, "");
    w = w.replace(/['’]s$/u, "");
    if (w !== "") out.push(w);
  }
  return out;
}

export interface PersonMention {
  handle: string;
  /** The words that named them, as typed. */
  from: string;
}

export interface AmbiguousName {
  /** The first name as typed. */
  name: string;
  /** The handles it could be, sorted. */
  candidates: string[];
}

export interface PeopleFound {
  people: PersonMention[];
  /** First names shared by several people and not told apart by the text: not guessed. */
  ambiguous: AmbiguousName[];
}

/**
 * Which known people a text names. A handle (`dana.k`), a full name ("Dana Kim") or a first
 * name with the handle's initial ("Dana K") names one person; a first name alone names the one
 * person with that first name, and when several share it, nobody: it is reported as
 * ambiguous instead of guessed. Words of +projects, @contexts and tags are not names.
 */
export function findPeople(text: string, people: readonly Person[]): PeopleFound {
  const tokens: { word: string; typed: string }[] = [];
  for (const chunk of text.split(/\s+/)) {
    if (chunk === "" || /^[+@]/.test(chunk) || /^[A-Za-z][\w.-]*:[^/\s]/.test(chunk)) {
      tokens.push({ word: "", typed: chunk }); // a break: a name does not span a tag
      continue;
    }
    const parts = chunk.match(/[\p{L}\p{N}][\p{L}\p{N}.'’_-]*/gu) ?? [];
    for (const typed of parts) {
      const [word] = words(typed);
      tokens.push({ word: word ?? "", typed: typed.replace(/['’]s$/u, "").replace(/[.]+$/u, "") });
    }
  }
  const found: PersonMention[] = [];
  const pick = (handle: string, from: string) => {
    if (!found.some((f) => f.handle === handle)) found.push({ handle, from });
  };
  const used = new Set<number>();
  // Strong mentions first: a handle, a full name, a first name and an initial.
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]?.word as string;
    if (word === "") continue;
    for (const person of people) {
      const span = strongMatchAt(tokens, i, person);
      if (span > 0) {
        pick(
          person.handle,
          tokens
            .slice(i, i + span)
            .map((t) => t.typed)
            .join(" "),
        );
        for (let k = i; k < i + span; k++) used.add(k);
      }
    }
  }
  const ambiguous: AmbiguousName[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i)) continue;
    const { word, typed } = tokens[i] as { word: string; typed: string };
    if (word === "") continue;
    const same = people.filter((p) => p.first === word);
    if (same.length === 0) continue;
    // "Dana Kim … Dana" is Dana Kim twice.
    if (same.some((p) => found.some((f) => f.handle === p.handle))) continue;
    if (same.length === 1) pick((same[0] as Person).handle, typed);
    else if (!ambiguous.some((a) => a.name.toLowerCase() === word)) {
      ambiguous.push({ name: typed, candidates: same.map((p) => p.handle).sort() });
    }
  }
  return { people: found, ambiguous };
}

/** How many tokens from `i` name `person` unmistakably (0: none). */
function strongMatchAt(tokens: readonly { word: string }[], i: number, person: Person): number {
  const word = tokens[i]?.word;
  const next = tokens[i + 1]?.word;
  // A handle with a dot is unmistakable; a plain handle ("priya") is a first name, matched below.
  if (word === person.handle && person.handle.includes(".")) return 1;
  if (person.name) {
    const full = words(person.name);
    if (full.length > 1 && full.every((w, k) => tokens[i + k]?.word === w)) return full.length;
  }
  const dot = person.handle.indexOf(".");
  if (dot > 0 && word === person.first && next !== undefined) {
    const suffix = person.handle.slice(dot + 1);
    if (next === suffix || (suffix.length > 1 && next === suffix[0])) return 2;
  }
  return 0;
}

/**
 * Which known people a query names (`ppppt person dana`, `list --with dana`): the handle
 * itself, else everyone whose first name it is, else everyone whose full name contains it.
 */
export function resolvePerson(query: string, people: readonly Person[]): Person[] {
  const q = normaliseHandle(query.trim());
  const exact = people.filter((p) => p.handle === q);
  if (exact.length > 0) return exact;
  const first = people.filter((p) => p.first === q);
  if (first.length > 0) return first;
  const qWords = words(query);
  return people.filter(
    (p) => p.name && qWords.length > 0 && qWords.every((w) => words(p.name as string).includes(w)),
  );
}

/**
 * A 1:1 is an item about someone whose text says "1:1", "1-1", "1on1" or "one-on-one", or
 * that carries the context `@1on1` (docs/people.md).
 */
export function isOneOnOne(line: Pick<ItemLine, "item">): boolean {
  if (line.item.contexts.some((c) => c.toLowerCase() === "1on1")) return true;
  return /(?:^|[^\w:])(?:1[:-]1|1on1|one[- ]on[- ]one)(?![\w:])/i.test(line.item.title);
}

export function isWaiting(line: Pick<ItemLine, "item">): boolean {
  return line.item.contexts.some((c) => c.toLowerCase() === WAITING_CONTEXT);
}

export interface PersonReport {
  person: Person;
  /** Open items about them, by due date (none last), then line order. */
  open: ItemLine[];
  /** Done items about them, most recent first (from the docket and the done file). */
  done: ItemLine[];
  /** Open items marked @waiting: what you wait on them for. */
  waiting: ItemLine[];
  /** The most recent done 1:1. */
  lastOneOnOne?: ItemLine;
  /** The open 1:1 due soonest (or the first undated one). */
  nextOneOnOne?: ItemLine;
}

/** Everything about one person: `ppppt person NAME` and the dashboard's person page. */
export function personReport(
  person: Person,
  lines: readonly ItemLine[],
  doneLines: readonly ItemLine[],
): PersonReport {
  const about = (l: ItemLine) => peopleOf(l).includes(person.handle);
  const mine = lines.filter(about);
  const open = mine
    .filter((l) => !l.item.done)
    .map((l, order) => ({ l, order }))
    .sort((a, b) => byDue(a.l.item.due, b.l.item.due) || a.order - b.order)
    .map((x) => x.l);
  const done = [
    ...mine.filter((l) => l.item.done),
    ...doneLines.filter((l) => l.item.done && about(l)),
  ]
    .map((l, order) => ({ l, order }))
    .sort((a, b) => byDate(b.l.item.completed, a.l.item.completed) || b.order - a.order)
    .map((x) => x.l);
  const report: PersonReport = {
    person,
    open,
    done,
    waiting: open.filter(isWaiting),
  };
  const last = done.find(isOneOnOne);
  const next = open.find(isOneOnOne);
  if (last) report.lastOneOnOne = last;
  if (next) report.nextOneOnOne = next;
  return report;
}

function byDue(a: IsoDate | undefined, b: IsoDate | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

/** Dated before undated; `a < b` sorts first. */
function byDate(a: IsoDate | undefined, b: IsoDate | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

/**
 * The person report for a query, everyone known read from the config's list and the `with:`
 * tags of both files: what `ppppt person NAME` and the dashboard's person page both show.
 */
export function personReportFor(
  query: string,
  configured: readonly { handle: string; name?: string }[],
  lines: readonly ItemLine[],
  doneLines: readonly ItemLine[],
): PersonReport {
  const people = knownPeopleIn(configured, [...lines, ...doneLines]);
  return personReport(requirePerson(query, people), lines, doneLines);
}

/** The one person a query names, or an error that says who it could be. */
export function requirePerson(query: string, people: readonly Person[]): Person {
  const found = resolvePerson(query, people);
  if (found.length === 1) return found[0] as Person;
  if (found.length > 1) {
    throw new PpppptError(
      `"${query}" could be ${orList(found.map((p) => p.handle).sort())}: say which`,
      { hint: `For example: ppppt person ${(found[0] as Person).handle}` },
    );
  }
  throw new PpppptError(
    `nobody called "${query}": no item has with:${normaliseHandle(query.trim())} and the config's people: list has no such name`,
    { hint: "Add them to people: in the config (docs/people.md), or tag an item with:NAME." },
  );
}

/** The report's JSON shape (docs/people.md). */
export function personReportJson(report: PersonReport) {
  return {
    person: report.person,
    nextOneOnOne: report.nextOneOnOne ? itemJson(report.nextOneOnOne) : null,
    lastOneOnOne: report.lastOneOnOne ? itemJson(report.lastOneOnOne) : null,
    waiting: report.waiting.map(itemJson),
    open: report.open.map(itemJson),
    done: report.done.map(itemJson),
  };
}

/**
 * A `people:` entry that is a full name (`- Rosa Lind`) rather than a handle: its handle is the
 * first name with the last name's initial (`rosa.l`), so two people who share a first name are
 * told apart as the docs/people.md handles are. Undefined for text that is not a name.
 */
export function handleOfName(name: string): string | undefined {
  const parts = name.trim().split(/\s+/);
  // A name as people write one: every word capitalised ("Rosa Lind"), so "dana k" stays a typo.
  if (parts.length < 2 || !parts.every((w) => HANDLE_PATTERN.test(w) && /^\p{Lu}/u.test(w))) {
    return undefined;
  }
  const first = parts[0] as string;
  const last = parts[parts.length - 1] as string;
  return normaliseHandle(`${first}.${[...last][0]}`);
}

/**
 * The names the config's `people:` list gives, for redaction (the deck, the team sync): the full
 * name where an entry has one, else its handle. Undefined when the list is not a list of
 * people entries (`- priya`, `- Rosa Lind`, `- dana.k: Dana Kim`).
 */
export function namesInPeopleList(raw: unknown): string[] | undefined {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) return undefined;
  const names: string[] = [];
  for (const entry of raw) {
    if (typeof entry === "string") names.push(entry);
    else if (typeof entry === "object" && entry !== null && !Array.isArray(entry)) {
      // The config reader's parsed form, `{ handle, name? }`.
      const parsed = entry as { handle?: unknown; name?: unknown };
      if (typeof parsed.handle === "string") {
        names.push(typeof parsed.name === "string" && parsed.name ? parsed.name : parsed.handle);
        continue;
      }
      const pairs = Object.entries(entry);
      if (pairs.length !== 1) return undefined;
      const [handle, name] = pairs[0] as [string, unknown];
      names.push(typeof name === "string" && name.trim() ? name : handle);
    } else return undefined;
  }
  return names;
}

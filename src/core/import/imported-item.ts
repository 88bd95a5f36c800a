import type { Category } from "../category.js";
import type { IsoDate } from "../dates.js";

/**
 * What an import wants in the docket for one source record, before it is text: the fields a
 * later import of the same source may update (title, due, state) apart from the rest.
 */
export interface ImportedItem {
  /** The stable source id written as `src:` (`github:cli/cli#12`, `tw:<uuid>`). */
  sourceId: string;
  title: string;
  done: boolean;
  completed: IsoDate | undefined;
  created: IsoDate | undefined;
  due: IsoDate | undefined;
  threshold: IsoDate | undefined;
  /** "A" to "Z". */
  priority: string | undefined;
  projects: readonly string[];
  contexts: readonly string[];
  /** Other tags, in order (`url:`, `rec:`, `until:`). */
  tags: readonly (readonly [string, string])[];
  /** A category the config's label map decided; otherwise the classifier guesses one. */
  category: Category | undefined;
  /** What the source has that a todo.txt line cannot hold (annotations), kept in the import state. */
  extra?: Record<string, unknown>;
}

/** ppppt's keys, and the import's: a title word that looks like one would be read as a tag. */
const RESERVED = /^(id|cat|due|t|rec|h|est|spent|pri|src|url|until):(?!\/)/;

/**
 * A title as one safe todo.txt line: line breaks and tabs become spaces, and a word that would
 * read as one of ppppt's tags (`due:soon` in an issue title) gets a full-width colon, so the
 * title stays words and the line stays valid.
 */
export function safeTitle(title: string): string {
  return title
    .replace(/[\r\n\t\f\v]+/g, " ")
    .replace(/ {2,}/g, " ")
    .trim()
    .split(" ")
    .map((w) => (RESERVED.test(w) ? w.replace(":", "\uff1a") : w))
    .join(" ");
}

/** A tag word (`+project`, `@context`) from a name that may hold spaces. */
export function tagWord(name: string): string {
  return name.trim().replace(/\s+/g, "-");
}

const STARTS_AS_HEAD = /^(?:x |\([A-Z]\) |\d{4}-\d{2}-\d{2} |#)/;
/** After a head, a date (or a priority after a bare `x`) would still be read as part of it. */
const STARTS_AS_DATE = /^(?:\d{4}-\d{2}-\d{2}|\([A-Z]\)) /;

/** The item's line, in todo.txt order: done mark and dates, priority, title, tags. */
export function importedItemText(it: ImportedItem, category: string | undefined): string {
  const head: string[] = [];
  if (it.done) {
    head.push("x");
    // todo.txt reads the first date after `x` as the completion date: without one, the
    // creation date cannot be written in the head.
    if (it.completed) {
      head.push(it.completed);
      if (it.created) head.push(it.created);
    }
  } else {
    if (it.priority) head.push(`(${it.priority})`);
    if (it.created) head.push(it.created);
  }
  let title = safeTitle(it.title);
  // A title that would read as a done mark, a priority, a date or a comment is quoted, so
  // it stays the title.
  const misread = head.length === 0 ? STARTS_AS_HEAD : STARTS_AS_DATE;
  if (misread.test(`${title} `)) title = `"${title}"`;
  const words = [...head, title];
  for (const p of it.projects) words.push(`+${tagWord(p)}`);
  for (const c of it.contexts) words.push(`@${tagWord(c)}`);
  if (it.due) words.push(`due:${it.due}`);
  if (it.threshold) words.push(`t:${it.threshold}`);
  if (it.done && it.priority) words.push(`pri:${it.priority}`);
  for (const [k, v] of it.tags) words.push(`${k}:${v}`);
  if (it.done && !it.completed && it.created) words.push(`created:${it.created}`);
  words.push(`src:${it.sourceId}`);
  if (category) words.push(`cat:${category}`);
  return words.filter((w) => w !== "").join(" ");
}

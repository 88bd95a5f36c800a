import { CATEGORY_LABELS, type Category } from "./category.js";
import type { IsoDate } from "./dates.js";
import { setTag } from "./docket/edit.js";
import { parseItem } from "./docket/parse.js";
import { TIME_KEY } from "./docket/time-of-day.js";
import { PpppptError } from "./errors.js";
import { findDateInText } from "./natural-date.js";
import { type AmbiguousName, findPeople, type Person, peopleOf } from "./people.js";

const LINE_HEAD = /^(?:x (?:\d{4}-\d{2}-\d{2} ){0,2}|\d{4}-\d{2}-\d{2} )/;

/**
 * Turns what the user typed into an item line, inferring what it can: a due date, a time of
 * day and a repetition from the words ("by friday 4pm", "every monday"; see docs/capture.md),
 * a category from the categoriser. It reports each inference, so the CLI can
 * say what it picked and the user can fix it at once.
 */

export interface CategoryGuess {
  category: Category;
  /** 0..1; the categoriser's confidence. */
  probability: number;
  /** Below the categoriser's threshold: stored as a guess (`cat:tech?`) until confirmed. */
  unsure: boolean;
  /** Why, in a few words ("keyword 'promo'", "words: promo, packet"). */
  reason: string;
}

export type Categoriser = (text: string) => CategoryGuess | undefined;

export interface CaptureOptions {
  today: IsoDate;
  categorise: Categoriser;
  /** Explicit values from flags win over anything inferred. */
  category?: Category;
  due?: IsoDate;
  priority?: string;
  estimate?: string;
  /** Add the creation date (todo.txt's `-t`); on by default. */
  dated?: boolean;
  /** The people ppppt knows (people.ts); those the text names get a `with:` tag. */
  people?: readonly Person[];
}

export interface Inference {
  /** `time` is the `at:` tag, `recurrence` the `rec:` tag, `person` a `with:` tag. */
  field: "due" | "time" | "recurrence" | "category" | "person";
  value: string;
  from: string;
}

export interface Capture {
  text: string;
  inferred: Inference[];
  /** First names the text uses that several known people share: not guessed. */
  ambiguous: AmbiguousName[];
}

export function captureItem(input: string, options: CaptureOptions): Capture {
  let text = input.replace(/\s+/g, " ").trim();
  const inferred: Inference[] = [];
  const parsed = parseItem(text);
  // A tag the user typed that does not read (`cat:sales`, `due:2026-13-45`) is refused, not
  // replaced by a guess: what the user said explicitly wins or fails, never silently changes.
  if (typeof parsed === "string") throw new PpppptError(parsed);
  const has = (key: string) => parsed.tags.some((t) => t.key === key);

  let priority = options.priority;
  const pm = /^\(([A-Z])\) /.exec(text);
  if (pm) {
    priority ??= pm[1];
    text = text.slice(4);
  }

  if (options.due) text = setTag(text, "due", options.due);
  else if (!has("due")) {
    // todo.txt's done mark and dates lead the line: "x 2026-11-30" is when it was done.
    const head = LINE_HEAD.exec(text)?.[0] ?? "";
    const found = findDateInText(text.slice(head.length), options.today);
    // A rec: or at: typed in the text wins; then the words that said another stay too.
    const typed =
      (found?.recurrence !== undefined && has("rec")) ||
      (found?.time !== undefined && has(TIME_KEY));
    if (found && !typed) {
      text = head + found.rest;
      if (found.date !== undefined) {
        text = setTag(text, "due", found.date);
        inferred.push({ field: "due", value: found.date, from: found.phrase });
      }
      if (found.time !== undefined) {
        text = setTag(text, TIME_KEY, found.time);
        inferred.push({ field: "time", value: found.time, from: found.phrase });
      }
      if (found.recurrence !== undefined) {
        text = setTag(text, "rec", found.recurrence);
        inferred.push({ field: "recurrence", value: found.recurrence, from: found.phrase });
      }
    }
  }

  if (options.category) text = setTag(text, "cat", options.category);
  else if (!has("cat")) {
    const guess = options.categorise(text);
    if (guess) {
      text = setTag(text, "cat", guess.unsure ? `${guess.category}?` : guess.category);
      inferred.push({
        field: "category",
        value: `${CATEGORY_LABELS[guess.category]}${guess.unsure ? " (a guess)" : ""}`,
        from: guess.reason,
      });
    }
  }
  if (options.estimate) text = setTag(text, "est", options.estimate);

  let ambiguous: AmbiguousName[] = [];
  if (options.people?.length) {
    const found = findPeople(parsed.title, options.people);
    const tagged = peopleOf({ item: parsed });
    for (const mention of found.people) {
      if (tagged.includes(mention.handle)) continue;
      text = `${text} with:${mention.handle}`;
      inferred.push({ field: "person", value: mention.handle, from: mention.from });
    }
    // A name the user already settled with a tag is not ambiguous.
    ambiguous = found.ambiguous.filter((a) => !a.candidates.some((c) => tagged.includes(c)));
  }

  const head: string[] = [];
  if (priority) head.push(`(${priority})`);
  // An item typed done ("x 2026-11-30 …") gets no creation date: todo.txt puts it after the
  // completion date, and today would claim it was made after it was done.
  if (options.dated !== false && !/^(\d{4}-\d{2}-\d{2}|x) /.test(text)) head.push(options.today);
  return { text: [...head, text].join(" "), inferred, ambiguous };
}

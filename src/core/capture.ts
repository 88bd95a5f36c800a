import { CATEGORY_LABELS, type Category } from "./category.js";
import type { IsoDate } from "./dates.js";
import { setTag } from "./docket/edit.js";
import { parseItem } from "./docket/parse.js";
import { PpppptError } from "./errors.js";
import { findDateInText } from "./natural-date.js";
import { type AmbiguousName, findPeople, type Person, peopleOf } from "./people.js";

/**
 * Turns what the user typed into an item line, inferring what it can: a due date from the
 * words ("friday"), a category from the categoriser. It reports each inference, so the CLI can
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
  field: "due" | "category" | "person";
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
    const found = findDateInText(text, options.today);
    if (found && found.rest !== "") {
      text = setTag(found.rest, "due", found.date);
      inferred.push({ field: "due", value: found.date, from: found.phrase });
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
  if (options.dated !== false && !/^\d{4}-\d{2}-\d{2} /.test(text)) head.push(options.today);
  return { text: [...head, text].join(" "), inferred, ambiguous };
}

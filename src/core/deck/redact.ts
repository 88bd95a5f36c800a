import type { Item } from "../docket/item.js";

/**
 * `--redact`: people's names become initials ("Dana" → "D.", "Dana Reyes" → "D.R.") everywhere
 * in the story: titles, bullets, tables, notes. The names are the ones ppppt can know, not a
 * guess at every capitalised word: `with:` tags, the config's `people:` list, calendar
 * attendees, and the person of a "1:1 with Dana" item.
 */

/** The people an item names in `with:` tags (`with:Dana`, `with:dana,sam`). */
export function withNames(item: Item): string[] {
  return item.tags
    .filter((t) => t.key.toLowerCase() === "with")
    .flatMap((t) => t.value.split(/[,+]/))
    .map((n) => n.trim())
    .filter((n) => n !== "");
}

/** "1:1 with Dana", "1:1 Dana", "1-1 with Dana Reyes": the name a 1:1 is held with. */
const ONE_ON_ONE = /\b1[:-]1s?\s+(?:with\s+)?(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)/gu;

export function oneOnOneNames(title: string): string[] {
  return [...title.matchAll(ONE_ON_ONE)].map((m) => m[1] as string);
}

/** "Dana" → "D.", "dana reyes" → "D.R.", "Jean-Luc" → "J.-L."; a name's parts, each an initial. */
export function initialsOf(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((part) =>
      part
        .split("-")
        .map((p) => `${(p[0] ?? "").toUpperCase()}.`)
        .join("-"),
    )
    .join("");
}

export type Redactor = (text: string) => string;

/**
 * A function that replaces each of `names` (whole words, any case) with its initials. Longer
 * names go first, so "Dana Reyes" becomes "D.R." and not "D. Reyes". A name's first name alone
 * is redacted too ("Dana Reyes" also hides a bare "Dana").
 */
export function nameRedactor(names: Iterable<string>): Redactor {
  const forms = new Map<string, string>();
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, " ");
    if (name.length < 2) continue;
    forms.set(name.toLowerCase(), initialsOf(name));
    const first = name.split(" ")[0] as string;
    if (first !== name && first.length >= 2 && !forms.has(first.toLowerCase())) {
      forms.set(first.toLowerCase(), initialsOf(first));
    }
  }
  if (forms.size === 0) return (text) => text;
  const sorted = [...forms.keys()].sort((a, b) => b.length - a.length);
  const escaped = sorted.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"));
  // Letters and digits on either side mean the name is part of a longer word ("Sam" in "Samba").
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${escaped.join("|")})(?![\\p{L}\\p{N}])`,
    "giu",
  );
  return (text) =>
    text.replace(pattern, (match) => forms.get(match.toLowerCase().replace(/\s+/g, " ")) ?? match);
}

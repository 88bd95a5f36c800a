import type { Categoriser } from "../capture.js";
import type { CalendarDetails } from "./expand.js";
import type { LedgerEvent } from "./ledger.js";
import type { Occurrence } from "./occurrence.js";

/**
 * A category for each occurrence, from the classifier every shell uses (the shipped model with
 * the user's corrections). The title decides; when the classifier is unsure of it (or there is
 * none), the attendees' names and the start of the description are added as weaker evidence,
 * and taken only if they make it surer. One guess per series and title: a daily standup is
 * classified once, not 250 times.
 */
export function categoriseOccurrences(
  source: string,
  occurrences: readonly Occurrence[],
  details: readonly CalendarDetails[],
  categorise: Categoriser,
): LedgerEvent[] {
  const memo = new Map<string, Pick<LedgerEvent, "category" | "guessed">>();
  return occurrences.map((o, i) => {
    const key = `${o.uid}\u0000${o.title}`;
    let c = memo.get(key);
    if (!c) {
      c = categoryOf(o.title, details[i], categorise);
      memo.set(key, c);
    }
    return { ...o, source, ...c };
  });
}

function categoryOf(
  title: string,
  details: CalendarDetails | undefined,
  categorise: Categoriser,
): Pick<LedgerEvent, "category" | "guessed"> {
  const byTitle = title.trim() === "" ? undefined : categorise(title);
  let best = byTitle;
  if (!byTitle || byTitle.unsure) {
    const more = [
      title,
      ...(details?.attendeeNames ?? []),
      plain(details?.description ?? "").slice(0, 300),
    ]
      .join(" ")
      .trim();
    const wider = more === title.trim() || more === "" ? undefined : categorise(more);
    if (wider && (!best || wider.probability > best.probability)) best = wider;
  }
  if (!best) return { guessed: true };
  return { category: best.category, guessed: best.unsure };
}

/** Descriptions from Google and Outlook are often HTML: the words, not the tags. */
function plain(text: string): string {
  return text
    .replace(/<[^>]*>/g, " ")
    .replace(/&[a-z]+;|https?:\/\/\S+/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
}

import { CATEGORIES, type Category } from "../category.js";
import { daysBetween, type IsoDate } from "../dates.js";
import type { LedgerEvent } from "./ledger.js";
import { startDate } from "./occurrence.js";

/**
 * Meeting time for the lens: minutes of timed meetings per category in a period, and the
 * recurring series that cost the most. A meeting belongs to the day it starts on, in its own
 * zone, like a done item to the day it was done. Cancelled, all-day, declined and free
 * occurrences are not meeting time.
 */
export interface DateSpan {
  /** Both inclusive, as the lens's periods are. */
  start: IsoDate;
  end: IsoDate;
}

export interface MeetingHours {
  /** Minutes per category; meetings with no category are in `uncategorised`. */
  minutes: Record<Category, number>;
  uncategorised: number;
  total: number;
  meetings: number;
}

function inSpan(e: LedgerEvent, span: DateSpan): boolean {
  if (e.bucket !== "timed") return false;
  const d = startDate(e);
  return d >= span.start && d <= span.end;
}

export function meetingHoursByCategory(
  events: readonly LedgerEvent[],
  span: DateSpan,
): MeetingHours {
  const minutes = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  let uncategorised = 0;
  let meetings = 0;
  for (const e of events) {
    if (!inSpan(e, span)) continue;
    meetings++;
    if (e.category) minutes[e.category] += e.minutes;
    else uncategorised += e.minutes;
  }
  const total = CATEGORIES.reduce((s, c) => s + minutes[c], uncategorised);
  return { minutes, uncategorised, total, meetings };
}

export interface SeriesCost {
  uid: string;
  title: string;
  category?: Category;
  occurrences: number;
  minutes: number;
  /** Minutes per week over the span. */
  perWeek: number;
}

/** Recurring series (two or more occurrences in the span) by minutes, the costliest first. */
export function costliestSeries(
  events: readonly LedgerEvent[],
  span: DateSpan,
  limit = 5,
): SeriesCost[] {
  const weeks = Math.max(1, (daysBetween(span.start, span.end) + 1) / 7);
  const bySeries = new Map<string, SeriesCost>();
  for (const e of events) {
    if (!inSpan(e, span)) continue;
    const s = bySeries.get(e.uid) ?? {
      uid: e.uid,
      title: e.title,
      category: e.category,
      occurrences: 0,
      minutes: 0,
      perWeek: 0,
    };
    s.occurrences++;
    s.minutes += e.minutes;
    // The latest occurrence's title and category speak for the series.
    s.title = e.title;
    s.category = e.category;
    bySeries.set(e.uid, s);
  }
  return [...bySeries.values()]
    .filter((s) => s.occurrences >= 2)
    .map((s) => ({ ...s, perWeek: Math.round((s.minutes / weeks) * 10) / 10 }))
    .sort((a, b) => b.minutes - a.minutes || (a.uid < b.uid ? -1 : 1))
    .slice(0, limit);
}

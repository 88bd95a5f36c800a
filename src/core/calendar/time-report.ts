import type { Category } from "../category.js";
import { addDays, type IsoDate, startOfWeek } from "../dates.js";
import type { LedgerEvent } from "./ledger.js";
import { costliestSeries, meetingHoursByCategory, type SeriesCost } from "./meeting-hours.js";
import { type MeetingLoad, meetingLoad } from "./meeting-load.js";
import { overlapsRange } from "./occurrence.js";
import type { WorkingHours } from "./settings.js";

/**
 * The dashboard's Time view, whole: meeting hours per category per week (the stacked chart),
 * this week's meetings with their categories (the week's calendar), the costliest series over
 * the weeks shown, and the meeting load. One function, so the page and any later CLI view show
 * the same figures.
 */
export interface WeekHours {
  week: IsoDate;
  minutes: Record<Category, number>;
  uncategorised: number;
}

export interface WeekMeeting {
  start: string;
  end: string;
  minutes: number;
  title: string;
  category: Category | null;
  guessed: boolean;
  series: string;
}

export interface TimeReport {
  today: IsoDate;
  weeks: WeekHours[];
  /** Monday of the week shown as a calendar. */
  week: IsoDate;
  meetings: WeekMeeting[];
  costliest: SeriesCost[];
  load: MeetingLoad;
  sources: number;
}

export interface TimeReportInput {
  events: readonly LedgerEvent[];
  sources: number;
  today: IsoDate;
  hours: WorkingHours;
  zone: string;
  /** Weeks in the chart, this one included. */
  weeks?: number;
}

export function timeReport(input: TimeReportInput): TimeReport {
  const count = input.weeks ?? 8;
  const monday = startOfWeek(input.today);
  const first = addDays(monday, -7 * (count - 1));
  const weeks: WeekHours[] = [];
  for (let w = first; w <= monday; w = addDays(w, 7)) {
    const h = meetingHoursByCategory(input.events, { start: w, end: addDays(w, 6) });
    weeks.push({ week: w, minutes: h.minutes, uncategorised: h.uncategorised });
  }
  const next = addDays(monday, 7);
  const meetings = input.events
    .filter((e) => e.bucket === "timed" && overlapsRange(e, monday, next))
    .map((e) => ({
      start: e.start,
      end: e.end,
      minutes: e.minutes,
      title: e.title,
      category: e.category ?? null,
      guessed: e.guessed,
      series: e.uid,
    }));
  return {
    today: input.today,
    weeks,
    week: monday,
    meetings,
    costliest: costliestSeries(input.events, { start: first, end: addDays(monday, 6) }),
    load: meetingLoad(input.events, { from: first, to: next }, input.hours, input.zone),
    sources: input.sources,
  };
}

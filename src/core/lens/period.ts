import {
  addDays,
  addMonths,
  daysBetween,
  type IsoDate,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
} from "../dates.js";
import { PpppptError } from "../errors.js";

/**
 * The stretch of days a report covers. Both ends are inclusive; a period that contains today
 * ends today, since nothing can be done in the future.
 */
export type PeriodKind = "week" | "month" | "quarter";

export interface Period {
  kind: PeriodKind | "since" | "last";
  start: IsoDate;
  end: IsoDate;
  /** "2026-W48", "2026-11", "2026-Q4", "since 2026-10-01", "last 30 days". */
  label: string;
}

/**
 * The default period of every report that judges a mix: a rolling window is never one day
 * long (a calendar month is, on the 1st), so it has the same weight on any day.
 */
export const DEFAULT_LAST_DAYS = 30;

/** The `days` days ending today (today included). */
export function lastDaysPeriod(days: number, today: IsoDate): Period {
  return {
    kind: "last",
    start: addDays(today, -(days - 1)),
    end: today,
    label: `last ${days} day${days === 1 ? "" : "s"}`,
  };
}

/** `--last 7d|30d|90d` (any whole number of days `Nd` or weeks `Nw`, up to ten years). */
export function parseLastDays(text: string): number {
  const m = /^\s*(\d{1,4})\s*([dw])\s*$/i.exec(text);
  const days = m ? Number(m[1]) * (m[2]?.toLowerCase() === "w" ? 7 : 1) : 0;
  if (!m || days < 1 || days > 3660) {
    throw new PpppptError(`"${text}" is not a length of time for --last`, {
      hint: "Use a number of days or weeks: 7d, 30d, 90d, 2w.",
    });
  }
  return days;
}

/**
 * A period by the name the shells use: "week", "month", "quarter" (the calendar period that
 * contains today) or "7d", "30d", "90d" (the last days); what the dashboard's period picker
 * and the CLI's flags both resolve through.
 */
export function namedPeriod(name: string, today: IsoDate): Period {
  const kind = (["week", "month", "quarter"] as const).find((k) => k === name);
  if (kind) return periodOf(kind, today, today);
  if (/^\d+[dw]$/i.test(name)) return lastDaysPeriod(parseLastDays(name), today);
  throw new PpppptError(`"${name}" is not a period`, {
    hint: "Use week, month, quarter, or a number of days: 7d, 30d, 90d.",
  });
}

/** The periods a trend over `period` is drawn in: its own kind, else weeks (months past 60 days). */
export function trendKindOf(period: Period): PeriodKind {
  if (period.kind === "week" || period.kind === "month" || period.kind === "quarter")
    return period.kind;
  return periodDays(period) > 60 ? "month" : "week";
}

function periodStart(kind: PeriodKind, date: IsoDate): IsoDate {
  if (kind === "week") return startOfWeek(date);
  if (kind === "month") return startOfMonth(date);
  return startOfQuarter(date);
}

function nextStart(kind: PeriodKind, start: IsoDate): IsoDate {
  if (kind === "week") return addDays(start, 7);
  return addMonths(start, kind === "month" ? 1 : 3);
}

/** The calendar period of this kind that contains `date`, cut off at `today`. */
export function periodOf(kind: PeriodKind, date: IsoDate, today: IsoDate): Period {
  const start = periodStart(kind, date);
  const last = addDays(nextStart(kind, start), -1);
  return { kind, start, end: last < today ? last : today, label: periodLabel(kind, start) };
}

export function sincePeriod(start: IsoDate, today: IsoDate): Period {
  return { kind: "since", start, end: today, label: `since ${start}` };
}

/** The last `count` periods of a kind, oldest first; the last one contains today. */
export function recentPeriods(kind: PeriodKind, today: IsoDate, count: number): Period[] {
  const out: Period[] = [];
  let start = periodStart(kind, today);
  for (let i = 0; i < count; i++) {
    out.unshift(periodOf(kind, start, today));
    start = periodStart(kind, addDays(start, -1));
  }
  return out;
}

export function inPeriod(period: Period, date: IsoDate): boolean {
  return date >= period.start && date <= period.end;
}

export function periodDays(period: Period): number {
  return daysBetween(period.start, period.end) + 1;
}

/** ISO 8601 week number: the week with the year's first Thursday is week 1. */
export function isoWeek(date: IsoDate): { year: number; week: number } {
  const thursday = addDays(startOfWeek(date), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return { year, week };
}

function periodLabel(kind: PeriodKind, start: IsoDate): string {
  if (kind === "week") {
    const { year, week } = isoWeek(start);
    return `${year}-W${String(week).padStart(2, "0")}`;
  }
  if (kind === "month") return start.slice(0, 7);
  return `${start.slice(0, 4)}-Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`;
}

import {
  addDays,
  addMonths,
  daysBetween,
  type IsoDate,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
} from "../dates.js";

/**
 * The stretch of days a report covers. Both ends are inclusive; a period that contains today
 * ends today, since nothing can be done in the future.
 */
export type PeriodKind = "week" | "month" | "quarter";

export interface Period {
  kind: PeriodKind | "since";
  start: IsoDate;
  end: IsoDate;
  /** "2026-W48", "2026-11", "2026-Q4", "since 2026-10-01". */
  label: string;
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

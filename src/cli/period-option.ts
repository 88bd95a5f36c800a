import type { IsoDate } from "../core/dates.js";
import { PpppptError } from "../core/errors.js";
import {
  DEFAULT_LAST_DAYS,
  lastDaysPeriod,
  type Period,
  parseLastDays,
  periodOf,
  sincePeriod,
} from "../core/lens/period.js";

/** `--last 7d|30d|90d`, on every report that covers a period. */
export const LAST_OPTION = [
  "--last <days>",
  "the last days ending today: 7d, 30d, 90d (or weeks: 2w)",
] as const;

export interface PeriodFlags {
  week?: boolean;
  month?: boolean;
  quarter?: boolean;
  since?: string;
  last?: string;
}

/**
 * The period the flags ask for; `fallback` when none is given. At most one flag: two would
 * leave the reader guessing which one the report used.
 */
export async function periodFromFlags(
  flags: PeriodFlags,
  today: IsoDate,
  fallback: Period = lastDaysPeriod(DEFAULT_LAST_DAYS, today),
): Promise<Period> {
  const given = (["week", "month", "quarter", "since", "last"] as const).filter(
    (k) => flags[k] !== undefined && flags[k] !== false,
  );
  if (given.length > 1) {
    throw new PpppptError(`choose one of ${given.map((k) => `--${k}`).join(", ")}`);
  }
  if (flags.last !== undefined) return lastDaysPeriod(parseLastDays(flags.last), today);
  if (flags.since !== undefined) {
    // The natural-date parser (chrono) is loaded only when --since is used.
    const { requireNaturalDate } = await import("../core/natural-date.js");
    const start = requireNaturalDate(flags.since, today, "date for --since");
    if (start > today) throw new PpppptError(`--since ${start} is after today (${today})`);
    return sincePeriod(start, today);
  }
  if (flags.week) return periodOf("week", today, today);
  if (flags.month) return periodOf("month", today, today);
  if (flags.quarter) return periodOf("quarter", today, today);
  return fallback;
}

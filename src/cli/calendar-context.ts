import { addDays, type IsoDate, isIsoDate } from "../core/dates.js";
import { PpppptError } from "../core/errors.js";
import type { CliContext } from "./context.js";

/**
 * What the calendar commands share: the range flags and the user's zone.
 *
 * The default range, 12 weeks back and 4 ahead of today, covers a quarter's review and the
 * month being planned, without expanding decades of a daily standup nobody reads.
 */
export const DEFAULT_WEEKS_BACK = 12;
export const DEFAULT_WEEKS_AHEAD = 4;

export interface RangeOptions {
  from?: string;
  to?: string;
}

export function calendarRange(
  ctx: CliContext,
  options: RangeOptions,
): { from: IsoDate; to: IsoDate } {
  const today = ctx.today();
  const from = dateOption("--from", options.from) ?? addDays(today, -7 * DEFAULT_WEEKS_BACK);
  const to = dateOption("--to", options.to) ?? addDays(today, 7 * DEFAULT_WEEKS_AHEAD);
  if (from >= to) {
    throw new PpppptError(`--from ${from} is not before --to ${to}`, {
      hint: "The range is [--from 00:00, --to 00:00): --to is the first day left out.",
    });
  }
  return { from, to };
}

function dateOption(flag: string, value: string | undefined): IsoDate | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value))
    throw new PpppptError(`${flag} ${value} is not a date`, { hint: "Use YYYY-MM-DD." });
  return value;
}

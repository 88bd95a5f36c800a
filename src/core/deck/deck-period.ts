import { addDays, type IsoDate } from "../dates.js";
import { PpppptError } from "../errors.js";
import { type Period, periodOf, sincePeriod } from "../lens/period.js";

/** A weekly status covers the last seven days, whatever the weekday of the meeting. */
export const DECK_DEFAULT_PERIOD = "7d";

/**
 * The deck's period by name, as the CLI's flags and the dashboard's picker give it: "week",
 * "month", "quarter" (the calendar period containing today) or "7d", "30d", "2w" (the last
 * days ending today).
 */
export function deckPeriod(name: string, today: IsoDate): Period {
  const kind = (["week", "month", "quarter"] as const).find((k) => k === name);
  if (kind) return periodOf(kind, today, today);
  const m = /^\s*(\d{1,4})\s*([dw])\s*$/i.exec(name);
  const days = m ? Number(m[1]) * (m[2]?.toLowerCase() === "w" ? 7 : 1) : 0;
  if (!m || days < 1 || days > 3660) {
    throw new PpppptError(`"${name}" is not a period for the deck`, {
      hint: "Use week, month, quarter, or a number of days or weeks: 7d, 14d, 30d, 2w.",
    });
  }
  return { ...sincePeriod(addDays(today, -(days - 1)), today), label: `last ${days} days` };
}

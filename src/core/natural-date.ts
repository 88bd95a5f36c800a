import * as chrono from "chrono-node";
import { addDays, type IsoDate, isIsoDate, localIsoDate } from "./dates.js";
import { PpppptError } from "./errors.js";

/**
 * The one place dates typed by people are read ("friday", "next week", "in 3 days",
 * "2026-12-01", "dec 3"), by chrono-node, relative to an injectable today.
 */

function referenceFor(today: IsoDate): Date {
  // Noon keeps "today" on the same calendar day whatever the local zone does.
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12, 0, 0);
}

const SHORTHANDS: Record<string, number> = { today: 0, tod: 0, tomorrow: 1, tom: 1, yesterday: -1 };

export function parseNaturalDate(text: string, today: IsoDate): IsoDate | undefined {
  const t = text.trim().toLowerCase();
  if (isIsoDate(t)) return t;
  if (t in SHORTHANDS) return addDays(today, SHORTHANDS[t] as number);
  const results = chrono.parse(t, referenceFor(today), { forwardDate: true });
  const first = results[0];
  if (first === undefined || first.index !== 0 || first.text.length !== t.length) {
    return undefined;
  }
  return localIsoDate(first.start.date());
}

export function requireNaturalDate(text: string, today: IsoDate, what = "date"): IsoDate {
  const date = parseNaturalDate(text, today);
  if (date === undefined) {
    throw new PpppptError(`"${text}" is not a ${what} ppppt can read`, {
      hint: 'Try 2026-12-01, "friday", "next week", "in 3 days" or "dec 3".',
    });
  }
  return date;
}

export interface FoundDate {
  date: IsoDate;
  /** The words that said it, as typed. */
  phrase: string;
  /** The text with those words (and a leading "by", "on", "due"…) taken out. */
  rest: string;
}

/**
 * Finds a due date inside free text: "Send promo packet to Dana by friday". Only phrases that
 * name a day count: a bare time ("at 3pm") or a number ("1:1", "Q3") is left in the text.
 */
export function findDateInText(text: string, today: IsoDate): FoundDate | undefined {
  const results = chrono.parse(text, referenceFor(today), { forwardDate: true });
  for (let i = results.length - 1; i >= 0; i--) {
    const r = results[i];
    if (!r) continue;
    const c = r.start;
    const namesDay =
      c.isCertain("weekday") ||
      c.isCertain("day") ||
      c.isCertain("month") ||
      /\b(today|tomorrow|tonight|week|month|year|days?|weeks?)\b/i.test(r.text);
    if (!namesDay) continue;
    // "1:1" and "3/4" style tokens are not dates in a to-do list.
    if (/^\d+[:/]\d+$/.test(r.text.trim())) continue;
    const before = text.slice(0, r.index).replace(/\b(by|on|due|before|until|for|at)\s*$/i, "");
    const after = text.slice(r.index + r.text.length);
    const rest = `${before.trimEnd()} ${after.trimStart()}`.trim();
    return { date: localIsoDate(c.date()), phrase: r.text, rest };
  }
  return undefined;
}

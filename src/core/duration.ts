import { PpppptError } from "./errors.js";

/**
 * Effort as people write it in estimates: `45m`, `2h`, `1h30m`, `1.5h`, `2d`, `1w`.
 * A day is a working day of 8 hours and a week is 5 of them, as in most trackers (Jira's
 * defaults); the docket keeps the text the user typed, ppppt only reads minutes from it.
 */
const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 8 * 60, w: 5 * 8 * 60 };
const PART = /(\d+(?:\.\d+)?)([mhdw])/gy;

export function parseDuration(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (t === "") return undefined;
  if (/^\d+$/.test(t)) return Number(t); // a bare number is minutes
  let total = 0;
  PART.lastIndex = 0;
  let consumed = 0;
  for (let m = PART.exec(t); m; m = PART.exec(t)) {
    total += Number(m[1]) * (UNIT_MINUTES[m[2] as string] as number);
    consumed = PART.lastIndex;
  }
  if (consumed !== t.length || consumed === 0) return undefined;
  return Math.round(total);
}

export function requireDuration(text: string, what = "duration"): number {
  const minutes = parseDuration(text);
  if (minutes === undefined) {
    throw new PpppptError(`"${text}" is not a ${what}`, {
      hint: "Write it as 45m, 2h, 1h30m, 1.5h, 2d (8h) or 1w (5d).",
    });
  }
  return minutes;
}

/** Shortest exact spelling in hours and minutes: 90 → "1h30m", 480 → "8h". */
export function formatDuration(minutes: number): string {
  const m = Math.round(minutes);
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest}m`;
  return rest === 0 ? `${h}h` : `${h}h${rest}m`;
}

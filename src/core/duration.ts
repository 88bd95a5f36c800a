import { PpppptError } from "./errors.js";

/**
 * Effort as people write it in estimates: `45m`, `2h`, `1h30m`, `1.5h`, `2d`, `1w`.
 * A day is a working day of 8 hours and a week is 5 of them, as in most trackers (Jira's
 * defaults); the docket keeps the text the user typed, ppppt only reads minutes from it.
 */
const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 8 * 60, w: 5 * 8 * 60 };
const PART = /(\d+(?:\.\d+)?)([mhdw])/gy;

export function parseDuration(text: string): number | undefined {
  const fast = scanDuration(text);
  if (fast !== SLOW_PATH) return fast;
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

const SLOW_PATH = -1;

/**
 * parseDuration for the text est:/spent: tags hold (lowercase digits and units, nothing to
 * trim), read without RegExps or allocation since the parser asks it of every such tag.
 * Anything else (upper case, spaces, long numbers) returns SLOW_PATH for the general code.
 */
function scanDuration(text: string): number | undefined {
  const n = text.length;
  if (n === 0 || n > 15) return SLOW_PATH;
  let total = 0;
  let i = 0;
  let digitsOnly = true;
  while (i < n) {
    const start = i;
    let value = 0;
    while (i < n && isDigit(text.charCodeAt(i))) value = value * 10 + text.charCodeAt(i++) - 48;
    if (i === start) return isPlain(text.charCodeAt(i)) ? undefined : SLOW_PATH;
    if (i === n) return digitsOnly ? value : undefined;
    let c = text.charCodeAt(i);
    if (c === 46 /* . */ && i + 1 < n && isDigit(text.charCodeAt(i + 1))) {
      i++;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      // Number() rounds a decimal fraction exactly as the general path does.
      value = Number(text.slice(start, i));
      if (i === n) return undefined;
      c = text.charCodeAt(i);
    }
    const unit = c === 109 ? 1 : c === 104 ? 60 : c === 100 ? 480 : c === 119 ? 2400 : 0;
    if (unit === 0) return isPlain(c) ? undefined : SLOW_PATH;
    total += value * unit;
    digitsOnly = false;
    i++;
  }
  return Math.round(total);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Characters that neither trim() nor toLowerCase() would change, so a verdict stands. */
function isPlain(c: number): boolean {
  return c > 32 && c < 127 && !(c >= 65 && c <= 90);
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

/**
 * Calendar dates as todo.txt writes them: `YYYY-MM-DD` strings, no time, no zone.
 * Arithmetic goes through UTC so a daylight-saving change never moves a date.
 */
export type IsoDate = string;

/**
 * True for a real calendar date written `YYYY-MM-DD`. Checked by hand, not with a RegExp and a
 * Date, because the docket parser asks this of every due:, t: and todo.txt date it reads; and
 * in straight lines, without loops, since that is mostly before the JIT warms.
 */
export function isIsoDate(value: string): boolean {
  if (value.length !== 10) return false;
  return isDateCodes(
    value.charCodeAt(0),
    value.charCodeAt(1),
    value.charCodeAt(2),
    value.charCodeAt(3),
    value.charCodeAt(4),
    value.charCodeAt(5),
    value.charCodeAt(6),
    value.charCodeAt(7),
    value.charCodeAt(8),
    value.charCodeAt(9),
  );
}

/** isIsoDate of the ten bytes at `at` (bytes past the end read as no digit). */
export function isIsoDateAt(bytes: Uint8Array, at: number): boolean {
  return isDateCodes(
    bytes[at] ?? 0,
    bytes[at + 1] ?? 0,
    bytes[at + 2] ?? 0,
    bytes[at + 3] ?? 0,
    bytes[at + 4] ?? 0,
    bytes[at + 5] ?? 0,
    bytes[at + 6] ?? 0,
    bytes[at + 7] ?? 0,
    bytes[at + 8] ?? 0,
    bytes[at + 9] ?? 0,
  );
}

function isDateCodes(
  c0: number,
  c1: number,
  c2: number,
  c3: number,
  c4: number,
  c5: number,
  c6: number,
  c7: number,
  c8: number,
  c9: number,
): boolean {
  if (c4 !== 45 || c7 !== 45) return false;
  const y0 = c0 - 48;
  const y1 = c1 - 48;
  const y2 = c2 - 48;
  const y3 = c3 - 48;
  const m0 = c5 - 48;
  const m1 = c6 - 48;
  const d0 = c8 - 48;
  const d1 = c9 - 48;
  // Unsigned, a character below "0" is huge too: one test per character that it is a digit.
  if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9) return false;
  if (m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return false;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1) return false;
  if (day <= 28) return true;
  return day <= daysInMonth(y0 * 1000 + y1 * 100 + y2 * 10 + y3, month);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1] as number;
  // As Date.UTC reads them, years 0-99 are 1900-1999.
  const y = year < 100 ? year + 1900 : year;
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
}

function toUtc(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

/** The local calendar date of an instant: what the user's wall calendar says. */
export function localIsoDate(instant: Date): IsoDate {
  const y = instant.getFullYear();
  const m = String(instant.getMonth() + 1).padStart(2, "0");
  const d = String(instant.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return fromUtc(d);
}

/** Month arithmetic clamps to the month's end: Jan 31 + 1 month is Feb 28 (or 29). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const d = toUtc(date);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = daysInMonth(target.getUTCFullYear(), target.getUTCMonth() + 1);
  target.setUTCDate(Math.min(day, last));
  return fromUtc(target);
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  if (isIsoDate(a) && isIsoDate(b)) return epochDay(b) - epochDay(a);
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

/** 0 = Monday … 6 = Sunday (ISO weekday order, weeks start on Monday). */
export function weekdayIndex(date: IsoDate): number {
  // 1970-01-01, epoch day 0, was a Thursday (index 3).
  if (isIsoDate(date)) return (((epochDay(date) + 3) % 7) + 7) % 7;
  return (toUtc(date).getUTCDay() + 6) % 7;
}

/**
 * Days since 1970-01-01 of a real `YYYY-MM-DD` date, by arithmetic (Hinnant's days_from_civil)
 * rather than by parsing a Date: `list` asks this twice for every item with a due date.
 */
function epochDay(date: IsoDate): number {
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const y = Number(date.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function startOfWeek(date: IsoDate): IsoDate {
  return addDays(date, -weekdayIndex(date));
}

export function startOfMonth(date: IsoDate): IsoDate {
  return `${date.slice(0, 7)}-01`;
}

export function startOfQuarter(date: IsoDate): IsoDate {
  const month = Number(date.slice(5, 7));
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  return `${date.slice(0, 4)}-${String(first).padStart(2, "0")}-01`;
}

/** Adds business days (Monday to Friday), as Simpletask's `b` recurrence unit does. */
export function addBusinessDays(date: IsoDate, days: number): IsoDate {
  let d = date;
  let left = days;
  while (left > 0) {
    d = addDays(d, 1);
    if (weekdayIndex(d) < 5) left--;
  }
  return d;
}

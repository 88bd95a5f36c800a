import type { IsoDate } from "../dates.js";

/**
 * A moment read from an export. `ms` is the instant (epoch milliseconds) when the text carried a
 * zone; when it did not (Jira CSV: "15/Feb/26 10:53 AM"), the time is floating and `ms` is its
 * wall clock read as if it were UTC, so its date is the date as written whatever the user's zone.
 * `wallMs` is always the wall clock as written (for differences between a floating and a zoned
 * time, which compare wall clocks as the reference implementation does).
 */
export interface Timestamp {
  ms: number;
  wallMs: number;
  zoned: boolean;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function valid(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function make(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  offsetMinutes: number | undefined,
): Timestamp | undefined {
  if (!valid(y, mo, d, h, mi, s)) return undefined;
  const wallMs = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  if (offsetMinutes === undefined) return { ms: wallMs, wallMs, zoned: false };
  return { ms: wallMs - offsetMinutes * 60_000, wallMs, zoned: true };
}

function offsetOf(zone: string | undefined): number | undefined {
  if (zone === undefined) return undefined;
  if (zone.toUpperCase() === "Z") return 0;
  const sign = zone[0] === "-" ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || "0"));
}

/**
 * ISO 8601 as the trackers write it: `2016-03-03T13:40:01.000+0000` (Jira: no colon),
 * `2017-03-17T03:44:12.073Z`, `2026-02-07T06:11:47Z`, a bare date (GitLab's due_date), and
 * Taskwarrior's basic form `20190824T175853Z`.
 */
export function parseIsoTimestamp(text: string): Timestamp | undefined {
  const s = text.trim();
  const basic = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z)?$/i.exec(s);
  if (basic) {
    const [, y, mo, d, h, mi, sec, z] = basic;
    return make(
      +(y as string),
      +(mo as string),
      +(d as string),
      +(h as string),
      +(mi as string),
      +(sec as string),
      0,
      z ? 0 : undefined,
    );
  }
  const m = ISO.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, sec, frac, zone] = m;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  return make(
    +(y as string),
    +(mo as string),
    +(d as string),
    +(h ?? 0),
    +(mi ?? 0),
    +(sec ?? 0),
    ms,
    offsetOf(zone),
  );
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function hour12(h: number, ampm: string | undefined): number {
  if (ampm === undefined) return h;
  if (h < 1 || h > 12) return 99;
  const pm = ampm.toUpperCase() === "PM";
  return (h % 12) + (pm ? 12 : 0);
}

function fullYear(y: string): number {
  // Jira writes two-digit years for this century; 69 and up would be last century, as in C.
  if (y.length === 4) return Number(y);
  const n = Number(y);
  return n < 69 ? 2000 + n : 1900 + n;
}

/**
 * RFC 822 / 2822, as in Jira's RSS: `Sun, 10 Mar 2024 03:55:53 -0700`. Named US zones and
 * GMT/UT are read too; a date without a zone is floating.
 */
export function parseRfc822(text: string): Timestamp | undefined {
  const m =
    /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3,})\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,5})?$/.exec(
      text.trim(),
    );
  if (!m) return undefined;
  const [, d, mon, y, h, mi, s, zone] = m;
  const month = monthIndex(mon as string);
  if (month === 0) return undefined;
  const named: Record<string, number> = {
    GMT: 0,
    UT: 0,
    UTC: 0,
    Z: 0,
    EST: -300,
    EDT: -240,
    CST: -360,
    CDT: -300,
    MST: -420,
    MDT: -360,
    PST: -480,
    PDT: -420,
  };
  let offset: number | undefined;
  if (zone !== undefined) {
    if (/^[+-]\d{4}$/.test(zone)) offset = offsetOf(zone);
    else {
      offset = named[zone.toUpperCase()];
      if (offset === undefined) return undefined;
    }
  }
  return make(
    fullYear(y as string),
    month,
    +(d as string),
    +(h as string),
    +(mi as string),
    +(s ?? 0),
    0,
    offset,
  );
}

/**
 * A date in a Jira CSV export. Jira writes `15/Feb/26 10:53 AM` (its default "dd/MMM/yy h:mm a")
 * or ISO-like `2025-09-22 09:26`; a file re-saved by Excel in a US locale has `12/4/2025 19:39`
 * (month first, as Excel writes it). None carries a zone: all are floating.
 */
export function parseJiraCsvDate(text: string): Timestamp | undefined {
  const s = text.trim();
  if (s === "") return undefined;
  let m =
    /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?$/.exec(
      s,
    );
  if (m) {
    const [, d, mon, y, h, mi, sec, ampm] = m;
    const month = monthIndex(mon as string);
    if (month === 0) return undefined;
    return make(
      fullYear(y as string),
      month,
      +(d as string),
      hour12(+(h as string), ampm),
      +(mi as string),
      +(sec ?? 0),
      0,
      undefined,
    );
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?$/.exec(
    s,
  );
  if (m) {
    const [, mo, d, y, h, mi, sec, ampm] = m;
    return make(
      +(y as string),
      +(mo as string),
      +(d as string),
      hour12(+(h as string), ampm),
      +(mi as string),
      +(sec ?? 0),
      0,
      undefined,
    );
  }
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\s+(\d{1,2}):(\d{2})$/.exec(s);
  if (m) {
    const [, d, mo, y, h, mi] = m;
    return make(
      +(y as string),
      +(mo as string),
      +(d as string),
      +(h as string),
      +(mi as string),
      0,
      0,
      undefined,
    );
  }
  return parseIsoTimestamp(s);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date of a moment in the user's zone (an IANA name, given by the shell): an
 * issue closed at 23:30 UTC was closed "tomorrow" in Berlin. Floating times keep their own date.
 */
export function timestampDate(t: Timestamp, zone: string): IsoDate {
  if (!t.zoned) return new Date(t.wallMs).toISOString().slice(0, 10);
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    formatters.set(zone, f);
  }
  return f.format(new Date(t.ms));
}

/** Hours from `a` to `b`; a floating and a zoned time compare wall clocks. */
export function hoursBetween(a: Timestamp, b: Timestamp): number {
  const both = a.zoned && b.zoned;
  return (both ? b.ms - a.ms : b.wallMs - a.wallMs) / 3_600_000;
}

/** The zone's offset from UTC, in minutes, at the instant `ms`. */
function zoneOffset(ms: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(ms));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The instant a calendar date begins in the user's zone: what a date-only item becomes in a
 * tool that keeps moments (Taskwarrior), so that reading it back in the same zone gives the
 * same date.
 */
export function startOfDateIn(date: IsoDate, zone: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  let ms = guess - zoneOffset(guess, zone) * 60_000;
  // Near a DST change the offset at the guess differs from the offset at the answer.
  ms = guess - zoneOffset(ms, zone) * 60_000;
  return ms;
}

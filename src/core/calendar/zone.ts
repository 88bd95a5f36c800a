import { findIana } from "windows-iana";

/**
 * Time zones a calendar names without defining them. RFC 5545 wants a VTIMEZONE for every
 * TZID, but exports often omit it (Google, vdir dumps) or name a Windows zone ("Pacific
 * Standard Time"). ical.js reads such times as floating; we read them in the zone they name,
 * with the IANA rules Node's Intl carries (the ICU data built into Node), so no zone database
 * ships with ppppt.
 */

/** Wall-clock fields, months 1..12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone: zone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      f = null;
    }
    formatters.set(zone, f);
  }
  return f;
}

/** True when Intl knows this IANA zone name. */
export function isKnownZone(zone: string): boolean {
  return formatter(zone) !== null;
}

/**
 * The IANA zone a TZID means, or undefined: an IANA name as is, a Windows name through the
 * CLDR table (windows-iana), and the decorated forms exporters write
 * ("/mozilla.org/20050126_1/America/New_York", a quoted name).
 */
export function resolveZone(tzid: string): string | undefined {
  if (resolved.has(tzid)) return resolved.get(tzid);
  const zone = resolveUncached(tzid);
  resolved.set(tzid, zone);
  return zone;
}

const resolved = new Map<string, string | undefined>();

function resolveUncached(tzid: string): string | undefined {
  const name = tzid.trim().replace(/^"|"$/g, "");
  if (name === "") return undefined;
  if (/^(utc|gmt|z)$/i.test(name)) return "UTC";
  if (isKnownZone(name)) return canonical(name);
  const windows = findIana(name)[0];
  if (windows && isKnownZone(windows)) return windows;
  // Mozilla's and others' prefixed names end with the IANA name: try the last two or three parts.
  const parts = name.split("/").filter((p) => p !== "");
  for (const n of [3, 2]) {
    if (parts.length > n) {
      const tail = parts.slice(-n).join("/");
      if (isKnownZone(tail)) return canonical(tail);
    }
  }
  return undefined;
}

function canonical(zone: string): string {
  return (formatter(zone) as Intl.DateTimeFormat).resolvedOptions().timeZone;
}

const DAY = 86_400_000;
const QUARTER_HOUR = 900_000;
/** Per zone: a day's offset when it has one all day, else the offsets of its quarter hours. */
const offsets = new Map<string, Map<number, number | Map<number, number>>>();

/**
 * The offset of `zone` from UTC at instant `ms`, in minutes (east positive). Remembered per
 * UTC day when the offset holds all day, else per quarter hour: every offset change since 1970
 * falls on one (offsets and the local times of changes are whole quarter hours). Intl's
 * formatToParts is otherwise most of an import's time.
 */
export function offsetAt(ms: number, zone: string): number {
  let days = offsets.get(zone);
  if (!days) {
    days = new Map();
    offsets.set(zone, days);
  }
  const day = Math.floor(ms / DAY);
  let known = days.get(day);
  if (known === undefined) {
    const first = offsetAtUncached(day * DAY, zone);
    known = first === offsetAtUncached((day + 1) * DAY - QUARTER_HOUR, zone) ? first : new Map();
    if (days.size > 50_000) days.clear();
    days.set(day, known);
  }
  if (typeof known === "number") return known;
  const quarter = Math.floor(ms / QUARTER_HOUR);
  let offset = known.get(quarter);
  if (offset === undefined) {
    offset = offsetAtUncached(quarter * QUARTER_HOUR, zone);
    known.set(quarter, offset);
  }
  return offset;
}

function offsetAtUncached(ms: number, zone: string): number {
  const wall = wallAt(ms, zone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** The wall clock of `zone` at instant `ms`. */
export function wallAt(ms: number, zone: string): WallTime {
  const f = formatter(zone);
  if (!f) throw new Error(`unknown time zone ${zone}`);
  const out: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of f.formatToParts(new Date(ms))) {
    if (part.type in out) out[part.type as keyof WallTime] = Number(part.value);
  }
  return out;
}

/**
 * The instant a wall-clock time in `zone` names. In a gap (spring forward) the time is read
 * with the offset before the gap, as RFC 5545 §3.3.5 says; in an overlap, the first of the two.
 */
export function wallToUtc(wall: WallTime, zone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const before = offsetAt(asUtc - 86_400_000, zone);
  const after = offsetAt(asUtc + 86_400_000, zone);
  const first = asUtc - Math.max(before, after) * 60_000;
  const second = asUtc - Math.min(before, after) * 60_000;
  // The earlier candidate that reads back as this wall time wins (the first of an overlap).
  for (const t of first <= second ? [first, second] : [second, first]) {
    if (offsetAt(t, zone) * 60_000 === asUtc - t) return t;
  }
  // A gap: neither reads back; use the offset in force before it.
  return asUtc - before * 60_000;
}

/** Years the generated VTIMEZONE covers: past that, the last offset holds. */
const FIRST_YEAR = 1970;
const LAST_YEAR = 2060;
const WEEK = 7 * 86_400_000;

/**
 * A VTIMEZONE for an IANA zone, from Intl's rules: one observance per offset change between
 * 1970 and 2060, found by stepping a week at a time and narrowing each change to the minute.
 * ical.js is then given the zone as if the file had defined it, so it matches overrides,
 * exclusions and durations across DST changes itself.
 */
export function vtimezoneFor(tzid: string, zone: string): string {
  const lines = ["BEGIN:VTIMEZONE", `TZID:${tzid}`];
  let t = Date.UTC(FIRST_YEAR, 0, 1);
  const end = Date.UTC(LAST_YEAR, 0, 1);
  let offset = offsetAt(t, zone);
  lines.push(...observance("STANDARD", Date.UTC(1601, 0, 1), offset, offset));
  while (t < end) {
    const next = t + WEEK;
    const nextOffset = offsetAt(next, zone);
    if (nextOffset !== offset) {
      let lo = t;
      let hi = next;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (offsetAt(mid, zone) === offset) lo = mid;
        else hi = mid;
      }
      const kind = nextOffset > offset ? "DAYLIGHT" : "STANDARD";
      lines.push(...observance(kind, hi + offset * 60_000, offset, nextOffset));
      offset = nextOffset;
    }
    t = next;
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n");
}

function observance(kind: string, localMs: number, from: number, to: number): string[] {
  const d = new Date(localMs).toISOString();
  const stamp = `${d.slice(0, 4)}${d.slice(5, 7)}${d.slice(8, 10)}T${d.slice(11, 13)}${d.slice(14, 16)}${d.slice(17, 19)}`;
  return [
    `BEGIN:${kind}`,
    `DTSTART:${stamp}`,
    `TZOFFSETFROM:${utcOffset(from)}`,
    `TZOFFSETTO:${utcOffset(to)}`,
    `END:${kind}`,
  ];
}

function utcOffset(minutes: number): string {
  const a = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${String(Math.floor(a / 60)).padStart(2, "0")}${String(a % 60).padStart(2, "0")}`;
}

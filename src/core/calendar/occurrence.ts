import type { Category } from "../category.js";
import type { IsoDate } from "../dates.js";

/**
 * One occurrence of a calendar event, as ppppt counts it. Every occurrence lands in exactly one
 * bucket, tested in this order: cancelled, all-day (out-of-office and holidays are not meeting
 * time), declined by the user, free (TRANSP:TRANSPARENT), and only then timed. Only timed
 * occurrences are meeting time.
 */
export const BUCKETS = ["cancelled", "allDay", "declined", "free", "timed"] as const;
export type Bucket = (typeof BUCKETS)[number];

export interface Occurrence {
  /** The event's UID: the series id every occurrence of a recurring event shares. */
  uid: string;
  /** Which occurrence of the series: its RECURRENCE-ID as a UTC instant, "" for a single event. */
  instance: string;
  /** Start in its own zone, `2026-11-30T09:00+01:00`; a date (`2026-11-30`) when all-day. */
  start: string;
  /** End likewise (all-day: the day after the last, as iCalendar has it). */
  end: string;
  /** The zone the times are in: an IANA name, a VTIMEZONE's TZID, or UTC. */
  zone: string;
  /** Elapsed minutes, start to end, not clipped to any range; 0 for all-day. */
  minutes: number;
  bucket: Bucket;
  title: string;
  /** People invited besides the organiser (the count only: addresses stay in the calendar). */
  attendees: number;
  category?: Category;
}

/** Start as a UTC instant in milliseconds (an all-day date reads as its UTC midnight). */
export function startMs(o: Pick<Occurrence, "start">): number {
  return instantOf(o.start);
}

export function endMs(o: Pick<Occurrence, "end">): number {
  return instantOf(o.end);
}

function instantOf(stamp: string): number {
  return Date.parse(stamp.length === 10 ? `${stamp}T00:00Z` : stamp);
}

/** The local date an occurrence starts on, in its own zone. */
export function startDate(o: Pick<Occurrence, "start">): string {
  return o.start.slice(0, 10);
}

/** The occurrences of each bucket, counted, with the timed minutes: one file's summary. */
export interface BucketCounts {
  timed: number;
  minutes: number;
  allDay: number;
  cancelled: number;
  declined: number;
  free: number;
}

export function countBuckets(occurrences: readonly Occurrence[]): BucketCounts {
  const c: BucketCounts = { timed: 0, minutes: 0, allDay: 0, cancelled: 0, declined: 0, free: 0 };
  tallyBuckets(c, occurrences);
  c.minutes = Math.round(c.minutes * 100) / 100;
  return c;
}

/** Adds occurrences to counts as they come (a streamed import); minutes are not rounded. */
export function tallyBuckets(c: BucketCounts, occurrences: readonly Occurrence[]): void {
  for (const o of occurrences) {
    c[o.bucket]++;
    if (o.bucket === "timed") c.minutes += o.minutes;
  }
}

/** Whether an occurrence overlaps [from 00:00, to 00:00) in its own zone (both ends compared as wall clock in that zone; a zero-length one by its start). */
export function overlapsRange(o: Occurrence, from: IsoDate, to: IsoDate): boolean {
  if (o.start.length === 10) return o.start < to && o.end > from;
  const start = o.start.slice(0, 16);
  if (start >= `${to}T00:00`) return false;
  if (o.minutes === 0) return start >= `${from}T00:00`;
  // The end's wall clock at the start's offset, to the minute, after `from` 00:00: at least a
  // minute past it. Numbers, not a formatted date: this runs for every occurrence expanded.
  return Date.parse(o.end) + startOffsetMs(o.start) >= Date.parse(`${from}T00:00Z`) + 60_000;
}

/** The offset a stamp is written at (`…+01:00`, `…-05:30`, `…Z`), in milliseconds. */
function startOffsetMs(stamp: string): number {
  const n = stamp.length;
  const sign = stamp[n - 6];
  if ((sign !== "+" && sign !== "-") || stamp[n - 3] !== ":") return 0;
  const minutes = Number(stamp.slice(n - 5, n - 3)) * 60 + Number(stamp.slice(n - 2));
  return (sign === "-" ? -minutes : minutes) * 60_000;
}

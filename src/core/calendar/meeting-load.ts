import { addDays, type IsoDate, startOfWeek, weekdayIndex } from "../dates.js";
import type { LedgerEvent } from "./ledger.js";
import { endMs, startDate, startMs } from "./occurrence.js";
import type { WorkingHours } from "./settings.js";
import { wallToUtc } from "./zone.js";

/**
 * Meeting load a leader can act on, over [from, to):
 * - hours in meetings per week, double-booked time counted once;
 * - 1:1 hours: meetings with exactly two people (the user and one other), or titled "1:1";
 * - focus time: free blocks of at least two hours inside working hours (the definition
 *   Clockwise and Multitudes use), per week;
 * - the most fragmented working days: the most free gaps too short to focus in (under two
 *   hours) between and around meetings, then the least focus time.
 * Only timed meetings take time; declined and free ones leave it free.
 */
export const FOCUS_MINUTES = 120;

export interface WeekLoad {
  /** The Monday the week starts on. */
  week: IsoDate;
  meetingMinutes: number;
  oneOnOneMinutes: number;
  focusMinutes: number;
  meetings: number;
}

export interface DayLoad {
  date: IsoDate;
  meetings: number;
  meetingMinutes: number;
  focusMinutes: number;
  /** Free gaps inside working hours shorter than FOCUS_MINUTES. */
  shortGaps: number;
}

export interface MeetingLoad {
  from: IsoDate;
  to: IsoDate;
  weeks: WeekLoad[];
  fragmentedDays: DayLoad[];
}

const ONE_ON_ONE = /\b1\s*[:/-]\s*1\b|\bone[- ]on[- ]one\b/i;

export function isOneOnOne(e: Pick<LedgerEvent, "attendees" | "title">): boolean {
  return e.attendees === 2 || ONE_ON_ONE.test(e.title);
}

type Interval = [number, number];

function merge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [s, e] of sorted) {
    const last = out.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

const minutesOf = (intervals: readonly Interval[]) =>
  intervals.reduce((sum, [s, e]) => sum + (e - s) / 60_000, 0);

export function meetingLoad(
  events: readonly LedgerEvent[],
  range: { from: IsoDate; to: IsoDate },
  hours: WorkingHours,
  zone: string,
): MeetingLoad {
  const timed = events.filter(
    (e) => e.bucket === "timed" && startDate(e) >= range.from && startDate(e) < range.to,
  );
  const intervals = timed.map((e): Interval => [startMs(e), endMs(e)]);
  const weeks = new Map<IsoDate, WeekLoad>();
  const weekOf = (date: IsoDate) => {
    const week = startOfWeek(date);
    let w = weeks.get(week);
    if (!w) {
      w = { week, meetingMinutes: 0, oneOnOneMinutes: 0, focusMinutes: 0, meetings: 0 };
      weeks.set(week, w);
    }
    return w;
  };
  const perWeek = new Map<IsoDate, Interval[]>();
  for (const [i, e] of timed.entries()) {
    const w = weekOf(startDate(e));
    w.meetings++;
    if (isOneOnOne(e)) w.oneOnOneMinutes += e.minutes;
    perWeek.set(w.week, [...(perWeek.get(w.week) ?? []), intervals[i] as Interval]);
  }
  for (const [week, list] of perWeek)
    (weeks.get(week) as WeekLoad).meetingMinutes = minutesOf(merge(list));

  const days: DayLoad[] = [];
  const busy = merge(intervals);
  for (let d = range.from; d < range.to; d = addDays(d, 1)) {
    if (!hours.days.includes(weekdayIndex(d))) continue;
    const window = workingWindow(d, hours, zone);
    const inside = busy
      .map(([s, e]): Interval => [Math.max(s, window[0]), Math.min(e, window[1])])
      .filter(([s, e]) => e > s);
    const gaps: number[] = [];
    let cursor = window[0];
    for (const [s, e] of inside) {
      if (s > cursor) gaps.push((s - cursor) / 60_000);
      cursor = Math.max(cursor, e);
    }
    if (window[1] > cursor) gaps.push((window[1] - cursor) / 60_000);
    const focus = gaps.filter((g) => g >= FOCUS_MINUTES).reduce((a, b) => a + b, 0);
    weekOf(d).focusMinutes += focus;
    days.push({
      date: d,
      meetings: timed.filter((e) => startDate(e) === d).length,
      meetingMinutes: minutesOf(inside),
      focusMinutes: focus,
      shortGaps: inside.length === 0 ? 0 : gaps.filter((g) => g < FOCUS_MINUTES).length,
    });
  }
  const fragmentedDays = days
    .filter((d) => d.shortGaps > 0)
    .sort(
      (a, b) =>
        b.shortGaps - a.shortGaps || a.focusMinutes - b.focusMinutes || (a.date < b.date ? -1 : 1),
    )
    .slice(0, 3);
  return {
    ...range,
    weeks: [...weeks.values()].sort((a, b) => (a.week < b.week ? -1 : 1)),
    fragmentedDays,
  };
}

/** A day's working hours as instants, in the user's zone. */
function workingWindow(date: IsoDate, hours: WorkingHours, zone: string): Interval {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const at = (minutes: number) =>
    wallToUtc(
      {
        year: y,
        month: m,
        day: d,
        hour: Math.floor(minutes / 60),
        minute: minutes % 60,
        second: 0,
      },
      zone,
    );
  return [at(hours.start), at(hours.end)];
}

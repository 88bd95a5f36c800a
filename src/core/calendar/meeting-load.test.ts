import { describe, expect, it } from "vitest";
import type { LedgerEvent } from "./ledger.js";
import { costliestSeries, meetingHoursByCategory } from "./meeting-hours.js";
import { isOneOnOne, meetingLoad } from "./meeting-load.js";
import { workingHoursOf } from "./settings.js";

function meeting(
  uid: string,
  start: string,
  minutes: number,
  extra: Partial<LedgerEvent> = {},
): LedgerEvent {
  const end = new Date(Date.parse(start) + minutes * 60_000).toISOString().slice(0, 16);
  return {
    source: "s",
    uid,
    instance: "",
    start,
    end: `${end}Z`,
    zone: "UTC",
    minutes,
    bucket: "timed",
    title: uid,
    attendees: 5,
    category: "process",
    guessed: false,
    ...extra,
  };
}

// Monday 2 March 2026, in UTC so the working hours 09:00-17:00 are easy to read.
const events = [
  meeting("staff", "2026-03-02T09:00Z", 60),
  meeting("staff", "2026-03-09T09:00Z", 60),
  meeting("dana", "2026-03-02T10:30Z", 30, { attendees: 2, category: "people" }),
  meeting("overlap", "2026-03-02T09:30Z", 60, { category: undefined }),
  meeting("review", "2026-03-02T14:00Z", 60, { category: "tech" }),
  meeting("declined", "2026-03-03T09:00Z", 480, { bucket: "declined" }),
];

describe("meeting hours and load", () => {
  it("sums timed minutes per category in a period, by start date", () => {
    const h = meetingHoursByCategory(events, { start: "2026-03-02", end: "2026-03-08" });
    expect(h.minutes).toEqual({ people: 30, product: 0, process: 60, public: 0, tech: 60 });
    expect(h.uncategorised).toBe(60);
    expect(h.total).toBe(210);
    expect(h.meetings).toBe(4);
  });

  it("names the costliest recurring series, per week", () => {
    const s = costliestSeries(events, { start: "2026-03-02", end: "2026-03-15" });
    expect(s).toEqual([
      {
        uid: "staff",
        title: "staff",
        category: "process",
        occurrences: 2,
        minutes: 120,
        perWeek: 60,
      },
    ]);
  });

  it("counts meeting hours once when double-booked, 1:1 hours, focus time and fragmented days", () => {
    const load = meetingLoad(
      events,
      { from: "2026-03-02", to: "2026-03-09" },
      workingHoursOf(undefined),
      "UTC",
    );
    const week = load.weeks[0];
    // 09:00-10:30 (staff and overlap merged), 10:30-11:00 and 14:00-15:00.
    expect(week?.meetingMinutes).toBe(180);
    expect(week?.oneOnOneMinutes).toBe(30);
    // Monday: 11:00-14:00 (3 h) and 15:00-17:00 (2 h); Tuesday to Friday: 8 h each.
    expect(week?.focusMinutes).toBe(300 + 4 * 480);
    expect(load.fragmentedDays).toEqual([]);
    const busier = meetingLoad(
      [...events, meeting("x", "2026-03-02T12:00Z", 30), meeting("y", "2026-03-02T16:00Z", 30)],
      { from: "2026-03-02", to: "2026-03-09" },
      workingHoursOf(undefined),
      "UTC",
    );
    expect(busier.fragmentedDays).toEqual([
      { date: "2026-03-02", meetings: 6, meetingMinutes: 240, focusMinutes: 0, shortGaps: 4 },
    ]);
  });

  it("knows a 1:1 by two people or by its title", () => {
    expect(isOneOnOne({ attendees: 2, title: "Catch-up" })).toBe(true);
    expect(isOneOnOne({ attendees: 0, title: "Dana / Sam 1:1" })).toBe(true);
    expect(isOneOnOne({ attendees: 6, title: "Q1 planning" })).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { isoWeek, periodOf, recentPeriods, sincePeriod } from "./period.js";

describe("periodOf", () => {
  it("a week runs Monday to Sunday and stops at today", () => {
    expect(periodOf("week", "2026-11-25", "2026-11-25")).toEqual({
      kind: "week",
      start: "2026-11-23",
      end: "2026-11-25",
      label: "2026-W48",
    });
    expect(periodOf("week", "2026-11-11", "2026-11-25").end).toBe("2026-11-15");
  });

  it("a month and a quarter start on their first day", () => {
    expect(periodOf("month", "2026-02-14", "2026-11-25")).toMatchObject({
      start: "2026-02-01",
      end: "2026-02-28",
      label: "2026-02",
    });
    expect(periodOf("quarter", "2026-11-25", "2026-11-25")).toMatchObject({
      start: "2026-10-01",
      end: "2026-11-25",
      label: "2026-Q4",
    });
  });
});

describe("isoWeek", () => {
  it("puts the days around new year in the week of their Thursday", () => {
    expect(isoWeek("2027-01-01")).toEqual({ year: 2026, week: 53 });
    expect(isoWeek("2026-01-01")).toEqual({ year: 2026, week: 1 });
    expect(isoWeek("2024-12-30")).toEqual({ year: 2025, week: 1 });
  });
});

describe("recentPeriods", () => {
  it("lists twelve months oldest first, ending with the one containing today", () => {
    const months = recentPeriods("month", "2026-11-25", 12);
    expect(months).toHaveLength(12);
    expect(months[0]?.label).toBe("2025-12");
    expect(months[11]).toMatchObject({ label: "2026-11", end: "2026-11-25" });
  });

  it("crosses year ends for weeks", () => {
    const weeks = recentPeriods("week", "2026-01-07", 3);
    expect(weeks.map((w) => w.start)).toEqual(["2025-12-22", "2025-12-29", "2026-01-05"]);
  });
});

describe("sincePeriod", () => {
  it("runs from the date to today", () => {
    expect(sincePeriod("2026-10-01", "2026-11-25")).toMatchObject({
      start: "2026-10-01",
      end: "2026-11-25",
      label: "since 2026-10-01",
    });
  });
});

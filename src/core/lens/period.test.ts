import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isoWeek,
  lastDaysPeriod,
  namedPeriod,
  parseLastDays,
  periodDays,
  periodOf,
  recentPeriods,
  sincePeriod,
  trendKindOf,
} from "./period.js";

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

describe("rolling periods (--last)", () => {
  it("covers the days ending today, today included", () => {
    expect(lastDaysPeriod(30, "2026-12-01")).toEqual({
      kind: "last",
      start: "2026-11-02",
      end: "2026-12-01",
      label: "last 30 days",
    });
    expect(lastDaysPeriod(1, "2026-12-01").label).toBe("last 1 day");
  });

  it("reads 7d, 30d, 90d and weeks; refuses anything else with the value", () => {
    expect(["7d", "30d", "90d", "2w", " 14D "].map(parseLastDays)).toEqual([7, 30, 90, 14, 14]);
    for (const bad of ["", "0d", "30", "abc", "1m", "-7d", "99999d"]) {
      expect(() => parseLastDays(bad)).toThrow(/is not a length of time for --last/);
    }
  });

  it("reads every day and week count up to ten years, and the period has that many days", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3660 }), fc.boolean(), (n, weeks) => {
        const days = weeks ? n * 7 : n;
        if (days > 3660) {
          expect(() => parseLastDays(`${n}w`)).toThrow();
          return;
        }
        expect(parseLastDays(`${n}${weeks ? "w" : "d"}`)).toBe(days);
        const p = lastDaysPeriod(days, "2026-12-01");
        expect(p.end).toBe("2026-12-01");
        expect(periodDays(p)).toBe(days);
      }),
    );
  });

  it("names periods as the dashboard's picker does", () => {
    expect(namedPeriod("month", "2026-12-01")).toMatchObject({
      start: "2026-12-01",
      label: "2026-12",
    });
    expect(namedPeriod("90d", "2026-12-01")).toMatchObject({ kind: "last", start: "2026-09-03" });
    expect(() => namedPeriod("year", "2026-12-01")).toThrow(/not a period/);
  });

  it("draws the trend of a rolling window in weeks, in months past 60 days", () => {
    expect(trendKindOf(lastDaysPeriod(30, "2026-12-01"))).toBe("week");
    expect(trendKindOf(lastDaysPeriod(90, "2026-12-01"))).toBe("month");
    expect(trendKindOf(periodOf("quarter", "2026-12-01", "2026-12-01"))).toBe("quarter");
  });
});

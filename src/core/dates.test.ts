import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  addDays,
  addMonths,
  daysBetween,
  isIsoDate,
  startOfMonth,
  startOfQuarter,
  startOfWeek,
  weekdayIndex,
} from "./dates.js";

describe("calendar dates", () => {
  it("knows real dates from lookalikes", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-1-01")).toBe(false);
  });

  it("adds days across months, years and DST changes", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-10-24", 2)).toBe("2026-10-26");
  });

  it("clamps month arithmetic to the month's end", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-11-15", 3)).toBe("2027-02-15");
  });

  it("has weeks start on Monday", () => {
    expect(weekdayIndex("2026-11-23")).toBe(0);
    expect(startOfWeek("2026-11-29")).toBe("2026-11-23");
    expect(startOfMonth("2026-11-29")).toBe("2026-11-01");
    expect(startOfQuarter("2026-11-29")).toBe("2026-10-01");
  });

  it("skips weekends for business days", () => {
    expect(addBusinessDays("2026-11-27", 1)).toBe("2026-11-30");
    expect(addBusinessDays("2026-11-25", 3)).toBe("2026-11-30");
  });

  it("makes addDays and daysBetween inverse", () => {
    fc.assert(
      fc.property(fc.integer({ min: -5000, max: 5000 }), (n) => {
        expect(daysBetween("2026-11-25", addDays("2026-11-25", n))).toBe(n);
      }),
    );
  });
});

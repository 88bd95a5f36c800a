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

  it("knows a real date exactly when Date.UTC gives back the same day", () => {
    const digit = fc.constantFrom(..."0123456789/:-a ".split(""));
    const lookalike = fc
      .array(digit, { minLength: 10, maxLength: 10 })
      .map((cs) => `${cs.slice(0, 4).join("")}-${cs.slice(5, 7).join("")}-${cs.slice(8).join("")}`);
    const real = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(
        ([y, m, d]) =>
          `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
      );
    const reference = (s: string) => {
      const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(s);
      if (!m) return false;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const t = new Date(Date.UTC(y, mo - 1, d));
      return t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
    };
    fc.assert(
      fc.property(fc.oneof(lookalike, real, fc.string({ maxLength: 12 })), (s) => {
        expect(isIsoDate(s)).toBe(reference(s));
      }),
      { numRuns: 5000 },
    );
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

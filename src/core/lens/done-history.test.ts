import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, weekdayIndex } from "../dates.js";
import { parseDocket, readOnlyItemLines } from "../docket/parse.js";
import { doneHistory, historyWeek } from "./done-history.js";

const TODAY = "2026-11-25";
const lines = (text: string) => readOnlyItemLines(parseDocket(text));

describe("historyWeek", () => {
  it("any day up to today names its Monday-to-Sunday week, cut off at today", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), (back) => {
        const day = addDays(TODAY, -back);
        const week = historyWeek(day, TODAY);
        expect(weekdayIndex(week.start)).toBe(0);
        expect(day >= week.start && day <= week.end).toBe(true);
        expect(daysBetween(week.start, week.end)).toBeLessThanOrEqual(6);
        expect(week.end <= TODAY).toBe(true);
      }),
    );
  });

  it("refuses what is not a date, and a day after today", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!/^\d{4}-\d{2}-\d{2}$/.test(text) && text !== "");
        expect(() => historyWeek(text, TODAY)).toThrow(/is not a date/);
      }),
    );
    expect(() => historyWeek("2026-02-30", TODAY)).toThrow(/is not a date/);
    expect(() => historyWeek("2026-11-26", TODAY)).toThrow(/after today/);
    expect(historyWeek(undefined, TODAY).start).toBe("2026-11-23");
  });
});

describe("doneHistory", () => {
  it("counts an item archived to the done file and still in the docket once", () => {
    const line = "x 2026-11-24 2026-11-20 Promo packet cat:people spent:30m id:aaaa";
    const h = doneHistory(
      { lines: lines(`${line}\n`), doneLines: lines(`${line}\n`), today: TODAY },
      historyWeek(undefined, TODAY),
    );
    expect(h.total).toBe(1);
    expect(h.groups[0]?.measuredMinutes).toBe(30);
  });

  it("places an item without cat: by the categoriser's guess, marked, else under no category", () => {
    const docket = "x 2026-11-24 Fix the flaky test id:aaaa\nx 2026-11-24 Lunch id:bbbb\n";
    const h = doneHistory(
      {
        lines: lines(docket),
        today: TODAY,
        categorise: (t) =>
          t.includes("test")
            ? { category: "tech", unsure: false, probability: 0.9, reason: "test" }
            : undefined,
      },
      historyWeek(undefined, TODAY),
    );
    expect(
      h.groups.map((g) => [g.category, g.items.map((e) => [e.item.id, e.predicted, e.took])]),
    ).toEqual([
      ["tech", [["aaaa", true, "unknown"]]],
      [null, [["bbbb", false, "unknown"]]],
    ]);
  });
});

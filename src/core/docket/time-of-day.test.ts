import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { setTag } from "./edit.js";
import type { ItemLine } from "./item.js";
import { parseDocket, readOnlyItemLines } from "./parse.js";
import { printDocketText } from "./print.js";
import { isTimeOfDay, timeOfDay } from "./time-of-day.js";

const FILE = [
  "2026-12-01 Call the Acme CTO due:2026-12-02 at:15:00 cat:people id:a1",
  "at:09:30 standup notes due:2026-12-03 id:a2",
  "Dinner at:home id:a3",
  "Sync at:25:00 id:a4",
  "Lunch\tat:12:00 id:a5",
  "",
].join("\n");

const items = (lines: readonly ItemLine[]) =>
  Object.fromEntries(lines.map((l) => [l.id, timeOfDay(l)]));

describe("at: the time of day an item is due", () => {
  it("round-trips through the parser and printer byte for byte", () => {
    expect(printDocketText(parseDocket(FILE))).toBe(FILE);
  });

  it("reads HH:MM and leaves any other at: as someone else's tag", () => {
    const expected = { a1: "15:00", a2: "09:30", a3: undefined, a4: undefined, a5: "12:00" };
    const docket = parseDocket(FILE);
    expect(items(docket.lines.filter((l): l is ItemLine => l.kind === "item"))).toEqual(expected);
    expect(items(readOnlyItemLines(parseDocket(FILE)))).toEqual(expected);
    // A line with an odd at: is still an item, not an unreadable line.
    expect(docket.lines.every((l) => l.kind !== "invalid")).toBe(true);
  });

  it("is kept out of the title and replaced in place", () => {
    const line = parseDocket("Call Dana at:15:00 due:2026-12-02\n").lines[0] as ItemLine;
    expect(line.item.title).toBe("Call Dana");
    expect(setTag(line.text, "at", "16:30")).toBe("Call Dana at:16:30 due:2026-12-02");
  });

  it("accepts exactly the 24-hour times", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 70 }), (h, m) => {
        const text = `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
        expect(isTimeOfDay(text)).toBe(h < 24 && m < 60);
      }),
    );
    expect(isTimeOfDay("9:30")).toBe(false);
  });
});

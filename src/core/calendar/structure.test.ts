import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCalendarShape } from "./structure.js";

const value = fc.string({ unit: fc.constantFrom("a", "b", "é", " ", ";", ",", "x", "1", "ü") });

/** Folds a content line at the given widths (RFC 5545 §3.1: CRLF then one space). */
function fold(line: string, widths: number[]): string[] {
  const out: string[] = [];
  let rest = line;
  for (const w of widths) {
    if (rest.length <= w) break;
    out.push(out.length === 0 ? rest.slice(0, w) : ` ${rest.slice(0, w)}`);
    rest = rest.slice(w);
  }
  out.push(out.length === 0 ? rest : ` ${rest}`);
  return out;
}

describe("checkCalendarShape", () => {
  it("reads the same events however the lines are folded and ended", () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 5 }),
        fc.constantFrom("\r\n", "\n"),
        fc.boolean(),
        (summaries, widths, eol, bom) => {
          const logical = ["BEGIN:VCALENDAR", "VERSION:2.0"];
          for (const [i, s] of summaries.entries()) {
            logical.push("BEGIN:VEVENT", `UID:${i}`, `SUMMARY:${s}`, "END:VEVENT");
          }
          logical.push("END:VCALENDAR");
          const physical = logical.flatMap((l) => fold(l, widths));
          const text = `${bom ? "\ufeff" : ""}${physical.join(eol)}${eol}`;
          const shape = checkCalendarShape(text, "f.ics");
          expect(shape.calendars).toHaveLength(1);
          const events = shape.calendars[0]?.events ?? [];
          expect(events.map((e) => e.text.split("\n")[2])).toEqual(
            summaries.map((s) => `SUMMARY:${s}`),
          );
          // Each event's line is the physical line its BEGIN:VEVENT is on.
          const begin = fold("BEGIN:VEVENT", widths)[0];
          for (const e of events) expect(physical[e.line - 1]).toBe(begin);
          expect(new Set(events.map((e) => e.line)).size).toBe(events.length);
        },
      ),
    );
  });

  it("collects the zones used and defined, and keeps a quoted colon in a parameter", () => {
    const shape = checkCalendarShape(
      [
        "BEGIN:VCALENDAR",
        "BEGIN:VTIMEZONE",
        "TZID:Here",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        'DTSTART;TZID="GMT +0100 (Standard)":20260101T100000',
        'DESCRIPTION;ALTREP="http://x.example/a:b":text',
        "DTEND;TZID=Here:20260101T110000",
        "END:VEVENT",
        "END:VCALENDAR",
      ].join("\n"),
      "f.ics",
    );
    expect([...shape.tzidsUsed]).toEqual([
      ["GMT +0100 (Standard)", 6],
      ["Here", 8],
    ]);
    expect([...shape.tzidsDefined]).toEqual(["Here"]);
  });

  it("spells out an RDATE observance's onsets, which ical.js would otherwise drop", () => {
    const shape = checkCalendarShape(
      [
        "BEGIN:VCALENDAR",
        "BEGIN:VTIMEZONE",
        "TZID:Z",
        "BEGIN:DAYLIGHT",
        "DTSTART:20140330T030000",
        "RDATE:20150329T030000,20160327T030000",
        "END:DAYLIGHT",
        "END:VTIMEZONE",
        "END:VCALENDAR",
      ].join("\n"),
      "f.ics",
    );
    expect(shape.calendars[0]?.frame.split("\n").filter((l) => l.startsWith("RDATE"))).toEqual([
      "RDATE:20150329T030000",
      "RDATE:20160327T030000",
      "RDATE:20140330T030000",
    ]);
  });
});

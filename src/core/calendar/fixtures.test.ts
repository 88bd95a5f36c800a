import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PpppptError } from "../errors.js";
import { expandCalendar } from "./expand.js";

/**
 * Every calendar in the shared real-world fixtures against the independent reference
 * (python3-icalendar + recurring-ical-events, ../shared/fixtures/README.md): timed + declined +
 * free occurrences and their minutes over 1990-01-01..2035-01-01 (nobody is "me", so nothing is
 * declined), all-day and cancelled occurrences. Where the reference is wrong, or cannot read
 * the file, the case is named below with what we assert instead.
 */
const DIR = join(import.meta.dirname, "../../../../shared/fixtures/ics");

interface Figures {
  counted: number;
  minutes: number;
  allDay: number;
  cancelled: number;
}

/** Files whose reference row is wrong, with the figures that are right and why. */
const REFERENCE_WRONG: Record<string, Figures & { why: string }> = {
  "collective--icalendar--issue_165_missing_event.ics": {
    why:
      "Exchange's CDO writes `BYDAY=MO, TU, WE, TH, FR` (spaces) in a folded RRULE; the reference " +
      "drops that line (its reference_warnings is 1) and sees one standup. The rule makes the " +
      "weekdays 3 to 22 July 2015: 14 standups of 30 minutes.",
    counted: 14,
    minutes: 420,
    allDay: 0,
    cancelled: 0,
  },
  "kewisch--ical.js--rdate_exdate.ics": {
    why:
      "EXDATE;VALUE=DATE:20240611 against a DATE-TIME series: the reference matches the date to " +
      "no occurrence and keeps all 4; ical.js (and Google, Apple) take it to exclude that day's " +
      "occurrence, leaving 3. The file is ical.js's own test of exactly that.",
    counted: 3,
    minutes: 0,
    allDay: 0,
    cancelled: 0,
  },
};

/** Files the reference cannot read ("malformed"): what we do with each. */
const REFERENCE_CANNOT_READ: Record<
  string,
  { rejectedAtLine: number; message: RegExp } | (Figures & { why: string; warningLines?: number[] })
> = {
  "collective--icalendar--issue_104_broken_calendar.ics": {
    rejectedAtLine: 13,
    message: /a content line without a colon: "X"/,
  },
  "collective--icalendar--small_bad_calendar.ics": {
    rejectedAtLine: 3,
    message: /END:VEVENT missing|END:VCALENDAR missing/,
  },
  "ical-org--ical.net--Language2.ics": {
    why:
      "valid but for a leading byte-order mark, which the old reference trips on; these are the " +
      "reference's own figures for the same file with the mark removed",
    counted: 4,
    minutes: 3000,
    allDay: 2,
    cancelled: 0,
  },
  "libical--libical--2446.ics": {
    why:
      "RFC 2446's iTIP examples: one VCALENDAR per message; the reference rejects the whole file " +
      "at an RDATE of PERIODs, which is valid RFC 5545. We read it: replies and counters without " +
      "a DTSTART are skipped with a warning each, as is an override that ends before it starts.",
    counted: 10234,
    minutes: 556080,
    allDay: 38,
    cancelled: 0,
    warningLines: [34, 66, 136, 232, 244, 278, 292, 326, 343, 529, 546, 738, 803, 968, 1000],
  },
};

function expected(): Map<string, string[]> {
  const rows = readFileSync(join(DIR, "EXPECTED.tsv"), "utf8").trim().split("\n").slice(1);
  return new Map(rows.map((r) => [r.split("\t")[0] as string, r.split("\t")]));
}

function figuresOf(file: string): { figures: Figures; warningLines: number[] } {
  const r = expandCalendar(readFileSync(join(DIR, file), "utf8"), {
    file,
    from: "1990-01-01",
    to: "2035-01-01",
    // The reference subtracts floating times as wall clock: UTC has no DST to differ from it.
    userZone: "UTC",
    me: [],
  });
  const f: Figures = { counted: 0, minutes: 0, allDay: 0, cancelled: 0 };
  for (const o of r.occurrences) {
    if (o.bucket === "allDay") f.allDay++;
    else if (o.bucket === "cancelled") f.cancelled++;
    else {
      f.counted++;
      f.minutes += o.minutes;
    }
  }
  f.minutes = Math.round(f.minutes * 100) / 100;
  return { figures: f, warningLines: r.warnings.map((w) => w.line) };
}

describe.skipIf(!existsSync(DIR))("the shared calendar fixtures against the reference", () => {
  const rows = existsSync(DIR) ? expected() : new Map<string, string[]>();
  const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith(".ics")) : [];

  it("has a reference row for every calendar and a decision for every unreadable one", () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const row = rows.get(file);
      expect(row, file).toBeDefined();
      if (row?.[1] !== "ok") expect(REFERENCE_CANNOT_READ[file], file).toBeDefined();
    }
  });

  for (const file of files) {
    it(file, () => {
      const row = rows.get(file) as string[];
      const unreadable = REFERENCE_CANNOT_READ[file];
      if (unreadable && "rejectedAtLine" in unreadable) {
        expect(() => figuresOf(file)).toThrow(PpppptError);
        try {
          figuresOf(file);
        } catch (error) {
          expect((error as PpppptError).file).toBe(file);
          expect((error as PpppptError).line).toBe(unreadable.rejectedAtLine);
          expect((error as PpppptError).message).toMatch(unreadable.message);
        }
        return;
      }
      const { figures, warningLines } = figuresOf(file);
      const override = REFERENCE_WRONG[file] ?? unreadable;
      if (override && !("rejectedAtLine" in override)) {
        const {
          why: _why,
          warningLines: lines,
          ...want
        } = override as Figures & {
          why: string;
          warningLines?: number[];
        };
        expect(figures).toEqual(want);
        if (lines) expect(warningLines).toEqual(lines);
        if (REFERENCE_WRONG[file]) {
          // The reference row still says what it says: if it changes, look again.
          expect(Number(row[2])).not.toBe(want.counted);
        }
        return;
      }
      expect(row[1]).toBe("ok");
      expect(figures).toEqual({
        counted: Number(row[2]),
        minutes: Number(row[3]),
        allDay: Number(row[4]),
        cancelled: Number(row[5]),
      });
      expect(warningLines).toEqual([]);
    });
  }
});

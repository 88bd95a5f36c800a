import { describe, expect, it } from "vitest";
import { PpppptError } from "../errors.js";
import { type ExpandOptions, expandCalendar } from "./expand.js";
import { countBuckets } from "./occurrence.js";

const range: ExpandOptions = {
  file: "cal.ics",
  from: "2026-01-01",
  to: "2027-01-01",
  userZone: "Europe/Berlin",
  me: ["me@example.com"],
};

function ics(...events: string[][]): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:test"];
  for (const e of events) lines.push("BEGIN:VEVENT", ...e, "END:VEVENT");
  lines.push("END:VCALENDAR", "");
  return lines.join("\r\n");
}

function expand(text: string, options: Partial<ExpandOptions> = {}) {
  return expandCalendar(text, { ...range, ...options });
}

describe("expandCalendar", () => {
  it("puts each occurrence in one bucket: cancelled, all-day, declined, free, then timed", () => {
    const me = "ATTENDEE;PARTSTAT=DECLINED:mailto:ME@example.com";
    const r = expand(
      ics(
        ["UID:a", "DTSTART:20260302T090000Z", "DTEND:20260302T100000Z", "STATUS:CANCELLED", me],
        ["UID:b", "DTSTART;VALUE=DATE:20260302", "TRANSP:TRANSPARENT", me],
        ["UID:c", "DTSTART:20260302T090000Z", "DTEND:20260302T100000Z", me, "TRANSP:TRANSPARENT"],
        ["UID:d", "DTSTART:20260302T090000Z", "DTEND:20260302T100000Z", "TRANSP:TRANSPARENT"],
        ["UID:e", "DTSTART:20260302T090000Z", "DTEND:20260302T100000Z"],
      ),
    );
    expect(Object.fromEntries(r.occurrences.map((o) => [o.uid, o.bucket]))).toEqual({
      a: "cancelled",
      b: "allDay",
      c: "declined",
      d: "free",
      e: "timed",
    });
    expect(countBuckets(r.occurrences)).toEqual({
      timed: 1,
      minutes: 60,
      allDay: 1,
      cancelled: 1,
      declined: 1,
      free: 1,
    });
  });

  it("declines only for the user's own address", () => {
    const r = expand(
      ics([
        "UID:a",
        "DTSTART:20260302T090000Z",
        "DTEND:20260302T100000Z",
        "ATTENDEE;PARTSTAT=DECLINED:mailto:someone@example.com",
        "ATTENDEE;PARTSTAT=ACCEPTED:mailto:me@example.com",
      ]),
    );
    expect(r.occurrences[0]?.bucket).toBe("timed");
    expect(r.occurrences[0]?.attendees).toBe(2);
  });

  it("counts elapsed minutes: DURATION, no end (0), a multi-day event in full, across DST", () => {
    const r = expand(
      ics(
        ["UID:dur", "DTSTART:20260302T090000Z", "DURATION:PT45M"],
        ["UID:none", "DTSTART:20260302T090000Z"],
        ["UID:long", "DTSTART:20261231T220000Z", "DTEND:20270102T220000Z"],
        // 28 March 2026 to 29 March: Berlin springs forward, so 24 wall hours are 23 elapsed.
        [
          "UID:dst",
          "DTSTART;TZID=Europe/Berlin:20260328T120000",
          "DTEND;TZID=Europe/Berlin:20260329T120000",
        ],
      ),
    );
    const minutes = Object.fromEntries(r.occurrences.map((o) => [o.uid, o.minutes]));
    expect(minutes).toEqual({ dur: 45, none: 0, long: 2880, dst: 23 * 60 });
  });

  it("takes an occurrence overlapping [from 00:00, to 00:00) in its own zone", () => {
    const text = ics(
      ["UID:in", "DTSTART;TZID=America/New_York:20261231T233000", "DURATION:PT1H"],
      ["UID:out", "DTSTART;TZID=America/New_York:20270101T000000", "DURATION:PT1H"],
      ["UID:before", "DTSTART;TZID=Asia/Tokyo:20251231T230000", "DURATION:PT1H"],
      ["UID:overlap", "DTSTART;TZID=Asia/Tokyo:20251231T233000", "DURATION:PT1H"],
    );
    expect(expand(text).occurrences.map((o) => o.uid)).toEqual(["overlap", "in"]);
  });

  it("reads a zone the file names but does not define: IANA and Windows names", () => {
    const r = expand(
      ics(
        ["UID:iana", "DTSTART;TZID=America/Los_Angeles:20260701T090000", "DURATION:PT1H"],
        ["UID:win", "DTSTART;TZID=Pacific Standard Time:20260701T090000", "DURATION:PT1H"],
      ),
    );
    expect(r.occurrences.map((o) => [o.uid, o.start, o.zone])).toEqual([
      ["iana", "2026-07-01T09:00-07:00", "America/Los_Angeles"],
      ["win", "2026-07-01T09:00-07:00", "America/Los_Angeles"],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it("matches an override and an exclusion in UTC to a series in a zone the file lacks", () => {
    const r = expand(
      ics(
        [
          "UID:s",
          "DTSTART;TZID=Europe/Berlin:20260105T090000",
          "DTEND;TZID=Europe/Berlin:20260105T100000",
          "RRULE:FREQ=WEEKLY;COUNT=4",
          "EXDATE:20260112T080000Z",
        ],
        [
          "UID:s",
          "RECURRENCE-ID:20260119T080000Z",
          "DTSTART;TZID=Europe/Berlin:20260119T140000",
          "DTEND;TZID=Europe/Berlin:20260119T143000",
        ],
      ),
    );
    expect(r.occurrences.map((o) => [o.start, o.minutes])).toEqual([
      ["2026-01-05T09:00+01:00", 60],
      ["2026-01-19T14:00+01:00", 30],
      ["2026-01-26T09:00+01:00", 60],
    ]);
  });

  it("reads floating times in the calendar's X-WR-TIMEZONE, else the user's zone", () => {
    const event = ["UID:f", "DTSTART:20260701T090000", "DURATION:PT1H"];
    expect(expand(ics(event)).occurrences[0]?.start).toBe("2026-07-01T09:00+02:00");
    const withZone = ics(event).replace("PRODID:test", "PRODID:test\r\nX-WR-TIMEZONE:Asia/Tokyo");
    expect(expand(withZone).occurrences[0]?.start).toBe("2026-07-01T09:00+09:00");
  });

  it("reads folded lines, LF or CRLF, and a leading byte-order mark", () => {
    const text = ics([
      "UID:x",
      "SUMMARY:Staff",
      " sync",
      "DTSTART:20260302T090000Z",
      "DTEND:20260302T100000Z",
    ]);
    for (const variant of [text, text.replace(/\r\n/g, "\n"), `\ufeff${text}`]) {
      expect(expand(variant).occurrences.map((o) => o.title)).toEqual(["Staffsync"]);
    }
  });

  it("skips an event it cannot read with a warning naming its line; the rest imports", () => {
    const r = expand(
      ics(
        ["UID:bad", "DTSTART:20260302T090000Z", "RRULE:FREQ=SOMETIMES"],
        ["UID:back", "DTSTART:20260302T090000Z", "DTEND:20260302T080000Z"],
        ["UID:date", "DTSTART:2026-13-45"],
        ["UID:ok", "DTSTART:20260302T090000Z", "DTEND:20260302T100000Z"],
      ),
    );
    expect(r.occurrences.map((o) => o.uid)).toEqual(["ok"]);
    expect(r.warnings.map((w) => [w.file, w.line])).toEqual([
      ["cal.ics", 4],
      ["cal.ics", 9],
      ["cal.ics", 14],
    ]);
    expect(r.warnings[1]?.message).toMatch(/ends before it starts/);
  });

  it("rejects a file whose structure is broken, naming the line", () => {
    const cases: [string, number, RegExp][] = [
      ["BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\n", 3, /END:VEVENT missing/],
      ["BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nEND:VCALENDAR\n", 4, /END:VEVENT was expected/],
      ["BEGIN:VEVENT\nEND:VEVENT\n", 1, /not VCALENDAR/],
      ["BEGIN:VCALENDAR\nX\nEND:VCALENDAR\n", 2, /without a colon/],
      ["hello\n", 1, /not an iCalendar content line|without a colon/],
      ["", 1, /not an iCalendar file/],
    ];
    for (const [text, line, message] of cases) {
      let caught: unknown;
      try {
        expand(text);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(PpppptError);
      expect((caught as PpppptError).line).toBe(line);
      expect((caught as PpppptError).file).toBe("cal.ics");
      expect((caught as PpppptError).message).toMatch(message);
    }
  });

  it("warns once about a zone that is neither defined nor known, and reads it as local", () => {
    const r = expand(
      ics(
        ["UID:a", "DTSTART;TZID=Mars/Olympus:20260701T090000", "DURATION:PT1H"],
        ["UID:b", "DTSTART;TZID=Mars/Olympus:20260702T090000", "DURATION:PT1H"],
      ),
    );
    expect(r.occurrences.map((o) => o.start)).toEqual([
      "2026-07-01T09:00+02:00",
      "2026-07-02T09:00+02:00",
    ]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]?.line).toBe(6);
  });
});

describe("RFC 5545 where readers differ", () => {
  it("counts a DTSTART its own BYDAY does not match as the first of COUNT", () => {
    // 2026-03-01 is a Sunday: the Sunday and the next two weekdays, three in all.
    const r = expandCalendar(
      ics([
        "UID:c",
        "DTSTART:20260301T090000Z",
        "DURATION:PT1H",
        "RRULE:FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=3",
      ]),
      { ...range },
    );
    expect(r.occurrences.map((o) => o.start)).toEqual([
      "2026-03-01T09:00Z",
      "2026-03-02T09:00Z",
      "2026-03-03T09:00Z",
    ]);
  });
});

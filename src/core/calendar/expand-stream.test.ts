import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PpppptError } from "../errors.js";
import {
  CalendarExpander,
  CalendarPlanner,
  type ExpandOptions,
  expandCalendar,
  type SeriesSink,
} from "./expand.js";
import type { Occurrence } from "./occurrence.js";

/**
 * The two readings a large file is imported by (expand.ts: a plan, then the events series by
 * series), fed in chunks cut anywhere, must find what one reading of the whole text finds.
 */
const options: ExpandOptions = {
  file: "big.ics",
  from: "2026-01-01",
  to: "2027-01-01",
  userZone: "Europe/Berlin",
  me: [],
};

const NEW_YORK = [
  "BEGIN:VTIMEZONE",
  "TZID:Custom/New_York",
  "BEGIN:STANDARD",
  "DTSTART:19701101T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
  "TZOFFSETFROM:-0400",
  "TZOFFSETTO:-0500",
  "END:STANDARD",
  "BEGIN:DAYLIGHT",
  "DTSTART:19700308T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
  "TZOFFSETFROM:-0500",
  "TZOFFSETTO:-0400",
  "END:DAYLIGHT",
  "END:VTIMEZONE",
];

/** Overrides before their event, between others, after; the VTIMEZONE after all of them. */
function calendar(): string {
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:test"];
  const event = (...body: string[]) => lines.push("BEGIN:VEVENT", ...body, "END:VEVENT");
  event(
    "UID:weekly",
    "RECURRENCE-ID;TZID=Custom/New_York:20260316T090000",
    "DTSTART;TZID=Custom/New_York:20260316T130000",
    "DTEND;TZID=Custom/New_York:20260316T140000",
    "SUMMARY:Weekly, moved",
  );
  event("UID:single", "DTSTART:20260402T100000Z", "DTEND:20260402T103000Z", "SUMMARY:Single");
  event(
    "UID:weekly",
    "DTSTART;TZID=Custom/New_York:20260302T090000",
    "DTEND;TZID=Custom/New_York:20260302T100000",
    "RRULE:FREQ=WEEKLY;COUNT=6",
    "EXDATE;TZID=Custom/New_York:20260309T090000",
    "SUMMARY:Weekly",
  );
  event(
    "UID:daily",
    "DTSTART;TZID=Custom/New_York:20260601T080000",
    "DURATION:PT15M",
    "RRULE:FREQ=DAILY;COUNT=3",
    "SUMMARY:Daily",
  );
  event(
    "UID:weekly",
    "RECURRENCE-ID;TZID=Custom/New_York:20260330T090000",
    "DTSTART;TZID=Custom/New_York:20260330T160000",
    "DTEND;TZID=Custom/New_York:20260330T170000",
    "SUMMARY:Weekly, moved again",
  );
  event(
    "UID:orphan",
    "RECURRENCE-ID:20260501T090000Z",
    "DTSTART:20260501T100000Z",
    "DTEND:20260501T110000Z",
    "SUMMARY:An override alone",
  );
  lines.push(...NEW_YORK, "END:VCALENDAR", "");
  return lines.join("\r\n");
}

function streamed(text: string, cuts: number[]): { occurrences: Occurrence[]; series: number } {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let last = 0;
  for (const c of [...at, text.length]) {
    chunks.push(text.slice(last, c));
    last = c;
  }
  const planner = new CalendarPlanner(options.file);
  for (const c of chunks) planner.push(c);
  const occurrences: Occurrence[] = [];
  let series = 0;
  const emit: SeriesSink = (o) => {
    series++;
    occurrences.push(...o);
  };
  const expander = new CalendarExpander(planner.end(), options, emit);
  for (const c of chunks) expander.push(c);
  expander.end();
  return { occurrences, series };
}

const key = (o: Occurrence) => `${o.start} ${o.uid} ${o.instance} ${o.end} ${o.title}`;

describe("a calendar read in chunks, series by series", () => {
  it("finds what one reading of the whole text finds, wherever the chunks are cut", () => {
    const text = calendar();
    const whole = expandCalendar(text, options).occurrences.map(key);
    // The moved occurrences are read in the VTIMEZONE that only comes at the end of the file.
    expect(whole).toContain(
      "2026-03-16T13:00-04:00 weekly 2026-03-16T13:00:00Z 2026-03-16T14:00-04:00 Weekly, moved",
    );
    expect(whole).toHaveLength(5 + 1 + 3 + 1);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 12 }), (cuts) => {
        const { occurrences, series } = streamed(text, cuts);
        expect(occurrences.map(key).sort()).toEqual([...whole].sort());
        // The weekly series comes whole, once, with both its overrides.
        expect(series).toBe(4);
      }),
      { numRuns: 60 },
    );
  });

  it("rejects a broken file in the first reading, before any series is handed on", () => {
    const text = calendar().replace("END:VCALENDAR", "");
    const planner = new CalendarPlanner(options.file);
    planner.push(text);
    let error: unknown;
    try {
      planner.end();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PpppptError);
    expect((error as PpppptError).message).toMatch(/END:VCALENDAR missing \(BEGIN on line 1\)/);
  });

  it("hands each series on as soon as it is whole", () => {
    const text = calendar();
    const planner = new CalendarPlanner(options.file);
    planner.push(text);
    const seen: string[] = [];
    const expander = new CalendarExpander(planner.end(), options, (o) => {
      seen.push((o[0] as Occurrence).uid);
    });
    const cut = text.indexOf("UID:daily");
    expander.push(text.slice(0, cut));
    // The weekly series waits for its second override: only the single event is out yet.
    expect(seen).toEqual(["single"]);
    expander.push(text.slice(cut));
    expander.end();
    expect(seen).toEqual(["single", "daily", "weekly", "orphan"]);
  });

  it("skips a second event with a UID, however far apart, remembering only UIDs seen twice", () => {
    const events = Array.from({ length: 300 }, (_, i) => [
      "BEGIN:VEVENT",
      `UID:e${i}`,
      `DTSTART:202603${String(1 + (i % 28)).padStart(2, "0")}T090000Z`,
      "DURATION:PT30M",
      `SUMMARY:Event ${i}`,
      "END:VEVENT",
    ]);
    // Event 7 again near the end, with another title.
    events.push(events[7]?.map((l) => l.replace("Event 7", "Event 7 again")) ?? []);
    const text = ["BEGIN:VCALENDAR", "VERSION:2.0", ...events.flat(), "END:VCALENDAR", ""].join(
      "\n",
    );
    const planner = new CalendarPlanner(options.file);
    for (let i = 0; i < text.length; i += 1000) planner.push(text.slice(i, i + 1000));
    const plan = planner.end();
    expect(plan.sharedUids.size).toBe(1);
    const titles: string[] = [];
    const expander = new CalendarExpander(plan, options, (o) => {
      for (const x of o) titles.push(x.title);
    });
    for (let i = 0; i < text.length; i += 1000) expander.push(text.slice(i, i + 1000));
    const { warnings } = expander.end();
    expect(titles).toHaveLength(300);
    expect(titles).not.toContain("Event 7 again");
    const second = 3 + 300 * 6;
    expect(warnings).toEqual([
      {
        file: options.file,
        line: second,
        message: `a second event with UID e7 (first on line ${3 + 7 * 6}): skipped`,
      },
    ]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../category.js";
import {
  applyImport,
  emptyLedger,
  forgetSource,
  type LedgerEvent,
  parseLedger,
  printLedger,
  recategoriseSeries,
} from "./ledger.js";
import { BUCKETS } from "./occurrence.js";

function event(uid: string, start: string, extra: Partial<LedgerEvent> = {}): LedgerEvent {
  const end = new Date(Date.parse(start) + 3_600_000).toISOString().slice(0, 16);
  return {
    source: "work.ics",
    uid,
    instance: "",
    start,
    end: `${end}Z`,
    zone: "UTC",
    minutes: 60,
    bucket: "timed",
    title: uid,
    attendees: 2,
    category: "process",
    guessed: true,
    ...extra,
  };
}

const field = fc.string({ unit: fc.constantFrom("a", "\t", "\n", "\\", "t", "n", " ", "é") });
const arbitraryEvent = fc.record({
  source: field,
  uid: field,
  instance: fc.constantFrom("", "2026-03-02T09:00:00Z"),
  start: fc.constantFrom("2026-03-02T09:00+01:00", "2026-03-02", "2026-03-03T10:30Z"),
  end: fc.constantFrom("2026-03-02T10:00+01:00", "2026-03-03"),
  zone: fc.constantFrom("", "UTC", "Europe/Berlin"),
  minutes: fc.integer({ min: 0, max: 5000 }),
  bucket: fc.constantFrom(...BUCKETS),
  title: field,
  attendees: fc.nat(40),
  category: fc.constantFrom(...CATEGORIES),
  guessed: fc.boolean(),
});

describe("the calendar ledger", () => {
  it("reads back what it writes, whatever the titles hold", () => {
    fc.assert(
      fc.property(fc.array(arbitraryEvent, { maxLength: 6 }), (events) => {
        const ledger = { ...emptyLedger(), events };
        const text = printLedger(ledger);
        const back = parseLedger(text, "l.tsv");
        expect(printLedger(back)).toBe(text);
        expect(back.events).toHaveLength(events.length);
        expect(new Set(back.events.map((e) => e.title))).toEqual(
          new Set(events.map((e) => e.title)),
        );
      }),
    );
  });

  it("keeps lines of kinds it does not know, and names the line of a broken one", () => {
    const text = `${printLedger(emptyLedger())}note\tcalled Dana about this\n`;
    expect(printLedger(parseLedger(text, "l.tsv"))).toBe(text);
    expect(() => parseLedger("event\tonly\tthree\n", "l.tsv")).toThrow(/not a ledger event line/);
  });

  it("imports idempotently, updates moved events, drops deleted ones only within the range", () => {
    const first = applyImport(emptyLedger(), {
      name: "work.ics",
      from: "2026-03-01",
      to: "2026-04-01",
      events: [event("a", "2026-03-02T09:00Z"), event("b", "2026-03-03T09:00Z")],
    });
    const again = applyImport(first, {
      name: "work.ics",
      from: "2026-03-01",
      to: "2026-04-01",
      events: [event("a", "2026-03-02T09:00Z"), event("b", "2026-03-03T09:00Z")],
    });
    expect(printLedger(again)).toBe(printLedger(first));
    // A later import of April: March stays; within April, b moved and a was deleted.
    const april = applyImport(first, {
      name: "work.ics",
      from: "2026-03-03",
      to: "2026-05-01",
      events: [event("b", "2026-03-04T11:00Z")],
    });
    expect(april.events.map((e) => [e.uid, e.start])).toEqual([
      ["a", "2026-03-02T09:00Z"],
      ["b", "2026-03-04T11:00Z"],
    ]);
    expect(april.sources).toEqual([{ name: "work.ics", from: "2026-03-01", to: "2026-05-01" }]);
  });

  it("recategorises a series for good and forgets a source without forgetting that", () => {
    let ledger = applyImport(emptyLedger(), {
      name: "work.ics",
      from: "2026-03-01",
      to: "2026-04-01",
      events: [event("staff", "2026-03-02T09:00Z"), event("staff", "2026-03-09T09:00Z")],
    });
    ledger = recategoriseSeries(ledger, "staff", "people");
    expect(ledger.events.map((e) => [e.category, e.guessed])).toEqual([
      ["people", false],
      ["people", false],
    ]);
    ledger = forgetSource(ledger, "work.ics");
    expect(ledger.events).toEqual([]);
    ledger = applyImport(ledger, {
      name: "work.ics",
      from: "2026-03-01",
      to: "2026-04-01",
      events: [event("staff", "2026-03-16T09:00Z")],
    });
    expect(ledger.events[0]?.category).toBe("people");
    expect(() => forgetSource(ledger, "home.ics")).toThrow(/no calendar source home.ics/);
    expect(() => recategoriseSeries(ledger, "nope", "tech")).toThrow(/series id nope/);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PpppptError } from "../errors.js";
import { requireNaturalDate } from "../natural-date.js";
import { changeEach, findItem } from "./docket.js";
import {
  addSpent,
  applyFieldChange,
  changeField,
  type DateReader,
  describeFieldChange,
  parseFieldChange,
  parsePriority,
  parseSignedDuration,
  parseTagToken,
  readsDate,
} from "./fields.js";
import { parseDocket, parseItem } from "./parse.js";
import { printDocketText } from "./print.js";

const TODAY = "2026-11-25"; // a Wednesday
const DOCKET = [
  "# my docket",
  "(A) 2026-11-20 1:1 with Dana  due:2026-11-27 cat:people id:k3f9",
  "2026-11-21 Review the caching RFC +platform @desk cat:tech est:2h spent:30m id:a0b2",
  "x 2026-11-24 2026-11-18 Customer call cat:product id:7ttq pri:B",
  "Written by another app",
  "",
].join("\n");

const readDate: DateReader = (text, what) => requireNaturalDate(text, TODAY, what);
const change = (field: Parameters<typeof parseFieldChange>[0], value: string) =>
  parseFieldChange(field, value, readDate);
const textOf = (id: string, field: Parameters<typeof parseFieldChange>[0], value: string) =>
  changeField(parseDocket(DOCKET), id, change(field, value)).line.text;

describe("due and snooze", () => {
  it("sets a due date from natural words, in place", () => {
    expect(textOf("k3f9", "due", "next friday")).toBe(
      "(A) 2026-11-20 1:1 with Dana  due:2026-12-04 cat:people id:k3f9",
    );
    expect(textOf("a0b2", "due", "2026-12-01")).toMatch(/ id:a0b2 due:2026-12-01$/);
  });

  it("clears it with none", () => {
    expect(textOf("k3f9", "due", "none")).toBe("(A) 2026-11-20 1:1 with Dana cat:people id:k3f9");
  });

  it("snoozes with t: and wakes with none", () => {
    const snoozed = textOf("a0b2", "snooze", "monday");
    expect(snoozed).toMatch(/ t:2026-11-30$/);
    expect(applyFieldChange(snoozed, change("snooze", "none"))).not.toContain(" t:");
  });

  it("refuses a date it cannot read, naming it", () => {
    expect(() => change("due", "someday")).toThrow(/"someday" is not a due date/);
    expect(() => change("snooze", "")).toThrow(/give a snooze date or "none"/);
  });
});

describe("which values read a date", () => {
  it("due, snooze and the date-valued tags, nothing else", () => {
    expect(["due", "snooze"].every((f) => readsDate(f as "due", "friday"))).toBe(true);
    expect(readsDate("tag", "due:friday")).toBe(true);
    expect(readsDate("tag", "t:monday")).toBe(true);
    expect(readsDate("tag", "+promo")).toBe(false);
    expect(readsDate("tag", "est:1h")).toBe(false);
    expect(readsDate("spent", "30m")).toBe(false);
    expect(readsDate("priority", "A")).toBe(false);
  });
});

describe("priority", () => {
  it("sets, changes and clears an open item's (A)", () => {
    expect(textOf("a0b2", "priority", "b")).toMatch(/^\(B\) 2026-11-21 Review/);
    expect(textOf("k3f9", "priority", "C")).toMatch(/^\(C\) 2026-11-20 1:1/);
    expect(textOf("k3f9", "priority", "none")).toMatch(/^2026-11-20 1:1/);
  });

  it("keeps a done item's as pri:, which undo gives back", () => {
    expect(textOf("7ttq", "priority", "A")).toBe(
      "x 2026-11-24 2026-11-18 Customer call cat:product id:7ttq pri:A",
    );
  });

  it("reads one letter or none, and refuses anything else", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), (s) => {
        const t = s.trim();
        if (/^[A-Za-z]$/.test(t)) expect(parsePriority(s)).toBe(t.toUpperCase());
        else if (t.toLowerCase() === "none") expect(parsePriority(s)).toBeUndefined();
        else expect(() => parsePriority(s)).toThrow(PpppptError);
      }),
    );
    expect(() => parsePriority("AA")).toThrow(/"AA" is not a priority/);
  });
});

describe("time spent", () => {
  it("adds to spent:, or writes it", () => {
    expect(textOf("a0b2", "spent", "45m")).toMatch(/ spent:1h15m id:a0b2$/);
    expect(textOf("k3f9", "spent", "1h30m")).toMatch(/ id:k3f9 spent:1h30m$/);
  });

  it("takes time off with a minus, never below zero (the tag goes at zero)", () => {
    expect(textOf("a0b2", "spent", "-15m")).toMatch(/ spent:15m id:a0b2$/);
    expect(textOf("a0b2", "spent", "-2h")).not.toContain("spent:");
    expect(textOf("k3f9", "spent", "-15m")).toBe(
      "(A) 2026-11-20 1:1 with Dana  due:2026-11-27 cat:people id:k3f9",
    );
  });

  it("never leaves spent: negative, whatever is logged", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -600, max: 600 }), { maxLength: 8 }), (logs) => {
        let text = "Some work cat:tech";
        let expected = 0;
        for (const m of logs) {
          text = addSpent(text, m);
          expected = Math.max(0, expected + m);
        }
        const item = parseItem(text);
        if (typeof item === "string") throw new Error(item);
        expect(item.spent ?? 0).toBe(expected);
      }),
    );
  });

  it("reads signed durations as the duration parser does, and refuses the rest", () => {
    expect(parseSignedDuration("30m")).toBe(30);
    expect(parseSignedDuration("+1h")).toBe(60);
    expect(parseSignedDuration("-15m")).toBe(-15);
    expect(() => parseSignedDuration("5x")).toThrow(/"5x" is not a duration/);
    expect(() => parseSignedDuration("-")).toThrow(PpppptError);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.constantFrom("", "-", "+"),
        (minutes, sign) => {
          const h = Math.floor(minutes / 60);
          const text = `${sign}${h}h${minutes % 60}m`;
          expect(parseSignedDuration(text)).toBe(sign === "-" ? -minutes : minutes);
        },
      ),
    );
  });
});

describe("tags, projects and contexts", () => {
  it("adds +project and @context once, and key:value replacing that key", () => {
    const docket = parseDocket(DOCKET);
    let d = docket;
    for (const word of ["+promo", "@desk", "+promo", "est:1h", "est:2h"]) {
      d = changeField(d, "k3f9", change("tag", word)).docket;
    }
    expect(findItem(d, "k3f9").text).toBe(
      "(A) 2026-11-20 1:1 with Dana  due:2026-11-27 cat:people id:k3f9 +promo @desk est:2h",
    );
  });

  it("reads a date-valued tag as the date commands do", () => {
    expect(textOf("k3f9", "tag", "due:tomorrow")).toContain("due:2026-11-26");
    expect(textOf("k3f9", "tag", "t:monday")).toContain("t:2026-11-30");
  });

  it("removes a key, a project or a context, and one gap each", () => {
    expect(textOf("a0b2", "untag", "+platform")).toBe(
      "2026-11-21 Review the caching RFC @desk cat:tech est:2h spent:30m id:a0b2",
    );
    expect(textOf("a0b2", "untag", "@desk")).not.toContain("@desk");
    expect(textOf("a0b2", "untag", "est")).not.toContain("est:");
    expect(textOf("a0b2", "untag", "est:")).not.toContain("est:");
  });

  it("leaves the docket itself when there is nothing to change, so nothing is written", () => {
    const docket = parseDocket(DOCKET);
    const r = changeField(docket, "a0b2", change("untag", "+nothere"));
    expect(r.docket).toBe(docket);
    expect(describeFieldChange(change("untag", "+nothere"), r.before, r.line)).toBe(
      "a0b2: nothing to change",
    );
  });

  it("untag timer discards a timer without logging its time", () => {
    const timed = "Review cat:tech id:a0b2 timer:2026-12-01T22:10:00Z";
    expect(applyFieldChange(timed, change("untag", "timer"))).toBe("Review cat:tech id:a0b2");
  });

  it("refuses the id, a timer, and words that are no tag", () => {
    expect(() => change("tag", "id:zzzz")).toThrow(/cannot tag id/);
    expect(() => change("untag", "id")).toThrow(/cannot untag id/);
    expect(() => change("tag", "timer:2026-12-01T10:00Z")).toThrow(/ppppt start/);
    expect(() => change("tag", "est:")).toThrow(/give a value/);
    expect(() => change("tag", "url:/x")).toThrow(/cannot start with \//);
    expect(() => change("tag", "+")).toThrow(/a name must follow/);
    expect(() => change("tag", "9:30")).toThrow(/a key starts with a letter/);
    expect(() => change("tag", "a b")).toThrow(/has spaces/);
  });

  it("refuses a value the docket would not read, changing nothing", () => {
    const docket = parseDocket(DOCKET);
    expect(() => changeField(docket, "k3f9", change("tag", "est:soon"))).toThrow(PpppptError);
    expect(() => changeField(docket, "k3f9", change("tag", "cat:sales"))).toThrow(PpppptError);
    expect(printDocketText(docket)).toBe(DOCKET);
  });

  it("reads every well-formed token and prints it back as typed", () => {
    const name = fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/);
    const key = fc
      .stringMatching(/^[a-z][a-z0-9_.-]{0,6}$/)
      .filter((k) => k !== "id" && k !== "timer");
    fc.assert(
      fc.property(fc.constantFrom("+", "@", "kv"), name, key, name, (kind, n, k, v) => {
        const text = kind === "kv" ? `${k}:${v}` : `${kind}${n}`;
        const token = parseTagToken(text, "tag");
        if (token.kind === "tag") expect(`${token.key}:${token.value}`).toBe(text);
        else expect(`${token.kind === "project" ? "+" : "@"}${token.name}`).toBe(text);
      }),
    );
  });

  it("adds then removes a project, giving the line back", () => {
    const word = fc.stringMatching(/^[a-zA-Z0-9]{1,8}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), word, (words, p) => {
        const text = words.join(" ");
        fc.pre(!words.includes(`+${p}`));
        const added = applyFieldChange(text, change("tag", `+${p}`));
        expect(applyFieldChange(added, change("untag", `+${p}`))).toBe(text);
      }),
    );
  });
});

describe("several items at once", () => {
  it("changes each, or none when one id is unknown", () => {
    const docket = parseDocket(DOCKET);
    const both = changeEach(docket, ["k3f9", "a0b2"], (d, id) => {
      const r = changeField(d, id, change("spent", "30m"));
      return { docket: r.docket, value: r.line };
    });
    expect(both.result.map((l) => l.item.spent)).toEqual([30, 60]);
    expect(() =>
      changeEach(docket, ["k3f9", "nope"], (d, id) => {
        const r = changeField(d, id, change("spent", "30m"));
        return { docket: r.docket, value: r.line };
      }),
    ).toThrow(/no item has the id "nope"/);
  });

  it("writes down a derived id on the first change, as every change does", () => {
    const docket = parseDocket(DOCKET);
    const other = docket.lines.find((l) => l.kind === "item" && l.text.startsWith("Written"));
    if (other?.kind !== "item") throw new Error("no line");
    const r = changeField(docket, other.id, change("due", "friday"));
    expect(r.line.text).toBe(`Written by another app due:2026-11-27 id:${other.id}`);
  });
});

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as chrono from "chrono-node";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  findDateInText,
  mayNameADate,
  parseNaturalDate,
  requireNaturalDate,
} from "./natural-date.js";

// A Wednesday.
const today = "2026-11-25";

describe("dates as people type them", () => {
  it("reads ISO dates, shorthands and phrases relative to today", () => {
    expect(parseNaturalDate("2026-12-01", today)).toBe("2026-12-01");
    expect(parseNaturalDate("today", today)).toBe("2026-11-25");
    expect(parseNaturalDate("tomorrow", today)).toBe("2026-11-26");
    expect(parseNaturalDate("friday", today)).toBe("2026-11-27");
    expect(parseNaturalDate("in 3 days", today)).toBe("2026-11-28");
    expect(parseNaturalDate("next week", today)).toBe("2026-12-02");
    expect(parseNaturalDate("dec 3", today)).toBe("2026-12-03");
  });

  it("rejects what it cannot read, naming it", () => {
    expect(parseNaturalDate("someday soon-ish", today)).toBeUndefined();
    expect(() => requireNaturalDate("blurgh", today)).toThrow(/"blurgh" is not a date/);
  });
});

describe("finding a due date inside an item", () => {
  it("takes the date phrase and its preposition out of the text", () => {
    expect(findDateInText("Send the promo packet to Dana by friday", today)).toEqual({
      date: "2026-11-27",
      phrase: "friday",
      rest: "Send the promo packet to Dana",
    });
  });

  it("finds a date in the middle", () => {
    expect(findDateInText("1:1 with Dana friday about the promo packet", today)?.rest).toBe(
      "1:1 with Dana about the promo packet",
    );
  });

  it("leaves 1:1, times and numbers alone", () => {
    expect(findDateInText("1:1 with Dana", today)).toBeUndefined();
    expect(findDateInText("standup at 10:30", today)).toBeUndefined();
    expect(findDateInText("Q3 planning for 5 teams", today)).toBeUndefined();
  });
});

// A Tuesday.
const tuesday = "2026-12-01";

describe("reading the phrases chrono-node does not know", () => {
  it.each([
    ["day after tomorrow", "2026-12-03"],
    ["the day after tomorrow", "2026-12-03"],
    ["a week from friday", "2026-12-11"],
    ["two weeks from monday", "2026-12-21"],
    ["3 days from tomorrow", "2026-12-05"],
    ["EOW", "2026-12-04"],
    ["end of week", "2026-12-04"],
    ["end of next week", "2026-12-11"],
    ["EOD", "2026-12-01"],
    ["EOM", "2026-12-31"],
    ["end of the quarter", "2026-12-31"],
    ["end of next month", "2027-01-31"],
    ["EOY", "2026-12-31"],
    ["this week", "2026-12-04"],
    ["the 15th", "2026-12-15"],
    ["a fortnight", "2026-12-15"],
  ])("--due %s", (text, date) => {
    expect(parseNaturalDate(text, tuesday)).toBe(date);
  });

  it("counts EOW from a weekend to the next Friday", () => {
    expect(parseNaturalDate("EOW", "2026-12-05")).toBe("2026-12-11");
    expect(parseNaturalDate("EOW", "2026-12-04")).toBe("2026-12-04");
  });

  it("takes the 31st to the next month that has one", () => {
    expect(parseNaturalDate("the 31st", "2026-11-05")).toBe("2026-12-31");
    expect(parseNaturalDate("the 30th", "2027-01-31")).toBe("2027-03-30");
    expect(parseNaturalDate("1st", "2026-12-02")).toBe("2027-01-01");
  });
});

describe("a time of day and a repetition said with the date", () => {
  it("keeps the time as HH:MM", () => {
    expect(findDateInText("Call Dana tomorrow 3pm", tuesday)).toMatchObject({
      date: "2026-12-02",
      time: "15:00",
      rest: "Call Dana",
    });
    expect(findDateInText("Call Dana friday at 12am", tuesday)?.time).toBe("00:00");
    expect(findDateInText("Call Dana friday at 16:30", tuesday)?.time).toBe("16:30");
  });

  it("reads every friday as due the coming Friday, repeating a week after the due date", () => {
    expect(findDateInText("Send the weekly update every friday", tuesday)).toMatchObject({
      date: "2026-12-04",
      recurrence: "+1w",
      phrase: "every friday",
      rest: "Send the weekly update",
    });
    expect(findDateInText("Check SLOs every weekday", tuesday)?.recurrence).toBe("1b");
    expect(findDateInText("QBR prep every quarter", tuesday)?.recurrence).toBe("3m");
  });
});

/** Words of a to-do list that never say a date, wherever they stand. */
const PLAIN_WORDS = (
  "review the caching RFC with Dana Sam Priya about promo packet team platform incident " +
  "postmortem budget hiring plan slides talk meetup blog post staff meeting a an of to and " +
  "write send call ask follow up 1:1 Q3 P0 v2 SLO flaky tests error feedback +platform " +
  "@desk cat:people est:2h with from at"
).split(" ");
/** Words that can be part of a date phrase, or introduce one. */
const DATE_WORDS = (
  "by on before until due deadline: in within for next this every tomorrow today tonight " +
  "friday Monday sat March April 15 Dec 3 weeks 6 months the 15th EOW EOD 3pm 10:30 noon " +
  "afternoon morning day after fortnight week from last Saturday's ? at a an of about"
).split(" ");

const sentence = (words: string[]) =>
  fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }).map((w) => w.join(" "));

/** Counts of each word; what is left after taking `b`'s words out of `a`'s. */
function missing(a: string, b: string): string[] {
  const left = new Map<string, number>();
  for (const w of a.split(/\s+/)) left.set(w, (left.get(w) ?? 0) + 1);
  for (const w of b.split(/\s+/)) left.set(w, (left.get(w) ?? 0) - 1);
  return [...left].filter(([, n]) => n > 0).map(([w]) => w);
}

describe("the title loses no word that is not the date phrase", () => {
  it("gives back a sentence with no date words unchanged", () => {
    fc.assert(
      fc.property(sentence(PLAIN_WORDS), (text) => {
        expect(findDateInText(text, tuesday)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it("takes out only words a date phrase is made of", () => {
    fc.assert(
      fc.property(sentence([...PLAIN_WORDS, ...DATE_WORDS]), (text) => {
        const found = findDateInText(text, tuesday);
        if (found === undefined) return;
        const gone = missing(text, found.rest).map((w) => w.replace(/[,.;:]$/, ""));
        for (const w of gone) expect(DATE_WORDS.map((d) => d.replace(/:$/, ""))).toContain(w);
        expect(found.rest.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it("takes a due phrase off the end of any sentence and keeps the rest exactly", () => {
    const due = fc.constantFrom<[string, string]>(
      ["by friday", "2026-12-04"],
      ["before the 15th", "2026-12-15"],
      ["by EOW", "2026-12-04"],
      ["due tomorrow", "2026-12-02"],
      ["in 3 weeks", "2026-12-22"],
      ["until Dec 20", "2026-12-20"],
      ["by March", "2027-03-01"],
    );
    const plain = PLAIN_WORDS.filter((w) => !w.includes(":") && !/^[+@]/.test(w));
    fc.assert(
      fc.property(sentence(plain), due, (text, [phrase, date]) => {
        const found = findDateInText(`${text} ${phrase}`, tuesday);
        expect(found?.rest).toBe(text);
        expect(found?.date).toBe(date);
      }),
      { numRuns: 500 },
    );
  });
});

const FIXTURES = fileURLToPath(new URL("../../../shared/fixtures", import.meta.url));

/** Titles people wrote: todo.txt lines, Taskwarrior descriptions, issue titles. */
function realTitles(): string[] {
  const titles = new Set<string>();
  for (const kind of ["todotxt", "taskwarrior", "issues"]) {
    for (const name of readdirSync(`${FIXTURES}/${kind}`)) {
      const text = readFileSync(`${FIXTURES}/${kind}/${name}`, "utf8");
      if (name.endsWith(".txt")) {
        for (const line of text.split(/\r?\n/)) if (line.trim() !== "") titles.add(line);
      }
      for (const m of text.matchAll(
        /"(?:title|description|summary)"\s*:\s*"((?:[^"\\]|\\.){3,200})"/g,
      )) {
        const title = JSON.parse(`"${m[1]}"`) as string;
        if (!title.includes("\n")) titles.add(title);
      }
    }
  }
  return [...titles];
}

/** A word a date phrase can be made of. */
const DATE_TOKEN =
  /^(by|on|before|until|till|due|deadline:?|in|within|for|the|a|an|at|of|next|this|every|other|today|tonight|tomorrow|morning|afternoon|evening|night|noon|eod|cob|eow|eom|eoq|eoy|end|week|weekend|month|quarter|year|days?|weeks?|months?|fortnight|from|now|after|day|\d{1,2}(st|nd|rd|th)?|\d{4}-\d\d-\d\d|\d{1,2}(:\d\d)?(am|pm)?|am|pm|(mon|tue|wed|thu|fri|sat|sun)[a-z]*|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)$/i;

describe.skipIf(!existsSync(FIXTURES))("on titles people wrote (../shared/fixtures)", () => {
  it("takes out only the words of a date phrase", () => {
    const titles = realTitles();
    expect(titles.length).toBeGreaterThan(100);
    for (const title of titles) {
      const found = findDateInText(title, tuesday);
      if (found === undefined) continue;
      const gone = missing(title, found.rest).map((w) => w.replace(/[,.;:!?()]+$/, ""));
      expect({ title, gone: gone.filter((w) => !DATE_TOKEN.test(w)) }).toEqual({ title, gone: [] });
    }
  });

  it("reads no date from a version number or a weekend", () => {
    const titles = realTitles();
    const version = titles.find((t) => /ver\. 1\.12\.1264/.test(t));
    const weekend = titles.find((t) => /free weekend in November/.test(t));
    expect([version, weekend].every((t) => t !== undefined)).toBe(true);
    expect(findDateInText(version as string, tuesday)).toBeUndefined();
    expect(findDateInText(weekend as string, tuesday)).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// The gate in front of chrono-node (mayNameADate): it may let through text with no date, never
// turn away text in which chrono finds one.

const chronoFinds = (text: string) =>
  chrono.parse(text, new Date(2026, 10, 25, 12), { forwardDate: true }).length > 0;

/** The rows of every training file and the real-world evaluation set: text people wrote. */
function corpusTexts(): string[] {
  const data = fileURLToPath(new URL("../../data/", import.meta.url));
  const texts: string[] = [];
  for (const name of readdirSync(data).filter((n) => n.endsWith(".tsv"))) {
    for (const line of readFileSync(`${data}${name}`, "utf8").split("\n")) {
      if (line === "" || line.startsWith("#")) continue;
      texts.push(line.split("\t")[1] ?? "");
    }
  }
  for (const line of readFileSync(`${data}eval/realworld.tsv`, "utf8").split("\n").slice(1)) {
    if (line !== "") texts.push(line.split("\t")[0] ?? "");
  }
  return texts;
}

describe("the gate in front of chrono-node", () => {
  it("knows every parser of chrono's casual English configuration", () => {
    // The patterns these parsers match are what mayNameADate's comment and word lists are
    // derived from; a chrono-node upgrade that adds or changes one must be read again.
    expect(chrono.casual.parsers.map((p) => p.constructor.name)).toEqual([
      "ENYearMonthDayParser",
      "ISOFormatParser",
      "SlashDateFormatParser",
      "ENTimeUnitWithinFormatParser",
      "ENMonthNameLittleEndianParser",
      "ENMonthNameMiddleEndianParser",
      "ENWeekdayParser",
      "ENSlashMonthFormatParser",
      "ENTimeExpressionParser",
      "ENTimeUnitAgoFormatParser",
      "ENTimeUnitLaterFormatParser",
      "ENYearMonthNameParser",
      "ENCasualDateParser",
      "ENCasualTimeParser",
      "ENEndOfCurrentMonthParser",
      "ENMonthNameParser",
      "ENRelativeDateFormatParser",
      "ENTimeUnitCasualRelativeFormatParser",
    ]);
  });

  it("lets through every word of chrono's English dictionaries", async () => {
    const constants = (await import(
      new URL("../../node_modules/chrono-node/dist/esm/locales/en/constants.js", import.meta.url)
        .href
    )) as Record<string, Record<string, unknown>>;
    const keys = (name: string) =>
      Object.keys(constants[name] ?? {}).map((k) => k.replace(/\.$/, ""));
    expect(keys("WEEKDAY_DICTIONARY")).toContain("thurs");
    for (const word of [...keys("WEEKDAY_DICTIONARY"), ...keys("MONTH_DICTIONARY")]) {
      expect(mayNameADate(`Plan ${word}`), word).toBe(true);
      expect(mayNameADate(`Plan next${word}`), word).toBe(true);
    }
    for (const month of keys("MONTH_DICTIONARY")) {
      for (const tail of [
        "of",
        ...keys("ORDINAL_WORD_DICTIONARY").map((o) => o.split(/[ -]/)[0]),
      ]) {
        expect(mayNameADate(`Plan ${month}${tail} `), `${month}${tail}`).toBe(true);
      }
    }
    for (const unit of keys("TIME_UNIT_DICTIONARY")) {
      for (const number of [...keys("INTEGER_WORD_DICTIONARY"), "a", "an", "the", "few", "half"]) {
        expect(mayNameADate(`Ship in ${number} ${unit}`), `${number} ${unit}`).toBe(true);
        // chrono wants a word boundary after "a" and "an" ("as" is not "a s").
        if (!["a", "an"].includes(number)) {
          expect(mayNameADate(`Ship in ${number}${unit}`), `${number}${unit}`).toBe(true);
        }
        expect(mayNameADate(`${number} ${unit}later`), `${number} ${unit}later`).toBe(true);
      }
      for (const relative of ["this", "last", "past", "next", "after"]) {
        expect(mayNameADate(`${relative} ${unit}`), `${relative} ${unit}`).toBe(true);
      }
    }
  });

  it("turns away nothing chrono reads a date in (property)", () => {
    const fragment = fc.constantFrom(
      ..."a an the in for within about one ten few half couple of this last next past after ago later from now".split(
        " ",
      ),
      ..."s m h d w mo y yr hr min sec day week month year weekend night noon today tmrw".split(
        " ",
      ),
      ..."mon monk sat satin may mayor dec decide jun junior team them lasts ones admin".split(" "),
      ..."first twenty later ago out before".split(" "),
      ..."review plan ship fix call with Dana RFC".split(" "),
    );
    const separator = fc.constantFrom(" ", " ", "", ",", "/", ".", "-", "'", "(", ")");
    fc.assert(
      fc.property(fc.array(fc.tuple(fragment, separator), { maxLength: 6 }), (parts) => {
        const text = parts.map(([f, sep]) => f + sep).join("");
        if (!mayNameADate(text)) expect(chronoFinds(text), text).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it("turns away nothing chrono reads a date in, in text people wrote, and most of it", () => {
    const texts = corpusTexts();
    expect(texts.length).toBeGreaterThan(8000);
    const turnedAway = texts.filter((t) => !mayNameADate(t));
    for (const text of turnedAway) expect(chronoFinds(text), text).toBe(false);
    // Not a gate that lets everything through: most items name no date word at all.
    expect(turnedAway.length / texts.length).toBeGreaterThan(0.5);
  });
});

describe.skipIf(!existsSync(FIXTURES))(
  "the gate on titles people wrote (../shared/fixtures)",
  () => {
    it("turns away nothing chrono reads a date in", () => {
      for (const title of realTitles().filter((t) => !mayNameADate(t))) {
        expect(chronoFinds(title), title).toBe(false);
      }
    });
  },
);

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { copyItem, copyLine } from "./docket.js";
import { docketText } from "./docket-arbitraries.js";
import type { Docket, ItemLine } from "./item.js";
import { derivedId, parseDocket, parseItem, readOnlyItemLines } from "./parse.js";
import { printDocket, printDocketText } from "./print.js";

const enc = new TextEncoder();
/** The docket as plain objects: lines read from a file build their items on first use. */
const plain = (docket: Docket): Docket => ({
  bom: docket.bom,
  lines: docket.lines.map((l) => copyLine(l)),
});
const roundTrip = (bytes: Uint8Array) => printDocket(parseDocket(bytes));

describe("round trip: print(parse(x)) is x", () => {
  it("holds for arbitrary bytes, valid UTF-8 or not", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(Buffer.compare(roundTrip(bytes), bytes)).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it("holds for arbitrary Unicode text with any line endings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        const bytes = enc.encode(text);
        expect(Buffer.compare(roundTrip(bytes), bytes)).toBe(0);
        expect(printDocketText(parseDocket(text))).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it("holds for docket-like text built from real fragments", () => {
    fc.assert(
      fc.property(docketText, fc.boolean(), (text, bom) => {
        const full = bom ? `\uFEFF${text}` : text;
        const bytes = enc.encode(full);
        expect(Buffer.compare(roundTrip(bytes), bytes)).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it("numbers every line and keeps each line's ending", () => {
    fc.assert(
      fc.property(docketText, (text) => {
        const docket = parseDocket(text);
        docket.lines.forEach((line, i) => {
          expect(line.number).toBe(i + 1);
          expect(typeof line.text === "string" && /[\n]/.test(line.text)).toBe(false);
        });
      }),
    );
  });
});

describe("keeps every kind of line byte for byte", () => {
  const cases: Record<string, string> = {
    "blank lines": "a\n\n   \nb\n",
    "comment lines": "# my docket\nwrite RFC\n  # indented comment\n",
    "unknown keys": "ship it foo:bar baz:1:2 cat:tech\n",
    "odd spacing": "  (A)   call   Dana   \n",
    tabs: "x\t2026-01-01\tdone with tabs\t@home\n",
    CRLF: "one\r\ntwo\r\n",
    "mixed line endings": "one\r\ntwo\nthree\r\n",
    "no final newline": "one\ntwo",
    "a lone carriage return": "one\rtwo\n",
    "a BOM": "\uFEFF(A) first\nsecond\n",
    "empty file": "",
    "only newlines": "\n\n\n",
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`keeps ${name}`, () => {
      const bytes = enc.encode(text);
      expect(Buffer.from(roundTrip(bytes)).toString("utf8")).toBe(text);
    });
  }

  it("keeps invalid UTF-8 as the raw bytes and reports the line", () => {
    const bytes = Buffer.concat([
      enc.encode("good line\n"),
      Buffer.from([0x62, 0x61, 0x64, 0xff, 0xfe, 0x0a]),
      enc.encode("last"),
    ]);
    const docket = parseDocket(bytes);
    expect(Buffer.compare(printDocket(docket), bytes)).toBe(0);
    expect(docket.lines.map((l) => l.kind)).toEqual(["item", "invalid", "item"]);
    expect(docket.lines[1]?.kind === "invalid" && docket.lines[1].problem).toMatch(/UTF-8/);
    expect(docket.lines[1]?.number).toBe(2);
  });

  it("remembers the BOM apart from the first line", () => {
    const docket = parseDocket(enc.encode("\uFEFF(B) first\n"));
    expect(docket.bom).toBe(true);
    expect(docket.lines[0]?.kind).toBe("item");
    expect(docket.lines[0]?.kind === "item" && docket.lines[0].item.priority).toBe("B");
  });
});

describe("reading an item", () => {
  it("reads every todo.txt field and ppppt's own keys", () => {
    const item = parseItem(
      "(A) 2026-11-02 Review RFC +platform @desk due:2026-11-27 t:2026-11-20 cat:tech est:1h30m spent:45m rec:+1w id:k3f9 h:1 owner:lee",
    );
    if (typeof item === "string") throw new Error(item);
    expect(item).toMatchObject({
      done: false,
      priority: "A",
      created: "2026-11-02",
      title: "Review RFC +platform @desk",
      projects: ["platform"],
      contexts: ["desk"],
      due: "2026-11-27",
      threshold: "2026-11-20",
      category: "tech",
      categoryGuess: false,
      estimate: 90,
      spent: 45,
      rec: { strict: true, count: 1, unit: "w" },
      ownId: "k3f9",
      hidden: true,
    });
    expect(item.tags).toContainEqual({ key: "owner", value: "lee" });
  });

  it("reads a done item with completion and creation dates", () => {
    const item = parseItem("x 2026-11-20 2026-11-01 Ship it cat:product? pri:B");
    if (typeof item === "string") throw new Error(item);
    expect(item).toMatchObject({
      done: true,
      completed: "2026-11-20",
      created: "2026-11-01",
      category: "product",
      categoryGuess: true,
    });
  });

  it("treats x without a space, or a capital X, as an ordinary word", () => {
    expect(parseItem("xylophone lessons")).toMatchObject({
      done: false,
      title: "xylophone lessons",
    });
    expect(parseItem("X marks the spot")).toMatchObject({ done: false });
  });

  it("leaves times, ratios and URLs in the title", () => {
    const item = parseItem("standup at 10:30 see https://example.com/x");
    if (typeof item === "string") throw new Error(item);
    expect(item.title).toBe("standup at 10:30 see https://example.com/x");
    expect(item.tags).toEqual([]);
  });

  const invalid: [string, RegExp][] = [
    ["call Dana cat:peeple", /not a category/],
    ["call Dana due:friday", /not a date/],
    ["call Dana due:2026-02-30", /not a date/],
    ["call Dana t:soon", /not a date/],
    ["call Dana est:lots", /not a duration/],
    ["call Dana spent:-1h", /not a duration/],
    ["call Dana rec:weekly", /not a recurrence/],
    ["call Dana cat:tech cat:people", /more than one cat/],
    ["call Dana id:a id:b", /more than one id/],
    ["x 2026-13-01 call Dana", /completion date/],
    ["2026-04-31 call Dana", /creation date/],
  ];
  for (const [line, problem] of invalid) {
    it(`reports "${line}" as not readable`, () => {
      expect(parseItem(line)).toMatch(problem);
    });
  }

  it("keeps a line that repeats an id as an item, flagged, at an address of its own", () => {
    const text = "one id:ab12\ntwo id:ab12\n";
    const docket = parseDocket(text);
    expect(docket.lines.map((l) => l.kind)).toEqual(["item", "item"]);
    const [first, second] = docket.lines as ItemLine[];
    expect(first).toMatchObject({ id: "ab12", duplicateOf: undefined });
    expect(second?.duplicateOf).toBe(1);
    expect(second?.item.ownId).toBe("ab12");
    expect(second?.id).toBe(derivedId("two id:ab12"));
    expect(readOnlyItemLines(docket).map((l) => [l.id, l.duplicateOf, l.item.ownId])).toEqual([
      ["ab12", undefined, "ab12"],
      [second?.id, 1, "ab12"],
    ]);
    expect(printDocketText(docket)).toBe(text);
  });
});

describe("ids", () => {
  it("derives a stable six-character id for items without id:", () => {
    const a = parseDocket("call Dana\n");
    const b = parseDocket("# moved\n\ncall Dana\n");
    const idA = a.lines[0]?.kind === "item" ? a.lines[0].id : "";
    const idB = b.lines[2]?.kind === "item" ? b.lines[2].id : "";
    expect(idA).toHaveLength(6);
    expect(idA).toBe(idB);
    expect(idA).toBe(derivedId("call Dana"));
  });

  it("gives identical lines distinct ids", () => {
    const docket = parseDocket("same\nsame\n");
    const ids = docket.lines.map((l) => (l.kind === "item" ? l.id : ""));
    expect(new Set(ids).size).toBe(2);
  });
});

describe("every way in reads the same docket", () => {
  /** Docket text with non-ASCII lines, tabs and runs of spaces among plain ones. */
  const mixedText = fc.oneof(docketText, fc.string({ unit: "grapheme", maxLength: 300 }));

  it("reads bytes (ASCII lines from a Latin-1 copy, others decoded) as it reads the string", () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        expect(plain(parseDocket(enc.encode(text)))).toEqual(plain(parseDocket(text)));
      }),
      { numRuns: 2000 },
    );
  });

  it("reads the valid lines of a file with invalid UTF-8 as it reads them in a valid one", () => {
    fc.assert(
      fc.property(docketText, (text) => {
        const bad = Buffer.concat([enc.encode(`${text}\n`), Buffer.from([0xff])]);
        const lines = plain(parseDocket(bad)).lines;
        expect(lines.at(-1)?.kind).toBe("invalid");
        expect(lines.slice(0, -1)).toEqual(plain(parseDocket(`${text}\n`)).lines);
      }),
      { numRuns: 1000 },
    );
  });

  it("reads each item line of a docket as parseItem reads the line alone", () => {
    fc.assert(
      fc.property(docketText, (text) => {
        for (const line of parseDocket(text).lines) {
          if (line.kind === "item") expect(copyItem(line.item)).toEqual(parseItem(line.text));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps the first line with an id and flags each later one, however many ids", () => {
    const lines = fc.array(fc.option(fc.stringMatching(/^[a-c0-2_-]{1,3}$/), { nil: undefined }), {
      maxLength: 1500,
    });
    fc.assert(
      fc.property(lines, (ids) => {
        const text = ids.map((id) => (id === undefined ? "same" : `task id:${id}`)).join("\n");
        const first = new Map<string, number>();
        const docket = parseDocket(text);
        ids.forEach((id, i) => {
          const line = docket.lines[i];
          if (id === undefined) return;
          const prior = first.get(id);
          if (prior === undefined) {
            first.set(id, i + 1);
            expect(line?.kind === "item" && line.id).toBe(id);
          } else {
            expect(line?.kind === "item" && line.duplicateOf).toBe(prior);
            expect(line?.kind === "item" && line.id).not.toBe(id);
          }
        });
        const all = docket.lines.flatMap((l) => (l.kind === "item" ? [l.id] : []));
        expect(new Set(all).size).toBe(all.length);
      }),
      { numRuns: 200 },
    );
  });
});

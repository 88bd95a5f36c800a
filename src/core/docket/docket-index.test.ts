import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { copyItem, withCategoryGuess } from "./docket.js";
import { docketText } from "./docket-arbitraries.js";
import type { ItemLine } from "./item.js";
import { docketIndex, parseDocket, parseItem } from "./parse.js";

const enc = new TextEncoder();

/** Every field of an item line, read by name (a row's fields are not all own properties). */
function fields(line: ItemLine): Record<string, unknown> {
  const { id, number, text, eol } = line;
  return { id, number, text, eol, ...copyItem(line.item) };
}

function indexOf(text: string | Uint8Array) {
  const docket = parseDocket(text);
  const index = docketIndex(docket);
  if (!index) throw new Error("a parsed docket has its index");
  return { docket, index };
}

/** Docket text with tabs, runs of spaces and non-ASCII lines among the usual ones. */
const anyText = fc.oneof(docketText, fc.string({ unit: "grapheme", maxLength: 300 }));

describe("the docket index", () => {
  it("gives rows that read every field as the built items do", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { docket, index } = indexOf(enc.encode(text));
        const items = docket.lines.filter((l): l is ItemLine => l.kind === "item");
        expect(index.itemRows().map(fields)).toEqual(items.map(fields));
        expect(index.invalidCount()).toBe(docket.lines.filter((l) => l.kind === "invalid").length);
      }),
      { numRuns: 2000 },
    );
  });

  it("takes a line for an item, or not and why, exactly as parseItem does", () => {
    // Indexing finds the tags from their colons; parseItem reads every word. They must agree.
    fc.assert(
      fc.property(docketText, (text) => {
        for (const line of parseDocket(text).lines) {
          if (line.kind === "blank" || line.kind === "comment") continue;
          const alone = parseItem(typeof line.text === "string" ? line.text : "");
          if (line.kind === "item") expect(typeof alone).toBe("object");
          else if (!line.problem?.includes("already used")) expect(alone).toBe(line.problem);
        }
      }),
      { numRuns: 3000 },
    );
  });

  const titles: [string, string][] = [
    [
      "call Dana about the offsite cat:people due:2026-12-01 id:ab12",
      "call Dana about the offsite",
    ],
    ["call  Dana cat:people", "call Dana"],
    ["call\tDana cat:people", "call Dana"],
    ["call Dana  cat:people", "call Dana"],
    ["call Dana cat:people about it", "call Dana about it"],
    ["call Dana cat:people +offsite", "call Dana +offsite"],
    ["call Dana ", "call Dana"],
    ["\tcall Dana", "call Dana"],
    ["cat:people due:2026-12-01", ""],
    ["x 2026-11-20 ", ""],
    ["(A) 2026-11-01 réunion à 10:30 cat:people", "réunion à 10:30"],
  ];
  for (const [text, title] of titles) {
    it(`finds the title of "${text.replace(/\t/g, "\\t")}"`, () => {
      const row = indexOf(text).index.itemRows()[0];
      expect(row?.item.title).toBe(title);
      const item = parseItem(text);
      expect(typeof item === "object" && item.title).toBe(title);
    });
  }

  it("belongs only to a docket read from a file; a changed docket has none", () => {
    const { docket } = indexOf("one\ntwo\n");
    const changed = { ...docket, lines: docket.lines.slice(1) };
    expect(docketIndex(changed)).toBeUndefined();
  });

  it("builds the docket's lines once, when first read, and a spread copies them", () => {
    const { docket } = indexOf("one id:ab12\n# note\n");
    const lines = docket.lines;
    expect(docket.lines).toBe(lines);
    expect({ ...docket }.lines).toBe(lines);
    expect(lines.map((l) => l.kind)).toEqual(["item", "comment"]);
  });

  it("lets a row be shown under a guessed category with every other field kept", () => {
    const row = indexOf("(B) plan the offsite +team @desk est:2h id:ab12\n").index.itemRows()[0];
    if (!row) throw new Error("one row");
    const guessed = withCategoryGuess(row, "people");
    expect(fields(guessed)).toEqual({ ...fields(row), category: "people", categoryGuess: true });
  });

  it("makes rows only for the items a status and the hidden flag let through", () => {
    const { index } = indexOf(
      "open one\nx 2026-11-01 done one\nhidden one h:1\n# note\nx done and hidden h:1\nopen two\n",
    );
    const titles = (only?: Parameters<typeof index.itemRows>[0]) =>
      index.itemRows(only).map((r) => r.item.title);
    expect(titles()).toEqual(["open one", "done one", "hidden one", "done and hidden", "open two"]);
    expect(titles({ status: "open", includeHidden: false })).toEqual(["open one", "open two"]);
    expect(titles({ status: "open", includeHidden: true })).toEqual([
      "open one",
      "hidden one",
      "open two",
    ]);
    expect(titles({ status: "done", includeHidden: false })).toEqual(["done one"]);
    expect(titles({ status: "done", includeHidden: true })).toEqual([
      "done one",
      "done and hidden",
    ]);
    expect(titles({ status: "all", includeHidden: false })).toEqual([
      "open one",
      "done one",
      "open two",
    ]);
    expect(index.itemCount()).toBe(5);
  });

  it("shows a row under a guess as a view: the row itself keeps what the line says", () => {
    const row = indexOf("plan the offsite +team id:ab12\n").index.itemRows()[0];
    if (!row) throw new Error("one row");
    const guessed = withCategoryGuess(row, "tech");
    expect(guessed.item.category).toBe("tech");
    expect(guessed.item.categoryGuess).toBe(true);
    expect(row.item.category).toBeUndefined();
    expect(row.item.categoryGuess).toBe(false);
    expect(guessed.item.projects).toEqual(["team"]);
    expect(row.item.projects).toEqual(["team"]);
  });

  it("reads a line of hundreds of words and tags", () => {
    const words = Array.from({ length: 300 }, (_, k) => `w${k}`);
    const tags = Array.from({ length: 150 }, (_, k) => `k${k}:v${k}`);
    const text = `${words.join(" ")} ${tags.join(" ")} cat:tech`;
    const row = indexOf(`${text}\n`).index.itemRows()[0];
    expect(row?.item.title).toBe(words.join(" "));
    expect(row?.item.tags).toHaveLength(151);
    const item = parseItem(text);
    expect(typeof item === "object" && item.tags.length).toBe(151);
  });
});

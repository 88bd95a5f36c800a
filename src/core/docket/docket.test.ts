import { describe, expect, it } from "vitest";
import {
  appendItem,
  findItem,
  invalidLines,
  itemLines,
  newId,
  removeItem,
  renumberDuplicates,
  replaceItem,
} from "./docket.js";
import type { ItemLine } from "./item.js";

import { parseDocket } from "./parse.js";
import { printDocketText } from "./print.js";

describe("appending", () => {
  it("adds an item with a fresh 4-character id at the end", () => {
    const { docket, line } = appendItem(parseDocket("one id:aaaa\n"), "two");
    expect(line.id).toMatch(/^[0-9a-z]{4}$/);
    expect(printDocketText(docket)).toBe(`one id:aaaa\ntwo id:${line.id}\n`);
  });

  it("keeps an id the text already has", () => {
    const { line } = appendItem(parseDocket(""), "two id:mine");
    expect(line.id).toBe("mine");
  });

  it("ends the last line first when the file had no final newline", () => {
    const { docket } = appendItem(parseDocket("one"), "two id:bbbb");
    expect(printDocketText(docket)).toBe("one\ntwo id:bbbb\n");
  });

  it("uses the file's own line ending", () => {
    const { docket } = appendItem(parseDocket("one\r\n"), "two id:bbbb");
    expect(printDocketText(docket)).toBe("one\r\ntwo id:bbbb\r\n");
  });

  it("refuses text that would not read back as an item", () => {
    expect(() => appendItem(parseDocket(""), "call due:someday")).toThrow(/not a date/);
    expect(() => appendItem(parseDocket(""), "two\nlines")).toThrow(/one line/);
    expect(() => appendItem(parseDocket(""), "# looks like a comment")).toThrow(
      /cannot start with #/,
    );
    expect(() => appendItem(parseDocket("x id:dup\n"), "y id:dup")).toThrow(/already used/);
  });

  it("never hands out an id in use, nor an all-digit one", () => {
    const lines = Array.from(
      { length: 500 },
      (_, i) => `item ${i} id:${i.toString(36).padStart(4, "a")}`,
    );
    const docket = parseDocket(`${lines.join("\n")}\n`);
    const used = new Set(itemLines(docket).map((l) => l.id));
    for (let i = 0; i < 200; i++) {
      const id = newId(docket);
      expect(used.has(id)).toBe(false);
      expect(id).not.toMatch(/^\d+$/);
    }
  });
});

describe("finding, replacing and removing", () => {
  const text = "# header\none id:aaaa\ntwo\n\nthree id:cccc";

  it("finds by own id and by derived id, and names an unknown id", () => {
    const docket = parseDocket(text);
    expect(findItem(docket, "aaaa").text).toBe("one id:aaaa");
    const derived = itemLines(docket)[1]?.id ?? "";
    expect(findItem(docket, derived).text).toBe("two");
    expect(() => findItem(docket, "zzzz")).toThrow(/no item has the id "zzzz"/);
  });

  it("changes one line and nothing else", () => {
    const { docket } = replaceItem(parseDocket(text), "aaaa", (t) => t.replace("one", "uno"));
    expect(printDocketText(docket)).toBe("# header\nuno id:aaaa\ntwo\n\nthree id:cccc");
  });

  it("writes down a derived id when it changes such an item", () => {
    const docket = parseDocket(text);
    const derived = itemLines(docket)[1]?.id ?? "";
    const { docket: after, line } = replaceItem(docket, derived, () => "deux");
    expect(line.text).toBe(`deux id:${derived}`);
    expect(findItem(after, derived).text).toBe(`deux id:${derived}`);
  });

  it("removes a line, keeping the file's ending as it was", () => {
    expect(printDocketText(removeItem(parseDocket(text), "aaaa").docket)).toBe(
      "# header\ntwo\n\nthree id:cccc",
    );
    expect(printDocketText(removeItem(parseDocket(text), "cccc").docket)).toBe(
      "# header\none id:aaaa\ntwo\n",
    );
  });

  it("lists the lines it could not read", () => {
    expect(invalidLines(parseDocket("ok\nbad due:x\n")).map((l) => l.number)).toEqual([2]);
  });
});

describe("items that repeat an id", () => {
  const text = "one id:ab12\ntwo id:ab12 cat:tech\n";

  it("gives each a fresh id of its own, keeping the first line's and every other byte", () => {
    const { docket, result } = renumberDuplicates(parseDocket(text));
    expect(result).toHaveLength(1);
    const to = result[0]?.to as string;
    expect(result[0]).toMatchObject({ line: 2, from: "ab12" });
    expect(to).toMatch(/^[0-9a-z]{4}$/);
    expect(printDocketText(docket)).toBe(`one id:ab12\ntwo id:${to} cat:tech\n`);
    expect(
      parseDocket(printDocketText(docket)).lines.every(
        (l) => l.kind === "item" && l.duplicateOf === undefined,
      ),
    ).toBe(true);
  });

  it("writes its own address down on its first change, so one id never names two items", () => {
    const docket = parseDocket(text);
    const second = docket.lines[1] as ItemLine;
    const { docket: after } = replaceItem(docket, second.id, (t) => `${t} +moved`);
    expect(printDocketText(after)).toBe(`one id:ab12\ntwo id:${second.id} cat:tech +moved\n`);
    // The repeated id still names the first line.
    expect(findItem(after, "ab12").item.title).toBe("one");
  });
});

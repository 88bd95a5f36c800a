import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Item } from "../docket/item.js";
import { parseItem } from "../docket/parse.js";
import { initialsOf, nameRedactor, oneOnOneNames, withNames } from "./redact.js";

const item = (text: string) => parseItem(text) as Item;

describe("initialsOf", () => {
  it("gives each part of a name its initial", () => {
    expect(initialsOf("Dana")).toBe("D.");
    expect(initialsOf("dana reyes")).toBe("D.R.");
    expect(initialsOf("Jean-Luc Picard")).toBe("J.-L.P.");
  });
});

describe("nameRedactor", () => {
  const redact = nameRedactor(["Dana Reyes", "Sam", "Priya"]);

  it("replaces whole names in any case, the longer name first", () => {
    expect(redact("Promo packet for Dana Reyes, then sam and PRIYA")).toBe(
      "Promo packet for D.R., then S. and P.",
    );
  });

  it("hides a bare first name of a full name", () => {
    expect(redact("1:1 with Dana")).toBe("1:1 with D.");
  });

  it("leaves a name inside a longer word alone", () => {
    expect(redact("Samba night at Samsung")).toBe("Samba night at Samsung");
  });

  it("changes nothing without names", () => {
    expect(nameRedactor([])("Dana")).toBe("Dana");
  });

  it("never leaves a known name as a word of its own (property)", () => {
    const name = fc.stringMatching(/^[A-Z][a-z]{2,8}$/);
    const filler = fc.constantFrom("with", "for", "and", "the", "1:1", ",", "+promo", "review");
    fc.assert(
      fc.property(
        fc.uniqueArray(name, { minLength: 1, maxLength: 4 }),
        fc.array(fc.oneof(name, filler)),
        (names, words) => {
          const text = [...words, ...names].join(" ");
          const out = nameRedactor(names)(text).split(/[^\p{L}]+/u);
          for (const n of names) expect(out).not.toContain(n);
        },
      ),
    );
  });
});

describe("names an item gives", () => {
  it("reads with: tags, several in one", () => {
    expect(withNames(item("Promo talk with:Dana with:sam,priya"))).toEqual([
      "Dana",
      "sam",
      "priya",
    ]);
  });

  it("reads the person of a 1:1", () => {
    expect(oneOnOneNames("1:1 with Dana @calendar")).toEqual(["Dana"]);
    expect(oneOnOneNames("1-1 Priya Shah about goals")).toEqual(["Priya Shah"]);
    expect(oneOnOneNames("Book the 1:1 room")).toEqual([]);
  });
});

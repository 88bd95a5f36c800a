import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../src/core/category.js";
import { parseDocket } from "../src/core/docket/parse.js";
import { printDocketText } from "../src/core/docket/print.js";
import { generateDocket } from "./generate-docket.js";

describe("generateDocket", () => {
  it("makes exactly the asked number of items, all valid, and round-trips", () => {
    const { text, items } = generateDocket(2000);
    const docket = parseDocket(text);
    expect(docket.lines.filter((l) => l.kind === "invalid")).toEqual([]);
    expect(docket.lines.filter((l) => l.kind === "item")).toHaveLength(2000);
    expect(items).toBe(2000);
    expect(printDocketText(docket)).toBe(text);
  });

  it("has comment and blank lines, done items and every category", () => {
    const docket = parseDocket(generateDocket(2000).text);
    const kinds = new Set(docket.lines.map((l) => l.kind));
    expect(kinds).toEqual(new Set(["item", "comment", "blank"]));
    const items = docket.lines.flatMap((l) => (l.kind === "item" ? [l.item] : []));
    expect(items.some((i) => i.done)).toBe(true);
    expect(items.some((i) => i.rec !== undefined)).toBe(true);
    expect(items.some((i) => i.ownId === undefined)).toBe(true);
    expect(new Set(items.map((i) => i.category))).toEqual(new Set([...CATEGORIES, undefined]));
  });

  it("gives the same bytes for the same seed and different bytes for another", () => {
    expect(generateDocket(300).text).toBe(generateDocket(300).text);
    expect(generateDocket(300, { seed: 1 }).text).not.toBe(generateDocket(300).text);
  });

  it("writes lines of a realistic length", () => {
    const { text } = generateDocket(1000);
    const mean = text.length / 1000;
    expect(mean).toBeGreaterThan(60);
    expect(mean).toBeLessThan(160);
  });
});

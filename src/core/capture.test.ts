import { describe, expect, it } from "vitest";
import { type Categoriser, captureItem } from "./capture.js";

const today = "2026-11-25";
const sure: Categoriser = () => ({
  category: "people",
  probability: 0.9,
  unsure: false,
  reason: "words: dana",
});
const unsure: Categoriser = () => ({
  category: "tech",
  probability: 0.4,
  unsure: true,
  reason: "words: rfc",
});
const none: Categoriser = () => undefined;

describe("capturing an item", () => {
  it("infers due date and category and says so", () => {
    const c = captureItem("1:1 with Dana about the promo packet friday", {
      today,
      categorise: sure,
    });
    expect(c.text).toBe(
      "2026-11-25 1:1 with Dana about the promo packet due:2026-11-27 cat:people",
    );
    expect(c.inferred).toEqual([
      { field: "due", value: "2026-11-27", from: "friday" },
      { field: "category", value: "People", from: "words: dana" },
    ]);
  });

  it("marks an unsure category as a guess", () => {
    expect(captureItem("review the RFC", { today, categorise: unsure }).text).toBe(
      "2026-11-25 review the RFC cat:tech?",
    );
  });

  it("lets explicit values win over inference", () => {
    const c = captureItem("(B) plan offsite friday cat:process", {
      today,
      categorise: sure,
      due: "2026-12-10",
      priority: "A",
      estimate: "2h",
    });
    expect(c.text).toBe("(A) 2026-11-25 plan offsite friday cat:process due:2026-12-10 est:2h");
    expect(c.inferred).toEqual([]);
  });

  it("keeps a due: the user typed and leaves uncategorisable items without cat:", () => {
    expect(captureItem("buy milk due:2026-12-01", { today, categorise: none }).text).toBe(
      "2026-11-25 buy milk due:2026-12-01",
    );
  });

  it("refuses a category or date the user typed that does not exist, instead of guessing", () => {
    expect(() => captureItem("call the customer cat:sales", { today, categorise: sure })).toThrow(
      /cat:sales is not a category \(people, product, process, public, tech\)/,
    );
    expect(() => captureItem("call due:2026-13-45", { today, categorise: sure })).toThrow(
      /due:2026-13-45 is not a date/,
    );
  });

  it("can leave out the creation date", () => {
    expect(captureItem("thing", { today, categorise: none, dated: false }).text).toBe("thing");
  });
});

describe("capturing the people an item is about", () => {
  const people = [
    { handle: "dana.k", name: "Dana Kim", first: "dana" },
    { handle: "dana.m", name: "Dana Morales", first: "dana" },
    { handle: "sam", first: "sam" },
  ];

  it("adds a with: tag for each person named and says so", () => {
    const c = captureItem("1:1 with Dana Kim and Sam", { today, categorise: none, people });
    expect(c.text).toBe("2026-11-25 1:1 with Dana Kim and Sam with:dana.k with:sam");
    expect(c.inferred).toEqual([
      { field: "person", value: "dana.k", from: "Dana Kim" },
      { field: "person", value: "sam", from: "Sam" },
    ]);
  });

  it("leaves an ambiguous first name untagged and reports it", () => {
    const c = captureItem("Ask Dana", { today, categorise: none, people });
    expect(c.text).toBe("2026-11-25 Ask Dana");
    expect(c.ambiguous).toEqual([{ name: "Dana", candidates: ["dana.k", "dana.m"] }]);
  });

  it("keeps a with: the user typed and adds no second one", () => {
    const c = captureItem("Ask Dana with:Dana.M", { today, categorise: none, people });
    expect(c.text).toBe("2026-11-25 Ask Dana with:Dana.M");
    expect(c.inferred).toEqual([]);
    expect(c.ambiguous).toEqual([]);
  });
});

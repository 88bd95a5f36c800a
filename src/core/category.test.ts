import { describe, expect, it } from "vitest";
import { parseCategory } from "./category.js";
import { keywordCategory } from "./classify/keyword-rule.js";

describe("categories", () => {
  it("reads names in any case and unambiguous prefixes", () => {
    expect(parseCategory("People")).toBe("people");
    expect(parseCategory("tec")).toBe("tech");
    expect(parseCategory("pu")).toBe("public");
    expect(parseCategory("p")).toBeUndefined();
    expect(parseCategory("pro")).toBeUndefined();
    expect(parseCategory("sales")).toBeUndefined();
  });

  it("has a keyword baseline that picks the earliest telling word", () => {
    expect(keywordCategory("Blog post about our RFC process")?.category).toBe("public");
    expect(keywordCategory("1:1 with Dana")?.category).toBe("people");
    expect(keywordCategory("buy milk")).toBeUndefined();
  });
});

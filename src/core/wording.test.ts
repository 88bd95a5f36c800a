import { describe, expect, it } from "vitest";
import { ageText, plural } from "./wording.js";

describe("plural", () => {
  it("uses the singular for one only", () => {
    expect(plural(1, "day")).toBe("1 day");
    expect(plural(0, "day")).toBe("0 days");
    expect(plural(3, "item")).toBe("3 items");
    expect(plural(2, "line is", "lines are")).toBe("2 lines are");
  });
});

describe("ageText", () => {
  it("says an item's age without '1 days' or a negative age", () => {
    expect(ageText(0)).toBe("created today");
    expect(ageText(1)).toBe("1 day old");
    expect(ageText(12)).toBe("12 days old");
    expect(ageText(-3)).toBe("created 3 days from now");
    expect(ageText(-1)).toBe("created 1 day from now");
  });
});

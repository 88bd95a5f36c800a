import { describe, expect, it } from "vitest";
import { findDateInText, parseNaturalDate, requireNaturalDate } from "./natural-date.js";

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

import { describe, expect, it } from "vitest";
import { friendlyDate } from "./format.js";

describe("friendlyDate", () => {
  it("names near days and leaves the year out within this year", () => {
    expect(friendlyDate("2026-11-25", "2026-11-25")).toBe("today");
    expect(friendlyDate("2026-11-26", "2026-11-25")).toBe("tomorrow");
    expect(friendlyDate("2026-11-27", "2026-11-25")).toBe("Fri 27 Nov");
  });

  it("shows the year of a date outside this year", () => {
    expect(friendlyDate("2027-01-04", "2026-11-25")).toBe("Mon 4 Jan 2027");
    expect(friendlyDate("2025-11-27", "2026-11-25")).toBe("Thu 27 Nov 2025");
  });
});

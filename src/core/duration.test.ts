import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration, requireDuration } from "./duration.js";

describe("durations", () => {
  it("reads the spellings people use", () => {
    expect(parseDuration("45m")).toBe(45);
    expect(parseDuration("2h")).toBe(120);
    expect(parseDuration("1h30m")).toBe(90);
    expect(parseDuration("1.5h")).toBe(90);
    expect(parseDuration("1d")).toBe(480);
    expect(parseDuration("1w")).toBe(2400);
    expect(parseDuration("30")).toBe(30);
    expect(parseDuration("2H")).toBe(120);
  });

  it("rejects what is not a duration", () => {
    for (const bad of ["", "h", "2x", "1h 30m", "-1h", "abc", "1h30"])
      expect(parseDuration(bad)).toBeUndefined();
    expect(() => requireDuration("soon")).toThrow(/"soon" is not a duration/);
  });

  it("prints what it reads back to the same minutes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (m) => {
        expect(parseDuration(formatDuration(m))).toBe(m);
      }),
    );
  });
});

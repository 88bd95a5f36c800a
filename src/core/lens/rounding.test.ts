import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundHalfAway, signedPoints, wholePercents } from "./rounding.js";

describe("roundHalfAway", () => {
  it("rounds halves away from zero, both signs (Math.round gives -7 for -7.5)", () => {
    expect(roundHalfAway(-7.5)).toBe(-8);
    expect(roundHalfAway(7.5)).toBe(8);
    expect(roundHalfAway(-7.49)).toBe(-7);
    expect(roundHalfAway(12.345, 1)).toBe(12.3);
    expect(roundHalfAway(0.15, 1)).toBe(0.2);
  });

  it("is symmetric: -x rounds to minus what x rounds to", () => {
    fc.assert(
      fc.property(fc.double({ min: -1000, max: 1000, noNaN: true }), (x) => {
        expect(roundHalfAway(-x)).toBe(-roundHalfAway(x) || 0);
        expect(Object.is(roundHalfAway(-x), -0)).toBe(false);
      }),
    );
  });
});

describe("wholePercents", () => {
  it("gives whole percents that add up to 100, the leftover points to the largest fractions", () => {
    expect(wholePercents([1, 1, 1])).toEqual([34, 33, 33]);
    expect(wholePercents([3, 0, 1])).toEqual([75, 0, 25]);
    expect(wholePercents([0, 0])).toEqual([0, 0]);
  });

  it("always adds up to 100 and stays within one point of the exact share", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10_000), { minLength: 1, maxLength: 8 }), (values) => {
        const total = values.reduce((a, b) => a + b, 0);
        const out = wholePercents(values);
        if (total === 0) {
          expect(out.every((x) => x === 0)).toBe(true);
          return;
        }
        expect(out.reduce((a, b) => a + b, 0)).toBe(100);
        out.forEach((p, i) => {
          expect(Math.abs(p - (100 * (values[i] as number)) / total)).toBeLessThan(1);
        });
      }),
    );
  });
});

describe("signedPoints", () => {
  it("signs a positive drift", () => {
    expect([signedPoints(5), signedPoints(-8), signedPoints(0)]).toEqual(["+5", "-8", "0"]);
  });
});

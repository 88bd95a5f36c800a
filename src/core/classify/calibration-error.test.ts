import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calibrationBins, expectedCalibrationError, type Judged } from "./calibration-error.js";

const judged = (probability: number, right: number, wrong: number): Judged[] => [
  ...Array.from({ length: right }, () => ({ probability, correct: true })),
  ...Array.from({ length: wrong }, () => ({ probability, correct: false })),
];

describe("expected calibration error", () => {
  it("is 0 when each bin is right as often as it says", () => {
    expect(expectedCalibrationError([...judged(0.9, 9, 1), ...judged(0.5, 5, 5)])).toBeCloseTo(
      0,
      12,
    );
  });

  it("weights each bin's gap by its share of the predictions", () => {
    // 10 at 0.95 with 8 right (gap 0.15), 10 at 0.55 with 3 right (gap 0.25): (0.15 + 0.25) / 2.
    const results = [...judged(0.95, 8, 2), ...judged(0.55, 3, 7)];
    expect(expectedCalibrationError(results)).toBeCloseTo(0.2, 12);
  });

  it("puts a probability on a bin edge in the lower bin, and 0 in the first", () => {
    const bins = calibrationBins([
      { probability: 0.6, correct: true },
      { probability: 0, correct: false },
      { probability: 1, correct: true },
    ]);
    expect(bins[5]?.count).toBe(1);
    expect(bins[0]?.count).toBe(1);
    expect(bins[9]?.count).toBe(1);
  });

  it("is 0 for no predictions", () => {
    expect(expectedCalibrationError([])).toBe(0);
  });

  it("always lies between 0 and 1 and counts every prediction once", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            probability: fc.double({ min: 0, max: 1, noNaN: true }),
            correct: fc.boolean(),
          }),
        ),
        (results) => {
          const ece = expectedCalibrationError(results);
          expect(ece).toBeGreaterThanOrEqual(0);
          expect(ece).toBeLessThanOrEqual(1 + 1e-12);
          const counted = calibrationBins(results).reduce((n, b) => n + b.count, 0);
          expect(counted).toBe(results.length);
        },
      ),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectedCalibrationError } from "./calibration-error.js";

describe("expectedCalibrationError", () => {
  it("is 0 when the stated probability is the rate of being right", () => {
    const predictions = [
      ...Array.from({ length: 8 }, (_, i) => ({ probability: 0.75, correct: i < 6 })),
      { probability: 1, correct: true },
    ];
    expect(expectedCalibrationError(predictions)).toBeCloseTo(0, 10);
  });

  it("is the gap, weighted by bin size, for an over-confident model", () => {
    // 10 predictions at 0.95, 7 right: |7 - 9.5| / 10.
    const predictions = Array.from({ length: 10 }, (_, i) => ({
      probability: 0.95,
      correct: i < 7,
    }));
    expect(expectedCalibrationError(predictions)).toBeCloseTo(0.25, 10);
    expect(expectedCalibrationError([])).toBe(0);
  });

  it("always lies between 0 and 1", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            probability: fc.double({ min: 0, max: 1, noNaN: true }),
            correct: fc.boolean(),
          }),
        ),
        (predictions) => {
          const e = expectedCalibrationError(predictions);
          expect(e).toBeGreaterThanOrEqual(0);
          expect(e).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

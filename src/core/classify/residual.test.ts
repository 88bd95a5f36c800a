import { describe, expect, it } from "vitest";
import { fitResidual, lossAndGradient, type ResidualRow } from "./residual.js";
import { combinedScores } from "./stacking.js";

const K = 5;
const offset = (favoured: number, by: number) =>
  Float64Array.from({ length: K }, (_, k) => (k === favoured ? by : 0));
const row = (features: number[], label: number, o: Float64Array): ResidualRow => ({
  features: Int32Array.from(features),
  values: Float64Array.from(features, () => 1),
  offset: o,
  label,
});

// Naive Bayes is right about feature 1 (category 0) and feature 2 (category 3), and wrong
// about feature 0: its texts are category 1, but the offset says 0.
const ROWS: ResidualRow[] = [];
for (let i = 0; i < 20; i++) {
  ROWS.push(row([0], 1, offset(0, 2)));
  ROWS.push(row([1], 0, offset(0, 2)));
  ROWS.push(row([2], 3, offset(3, 2)));
}

const argmax = (s: Float64Array) => s.indexOf(Math.max(...s));

describe("fitResidual", () => {
  it("corrects a feature naive Bayes gets wrong and keeps what it gets right", () => {
    const residual = fitResidual(ROWS, 3, { l2: 1e-3 });
    expect(argmax(combinedScores(residual, row([0], 0, offset(0, 2))))).toBe(1);
    expect(argmax(combinedScores(residual, row([1], 0, offset(0, 2))))).toBe(0);
    expect(argmax(combinedScores(residual, row([2], 0, offset(3, 2))))).toBe(3);
    expect(residual.scale).toBeGreaterThan(0);
  });

  it("under a heavy penalty leaves the weights near zero: naive Bayes, rescaled", () => {
    const residual = fitResidual(ROWS, 3, { l2: 1e3 });
    for (const w of residual.weights) expect(Math.abs(w)).toBeLessThan(1e-3);
  });

  it("lowers the loss it starts from", () => {
    const size = 3 * K + K + 1;
    const start = new Float64Array(size);
    start[size - 1] = 0.2;
    const before = lossAndGradient(ROWS, start, new Float64Array(size), 3 * K, 1e-3);
    const r = fitResidual(ROWS, 3, { l2: 1e-3 });
    const after = lossAndGradient(
      ROWS,
      Float64Array.from([...r.weights, ...r.bias, r.scale]),
      new Float64Array(size),
      3 * K,
      1e-3,
    );
    expect(after).toBeLessThan(before - 0.1);
  });

  it("has the gradient its loss has (finite differences)", () => {
    const size = 3 * K + K + 1;
    const params = Float64Array.from({ length: size }, (_, i) => Math.sin(i + 1) * 0.3);
    const weighted = ROWS.map((r, i) => ({ ...r, weight: 1 + (i % 3) }));
    const gradient = new Float64Array(size);
    lossAndGradient(weighted, params, gradient, 3 * K, 0.01);
    const h = 1e-6;
    for (let i = 0; i < size; i++) {
      const up = params.slice();
      const down = params.slice();
      up[i] = (up[i] as number) + h;
      down[i] = (down[i] as number) - h;
      const numeric =
        (lossAndGradient(weighted, up, new Float64Array(size), 3 * K, 0.01) -
          lossAndGradient(weighted, down, new Float64Array(size), 3 * K, 0.01)) /
        (2 * h);
      expect(gradient[i], `parameter ${i}`).toBeCloseTo(numeric, 5);
    }
  });

  it("gives the same weights on every run", () => {
    const a = fitResidual(ROWS, 3);
    const b = fitResidual(ROWS, 3);
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    expect(a.scale).toBe(b.scale);
  });
});

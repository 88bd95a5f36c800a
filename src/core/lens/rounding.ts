/**
 * The one rounding rule of every report, so the same data never shows Process at -8 in one
 * place and -7 in another. Shares are whole percents that add up to 100 (largest remainder,
 * as election seat counts do: each share is rounded down, then the points left over go to the
 * largest fractions, ties to the earlier category); a drift shown is the rounded share minus
 * the target, so what a table shows always subtracts; any other figure rounds half away
 * from zero (-7.5 → -8, as `toFixed` does), never half up (Math.round gives -7).
 */

/** Half away from zero, to `digits` decimals. */
export function roundHalfAway(n: number, digits = 0): number {
  const f = 10 ** digits;
  // The small nudge absorbs binary noise (7.4999999 for a computed 7.5).
  const r = Math.round(Math.abs(n) * f + 1e-9) / f;
  return n < 0 && r !== 0 ? -r : r;
}

/** Whole percents of `values` that add up to 100 (all 0 when the total is 0). */
export function wholePercents(values: readonly number[]): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  if (total <= 0) return values.map(() => 0);
  const exact = values.map((v) => (100 * v) / total);
  const out = exact.map((x) => Math.floor(x + 1e-9));
  let left = 100 - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, fraction: x - Math.floor(x + 1e-9) }))
    .sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] = (out[i] as number) + 1;
    left--;
  }
  return out;
}

/** "+5", "-8", "0": a rounded drift as every text report prints it. */
export function signedPoints(points: number): string {
  return points > 0 ? `+${points}` : `${points}`;
}

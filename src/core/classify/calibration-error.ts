/**
 * How far stated probabilities are from observed accuracy, for any categoriser: the reliability
 * table and its one-number summary. Apart from calibration.ts (which fits the temperature by
 * cross-validation and so depends on the evaluation code) so that evaluation can use it.
 */

/** One prediction as calibration sees it: how sure the model said it was, and whether it was right. */
export interface Judged {
  probability: number;
  correct: boolean;
}

export interface CalibrationBin {
  /** The bin holds probabilities in (lower, upper]; the first bin also holds 0. */
  lower: number;
  upper: number;
  count: number;
  /** Mean stated probability of the predictions in the bin (0 when empty). */
  confidence: number;
  /** Share of them that were right (0 when empty). */
  accuracy: number;
}

/** Equal-width bins over the stated probability of the predicted category (a reliability table). */
export function calibrationBins(results: readonly Judged[], bins = 10): CalibrationBin[] {
  const table = Array.from({ length: bins }, (_, b) => ({
    lower: b / bins,
    upper: (b + 1) / bins,
    count: 0,
    confidence: 0,
    accuracy: 0,
  }));
  for (const r of results) {
    const p = Math.min(1, Math.max(0, r.probability));
    const bin = table[Math.max(0, Math.ceil(p * bins) - 1)] as CalibrationBin;
    bin.count++;
    bin.confidence += p;
    if (r.correct) bin.accuracy++;
  }
  for (const bin of table) {
    if (bin.count > 0) {
      bin.confidence /= bin.count;
      bin.accuracy /= bin.count;
    }
  }
  return table;
}

/**
 * Expected calibration error (Guo et al., "On Calibration of Modern Neural Networks", 2017):
 * the gap between stated probability and observed accuracy, averaged over equal-width bins
 * weighted by how many predictions fall in each. 0 is perfectly calibrated; a model that says
 * 0.99 and is right 80% of the time scores about 0.19.
 */
export function expectedCalibrationError(results: readonly Judged[], bins = 10): number {
  if (results.length === 0) return 0;
  let sum = 0;
  for (const bin of calibrationBins(results, bins)) {
    sum += bin.count * Math.abs(bin.accuracy - bin.confidence);
  }
  return sum / results.length;
}

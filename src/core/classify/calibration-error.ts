/**
 * Expected calibration error: how far a classifier's stated probability is from how often it
 * is right. Predictions are put in equal-width bins by their probability; each bin's gap
 * between mean probability and accuracy counts in proportion to its size. 0 is perfectly
 * honest; a model that says 0.95 and is right 70% of the time scores about 0.25.
 */
export interface ScoredPrediction {
  probability: number;
  correct: boolean;
}

export function expectedCalibrationError(
  predictions: readonly ScoredPrediction[],
  bins = 10,
): number {
  if (predictions.length === 0) return 0;
  const count = new Array<number>(bins).fill(0);
  const right = new Array<number>(bins).fill(0);
  const stated = new Array<number>(bins).fill(0);
  for (const p of predictions) {
    const b = Math.min(bins - 1, Math.floor(p.probability * bins));
    count[b] = (count[b] as number) + 1;
    stated[b] = (stated[b] as number) + p.probability;
    if (p.correct) right[b] = (right[b] as number) + 1;
  }
  let gap = 0;
  for (let b = 0; b < bins; b++) gap += Math.abs((right[b] as number) - (stated[b] as number));
  return gap / predictions.length;
}

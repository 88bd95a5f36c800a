import { CATEGORIES } from "../category.js";
import type { Example } from "./corpus.js";
import { stratifiedFolds } from "./evaluation.js";
import { type ModelOptions, toPrediction, trainModel } from "./naive-bayes.js";

/**
 * Fits the temperature that makes the model's probabilities honest: the T that minimises the
 * log-loss of held-out predictions under k-fold cross-validation. Naive Bayes's raw posteriors
 * are near 0 or 1 for almost every text; after calibration "0.6" means right about 60% of the
 * time, which is what the unsure threshold needs.
 */
export function fitTemperature(
  examples: readonly Example[],
  options: Omit<ModelOptions, "temperature">,
  k = 5,
): number {
  const folds = stratifiedFolds(examples, k);
  const held: { scores: Float64Array; actual: number }[] = [];
  folds.forEach((fold, i) => {
    const training = folds.filter((_, j) => j !== i).flat();
    const model = trainModel(training, options);
    for (const e of fold) {
      held.push({ scores: model.scores(e.text), actual: CATEGORIES.indexOf(e.category) });
    }
  });
  const loss = (t: number) => {
    let sum = 0;
    for (const h of held) {
      const p = toPrediction(h.scores, t).probabilities[h.actual] as number;
      sum -= Math.log(Math.max(p, 1e-12));
    }
    return sum / held.length;
  };
  // Golden-section search on log T: the loss is unimodal in T.
  let lo = Math.log(0.25);
  let hi = Math.log(100);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let step = 0; step < 40; step++) {
    const a = hi - phi * (hi - lo);
    const b = lo + phi * (hi - lo);
    if (loss(Math.exp(a)) < loss(Math.exp(b))) hi = b;
    else lo = a;
  }
  return Math.round(Math.exp((lo + hi) / 2) * 1000) / 1000;
}

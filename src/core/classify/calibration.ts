import { CATEGORIES } from "../category.js";
import type { Example } from "./corpus.js";
import { sourceFolds, stratifiedFolds } from "./evaluation.js";
import { type ModelOptions, temperatureFor, toPrediction, trainModel } from "./naive-bayes.js";
import { tokenize } from "./tokenize.js";

/**
 * Fits the temperature that makes the model's probabilities honest: T(n) = T × n^power for a
 * text of n tokens, the pair that minimises the log-loss of held-out predictions under k-fold
 * cross-validation. Naive Bayes's raw posteriors are near 0 or 1 for almost every text, and
 * the more words a text has the more its overlapping evidence is counted twice; after
 * calibration "0.6" means right about 60% of the time, for a three-word to-do as for a
 * sentence from a handbook, which is what the unsure threshold needs.
 *
 * The team's rows are dealt into stratified folds. Rows taken from public material (those
 * with a source) are dealt by source group, so each is predicted by a model that never read
 * its repository or site: the held-out loss is the mean of the two populations' losses, so
 * the few hundred public rows weigh as much as the team's two thousand. With a single
 * temperature, the team's folds want T ≈ 2.6 and the public text T ≈ 3.5; with T growing with
 * length both are calibrated (figures in docs/classification.md).
 */
export interface Calibration {
  temperature: number;
  temperaturePower: number;
}

export function fitTemperature(
  examples: readonly Example[],
  options: Omit<ModelOptions, "temperature" | "temperaturePower">,
  k = 5,
): Calibration {
  const team = examples.filter((e) => e.source === undefined);
  const sourced = examples.filter((e) => e.source !== undefined);
  const teamFolds = stratifiedFolds(team, k);
  const publicFolds = sourceFolds(sourced, k);
  const populations: Held[][] = [[], []];
  for (let i = 0; i < k; i++) {
    const training = [
      ...teamFolds.filter((_, j) => j !== i).flat(),
      ...publicFolds.filter((_, j) => j !== i).flat(),
    ];
    const model = trainModel(training, options);
    [teamFolds[i] ?? [], publicFolds[i] ?? []].forEach((fold, p) => {
      for (const e of fold) {
        (populations[p] as Held[]).push({
          scores: model.scores(e.text),
          tokens: tokenize(e.text).length,
          actual: CATEGORIES.indexOf(e.category),
        });
      }
    });
  }
  return fitCalibration(populations);
}

/**
 * The (T, power) that minimise held-out log-loss, the mean over the populations given (the
 * team's rows, the public ones) so that each weighs the same however many rows it has. T is
 * never below 1. For naive Bayes alone a temperature under 1 would make an over-confident
 * model more so; the model with the residual asks for one (its held-out predictions, by
 * residuals fitted on less data against weaker naive Bayes scores, are less sure than the
 * shipped model), and sharpening it by them made the real-world calibration error worse
 * (0.080 → 0.099).
 */
export function fitCalibration(populations: readonly (readonly Held[])[]): Calibration {
  const present = populations.filter((p) => p.length > 0);
  const loss = (t: number, power: number) => {
    let sum = 0;
    for (const held of present) sum += logLoss(held, t, power);
    return sum / present.length;
  };
  let best: Calibration & { loss: number } = { temperature: 1, temperaturePower: 0, loss: 1e9 };
  // The power on a grid (the loss is smooth and flat in it), the temperature by golden-section
  // search on log T for each: the loss is unimodal in T.
  for (let step = 0; step <= 20; step++) {
    const power = step / 20;
    const temperature = bestTemperature((t) => loss(t, power));
    const l = loss(temperature, power);
    if (l < best.loss) best = { temperature, temperaturePower: power, loss: l };
  }
  return {
    temperature: Math.round(best.temperature * 1000) / 1000,
    temperaturePower: best.temperaturePower,
  };
}

/** One held-out prediction: the raw scores, the text's token count, the true category. */
export interface Held {
  scores: Float64Array;
  tokens: number;
  actual: number;
}

function logLoss(held: readonly Held[], t: number, power: number): number {
  let sum = 0;
  for (const h of held) {
    const p = toPrediction(h.scores, temperatureFor(h.tokens, t, power)).probabilities[
      h.actual
    ] as number;
    sum -= Math.log(Math.max(p, 1e-12));
  }
  return sum / held.length;
}

function bestTemperature(loss: (t: number) => number): number {
  let lo = 0;
  let hi = Math.log(100);
  const phi = (Math.sqrt(5) - 1) / 2;
  for (let step = 0; step < 40; step++) {
    const a = hi - phi * (hi - lo);
    const b = lo + phi * (hi - lo);
    if (loss(Math.exp(a)) < loss(Math.exp(b))) hi = b;
    else lo = a;
  }
  return Math.exp((lo + hi) / 2);
}

import { CATEGORIES, type Category } from "../category.js";
import type { NaiveBayes } from "./naive-bayes.js";

/**
 * Why the model chose a category: the words (and word pairs) that weighed most for it against
 * the runner-up. The score is linear in the text's features (naive Bayes scaled, plus the
 * residual: residual.ts), so a word's weight is exact: the sum over its features (the word
 * itself and its character n-grams) of weight × (score of the feature for the chosen category
 * − for the runner-up), in nats before the temperature: +1 means the word alone makes the
 * chosen category e (≈2.7) times likelier. The words' weights and the baseline (the priors and
 * biases) add up to the whole difference of the two scores.
 */
export interface WordWeight {
  text: string;
  weight: number;
}

export interface Explanation {
  category: Category;
  probability: number;
  runnerUp: Category;
  runnerUpProbability: number;
  /** Words for the chosen category, heaviest first. */
  for: WordWeight[];
  /** Words for the runner-up, heaviest first. */
  against: WordWeight[];
  /** What the text's words do not decide: the chosen category's prior against the runner-up's. */
  baseline: number;
}

export function explain(model: NaiveBayes, text: string, limit = 5): Explanation {
  const prediction = model.predict(text);
  const order = CATEGORIES.map((_, k) => k).sort(
    (a, b) => (prediction.probabilities[b] as number) - (prediction.probabilities[a] as number),
  );
  const chosen = order[0] as number;
  const runnerUp = order[1] as number;
  const { bySource, baseline } = contributions(model, text, chosen, runnerUp);
  const all = [...bySource].map(([t, w]) => ({ text: t, weight: Math.round(w * 100) / 100 }));
  return {
    category: CATEGORIES[chosen] as Category,
    probability: prediction.probabilities[chosen] as number,
    runnerUp: CATEGORIES[runnerUp] as Category,
    runnerUpProbability: prediction.probabilities[runnerUp] as number,
    for: all
      .filter((w) => w.weight > 0)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, limit),
    against: all
      .filter((w) => w.weight < 0)
      .sort((a, b) => a.weight - b.weight)
      .slice(0, limit)
      .map((w) => ({ text: w.text, weight: -w.weight })),
    baseline: Math.round(baseline * 100) / 100,
  };
}

/**
 * The exact terms of the difference between categories a and b's scores for a text: every
 * word's (and word pair's) weight, unrounded, and the baseline. baseline + Σ weights equals
 * scores[a] − scores[b] up to floating-point rounding.
 */
export function contributions(
  model: NaiveBayes,
  text: string,
  a: number,
  b: number,
): { bySource: Map<string, number>; baseline: number } {
  const base = model.baseScores();
  const bySource = new Map<string, number>();
  model.visitKnown(text, (index, weight, source) => {
    const per = model.featureScores(index);
    const delta = weight * ((per[a] as number) - (per[b] as number));
    bySource.set(source, (bySource.get(source) ?? 0) + delta);
  });
  return { bySource, baseline: (base[a] as number) - (base[b] as number) };
}

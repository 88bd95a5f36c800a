import { CATEGORIES, type Category } from "../category.js";
import type { NaiveBayes } from "./naive-bayes.js";

/**
 * Why the model chose a category: the words (and word pairs) that weighed most for it against
 * the runner-up. A word's weight is the sum over its features (the word itself and its
 * character n-grams) of weight × (log P(feature | chosen) − log P(feature | runner-up)), in
 * nats: +1 means the word alone makes the chosen category e (≈2.7) times likelier.
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
}

export function explain(model: NaiveBayes, text: string, limit = 5): Explanation {
  const prediction = model.predict(text);
  const order = CATEGORIES.map((_, k) => k).sort(
    (a, b) => (prediction.probabilities[b] as number) - (prediction.probabilities[a] as number),
  );
  const chosen = order[0] as number;
  const runnerUp = order[1] as number;
  const bySource = new Map<string, number>();
  model.visitKnown(text, (index, weight, source) => {
    const per = model.featureScores(index);
    const delta = weight * ((per[chosen] as number) - (per[runnerUp] as number));
    bySource.set(source, (bySource.get(source) ?? 0) + delta);
  });
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
  };
}

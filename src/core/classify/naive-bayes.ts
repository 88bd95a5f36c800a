import { CATEGORIES, type Category } from "../category.js";
import { DEFAULT_WEIGHTS, type FeatureWeights, visitFeatures } from "./features.js";
import { tokenize } from "./tokenize.js";

/**
 * Multinomial naive Bayes over the features of features.ts. The model is its counts: how much
 * weight each feature has in each category, and how many texts each category has seen. That
 * makes learning incremental by construction: a correction adds its text's counts (with a
 * strong weight) and only the corrected category's column is recomputed; nothing is retrained.
 *
 * Probabilities are the posterior softened by a temperature fitted on held-out folds
 * (scripts/train.ts): naive Bayes treats overlapping features as independent evidence and so
 * is far too sure of itself; dividing the log-scores by T makes "0.7" mean about 70% right.
 */

const K = CATEGORIES.length;

export interface Counts {
  /** Texts (weighted) per category, in CATEGORIES order. */
  docs: number[];
  /** Total feature weight per category. */
  totals: number[];
  /** Feature → weight per category. */
  features: Map<string, number[]>;
}

export interface ModelOptions {
  /** Additive (Lidstone) smoothing. */
  alpha: number;
  /** Divides log-scores before the softmax; fitted by cross-validation. */
  temperature: number;
  weights: FeatureWeights;
}

export const DEFAULT_OPTIONS: ModelOptions = {
  alpha: 0.1,
  temperature: 1,
  weights: DEFAULT_WEIGHTS,
};

export interface Prediction {
  category: Category;
  probability: number;
  /** Every category's probability, in CATEGORIES order. */
  probabilities: number[];
}

export function emptyCounts(): Counts {
  return { docs: new Array(K).fill(0), totals: new Array(K).fill(0), features: new Map() };
}

export function categoryIndex(category: Category): number {
  return CATEGORIES.indexOf(category);
}

/** Adds one labelled text to the counts; `weight` > 1 for the user's own corrections. */
export function addExample(
  counts: Counts,
  text: string,
  category: Category,
  weight = 1,
  featureWeights: FeatureWeights = DEFAULT_WEIGHTS,
): void {
  const k = categoryIndex(category);
  counts.docs[k] = (counts.docs[k] as number) + weight;
  let added = 0;
  visitFeatures(tokenize(text), featureWeights, (feature, w) => {
    let row = counts.features.get(feature);
    if (!row) {
      row = new Array(K).fill(0);
      counts.features.set(feature, row);
    }
    row[k] = (row[k] as number) + w * weight;
    added += w * weight;
  });
  counts.totals[k] = (counts.totals[k] as number) + added;
}

export function trainCounts(
  examples: Iterable<{ text: string; category: Category }>,
  featureWeights: FeatureWeights = DEFAULT_WEIGHTS,
): Counts {
  const counts = emptyCounts();
  for (const e of examples) addExample(counts, e.text, e.category, 1, featureWeights);
  return counts;
}

/**
 * A trained classifier: the counts plus their log-probabilities laid out flat (feature index ×
 * category), so classifying is a map lookup and five additions per feature.
 */
export class NaiveBayes {
  readonly counts: Counts;
  readonly options: ModelOptions;
  private index = new Map<string, number>();
  private logLik = new Float64Array(0);
  private logPrior = new Float64Array(K);

  constructor(counts: Counts, options: Partial<ModelOptions> = {}) {
    this.counts = counts;
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.compile();
  }

  /** Learns one more text at once (a user's correction). */
  learn(text: string, category: Category, weight: number): void {
    const before = this.counts.features.size;
    addExample(this.counts, text, category, weight, this.options.weights);
    if (this.counts.features.size !== before) this.compile();
    else this.compileCategory(categoryIndex(category));
  }

  predict(text: string): Prediction {
    const scores = this.scores(text);
    return toPrediction(scores, this.options.temperature);
  }

  /** Log-score per category (unnormalised, before the temperature). */
  scores(text: string): Float64Array {
    const scores = Float64Array.from(this.logPrior);
    const index = this.index;
    const logLik = this.logLik;
    visitFeatures(tokenize(text), this.options.weights, (feature, w) => {
      const i = index.get(feature);
      // A feature no category has seen is equal evidence for all: leave it out.
      if (i === undefined) return;
      const base = i * K;
      for (let k = 0; k < K; k++) scores[k] = (scores[k] as number) + w * (logLik[base + k] as number);
    });
    return scores;
  }

  /** log P(feature | category) for each category; undefined for an unseen feature. */
  featureLogLikelihood(feature: string): number[] | undefined {
    const i = this.index.get(feature);
    if (i === undefined) return undefined;
    return Array.from(this.logLik.subarray(i * K, i * K + K));
  }

  private compile(): void {
    this.index = new Map();
    this.logLik = new Float64Array(this.counts.features.size * K);
    let i = 0;
    for (const feature of this.counts.features.keys()) this.index.set(feature, i++);
    for (let k = 0; k < K; k++) this.compileCategory(k);
  }

  private compileCategory(k: number): void {
    const { alpha } = this.options;
    const vocabulary = this.counts.features.size;
    const denominator = Math.log((this.counts.totals[k] as number) + alpha * vocabulary);
    for (const [feature, row] of this.counts.features) {
      const i = this.index.get(feature) as number;
      this.logLik[i * K + k] = Math.log((row[k] as number) + alpha) - denominator;
    }
    const docs = this.counts.docs;
    const all = docs.reduce((a, b) => a + b, 0);
    for (let c = 0; c < K; c++) {
      this.logPrior[c] = Math.log(((docs[c] as number) + 1) / (all + K));
    }
  }
}

export function toPrediction(scores: Float64Array, temperature: number): Prediction {
  let max = Number.NEGATIVE_INFINITY;
  for (const s of scores) if (s > max) max = s;
  const probabilities = new Array<number>(K);
  let sum = 0;
  for (let k = 0; k < K; k++) {
    const p = Math.exp(((scores[k] as number) - max) / temperature);
    probabilities[k] = p;
    sum += p;
  }
  let best = 0;
  for (let k = 0; k < K; k++) {
    probabilities[k] = (probabilities[k] as number) / sum;
    if ((probabilities[k] as number) > (probabilities[best] as number)) best = k;
  }
  return {
    category: CATEGORIES[best] as Category,
    probability: probabilities[best] as number,
    probabilities,
  };
}

import { CATEGORIES } from "../category.js";
import type { FeatureWeights } from "./features.js";
import { NaiveBayes } from "./naive-bayes.js";

const K = CATEGORIES.length;

/**
 * The shipped model as the code holds it: what `npm run train` writes (model-bytes.ts turns it
 * into the bytes of data/model.bin and back) and what the classifier is built from. The numbers
 * are in typed arrays, so the file's sections can be used as they are read, without parsing.
 */
export interface ModelFile {
  /** How many corpus rows the counts came from. */
  rows: number;
  categories: string[];
  alpha: number;
  /** Complement naive Bayes (naive-bayes.ts). */
  complement: boolean;
  temperature: number;
  /** T grows as the token count to this power (naive-bayes.ts). */
  temperaturePower: number;
  weights: FeatureWeights;
  docs: number[];
  totals: number[];
  words: string[];
  pairs: string[];
  /** Character n-gram hashes (features.ts). */
  chars: Int32Array;
  /**
   * K counts per feature, in CATEGORIES order: the words, then the pairs, then the chars.
   * Rounded to 4 decimals by serialiseModel (Float64Array); the file keeps them as Float32
   * (model-bytes.ts), within 4e-6 of those.
   */
  counts: Float32Array | Float64Array;
  /** The residual (residual.ts): how much of naive Bayes's log-score the score keeps. */
  scale: number;
  /** The residual's K biases. */
  bias: number[];
  /**
   * The residual's K weights for each of the first residual.length / K features, in the order
   * of `counts` (the words, the first of them), rounded to thousandths; the features after them
   * have none. Empty when naive Bayes alone won.
   */
  residual: Float32Array;
}

export interface SerialiseOptions {
  /**
   * Leave out each word pair seen in one training text only (the shipped model). Nine pairs in
   * ten are such, and they were half of the file and of its load time; a pair seen once is weak
   * evidence, and out-of-fold (which the residual and the temperature were fitted on) no text
   * ever met one, because the one text holding it was always the held-out one.
   */
  dropPairsSeenOnce?: boolean;
}

export function serialiseModel(
  model: NaiveBayes,
  rows: number,
  options: SerialiseOptions = {},
): ModelFile {
  const seenOnce = model.options.weights.pair + 1e-9;
  const file: ModelFile = {
    rows,
    categories: [...CATEGORIES],
    alpha: model.options.alpha,
    complement: model.options.complement === true,
    temperature: model.options.temperature,
    temperaturePower: model.options.temperaturePower,
    weights: model.options.weights,
    docs: Array.from(model.docs, round),
    totals: Array.from(model.totals, round),
    words: [],
    pairs: [],
    chars: new Int32Array(0),
    counts: new Float64Array(0),
    scale: roundWeight(model.residualScale),
    bias: Array.from(model.residualBias, roundWeight),
    residual: new Float32Array(0),
  };
  const chars: number[] = [];
  const counts: Record<"w" | "p" | "c", number[]> = { w: [], p: [], c: [] };
  const residual: Record<"w" | "p" | "c", number[]> = { w: [], p: [], c: [] };
  for (const f of model.features()) {
    if (
      options.dropPairsSeenOnce &&
      f.kind === "p" &&
      f.counts.reduce((sum, n) => sum + n, 0) <= seenOnce
    ) {
      continue;
    }
    if (f.kind === "w") file.words.push(f.key as string);
    else if (f.kind === "p") file.pairs.push(f.key as string);
    else chars.push(f.key as number);
    for (const n of f.counts) counts[f.kind].push(round(n));
    for (const w of f.residual) residual[f.kind].push(Math.round(w * 1000) || 0);
  }
  file.chars = Int32Array.from(chars);
  file.counts = Float64Array.from([...counts.w, ...counts.p, ...counts.c]);
  if (model.hasResidual) {
    const all = [...residual.w, ...residual.p, ...residual.c];
    // Features after the last one with a weight have none: the residual weighs only some kinds
    // (stacking.ts: the words, which come first), so the file stops where the weights do.
    let end = all.length;
    while (end > 0 && all[end - 1] === 0) end--;
    file.residual = Float32Array.from(all.slice(0, Math.ceil(end / K) * K), (w) => w / 1000);
  }
  return file;
}

/** The classifier's model from a file whose categories model-bytes.ts has checked. */
export function deserialiseModel(file: ModelFile): NaiveBayes {
  const model = new NaiveBayes({
    alpha: file.alpha,
    complement: file.complement,
    temperature: file.temperature,
    temperaturePower: file.temperaturePower,
    weights: file.weights,
  });
  model.docs.set(file.docs);
  model.totals.set(file.totals);
  model.load(file.words, file.pairs, file.chars, file.counts);
  if (file.residual.length > 0) model.setResidual(file.scale, file.residual, file.bias);
  return model;
}

/** Counts are rounded to 4 decimals: the file stays small and the same on every machine. */
function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/**
 * The residual's scale and biases to 3 decimals, as its weights (in thousandths): a feature's
 * weight in a text is at most 2 (features.ts), so rounding moves a feature's part of a score
 * by at most 0.001 nats, and a whole text's by a few thousandths.
 */
function roundWeight(w: number): number {
  return Math.round(w * 1000) / 1000 || 0;
}

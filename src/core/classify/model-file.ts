import { CATEGORIES } from "../category.js";
import { PpppptError } from "../errors.js";
import type { FeatureWeights } from "./features.js";
import { NaiveBayes } from "./naive-bayes.js";

/**
 * The shipped model (data/model.json), written by `npm run train` from data/corpus.tsv and
 * checked against it by a test, and read at run time by the store (shipped-model-file.ts). Plain
 * arrays, so the native JSON.parse builds them; the model then only fills three maps (see
 * NaiveBayes.load).
 */
export interface ModelFile {
  format: 3;
  /** How many corpus rows the counts came from. */
  rows: number;
  categories: string[];
  alpha: number;
  temperature: number;
  /** T grows as the token count to this power (naive-bayes.ts); absent in older files: 0. */
  temperaturePower?: number;
  weights: FeatureWeights;
  docs: number[];
  totals: number[];
  words: string[];
  pairs: string[];
  /** Character n-gram hashes (features.ts). */
  chars: number[];
  /** K counts per feature, in CATEGORIES order: the words, then the pairs, then the chars. */
  counts: number[];
}

export function serialiseModel(model: NaiveBayes, rows: number): ModelFile {
  const file: ModelFile = {
    format: 3,
    rows,
    categories: [...CATEGORIES],
    alpha: model.options.alpha,
    temperature: model.options.temperature,
    temperaturePower: model.options.temperaturePower,
    weights: model.options.weights,
    docs: Array.from(model.docs, round),
    totals: Array.from(model.totals, round),
    words: [],
    pairs: [],
    chars: [],
    counts: [],
  };
  const counts: Record<"w" | "p" | "c", number[]> = { w: [], p: [], c: [] };
  for (const f of model.features()) {
    if (f.kind === "w") file.words.push(f.key as string);
    else if (f.kind === "p") file.pairs.push(f.key as string);
    else file.chars.push(f.key as number);
    for (const n of f.counts) counts[f.kind].push(round(n));
  }
  file.counts = [...counts.w, ...counts.p, ...counts.c];
  return file;
}

export function deserialiseModel(file: ModelFile): NaiveBayes {
  if (file.format !== 3 || file.categories.join(",") !== CATEGORIES.join(",")) {
    throw new PpppptError("the classifier model was written for another version of ppppt", {
      hint: "Run `npm run train` to rebuild data/model.json.",
    });
  }
  const model = new NaiveBayes({
    alpha: file.alpha,
    temperature: file.temperature,
    temperaturePower: file.temperaturePower ?? 0,
    weights: file.weights,
  });
  model.docs.set(file.docs);
  model.totals.set(file.totals);
  model.load(file.words, file.pairs, file.chars, file.counts);
  return model;
}

/** Counts are rounded to 4 decimals: the file stays small and the same on every machine. */
function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

// How the classifier experiments measure a variant (word-vectors-experiment.ts,
// wordnet-experiment.ts): cross-validation on the training corpus (the team's rows in stratified
// folds, the public rows in folds by source, so a repository is held out whole), a temperature
// and power fitted on those held-out scores as calibration.ts does, then trained on every row
// and scored on data/eval/realworld.tsv, which nothing here tunes on. A paired bootstrap over
// the evaluation items says how sure a difference between two variants is. Reading this module
// reads the corpus and the evaluation set.
import { readFileSync } from "node:fs";
import { CATEGORIES, type Category } from "../src/core/category.js";
import { alignLabels, parseAnnotatorLabels } from "../src/core/classify/annotator-agreement.js";
import { expectedCalibrationError } from "../src/core/classify/calibration-error.js";
import type { Example } from "../src/core/classify/corpus.js";
import { parseEvalSet } from "../src/core/classify/eval-set.js";
import {
  type Scores,
  score,
  sourceFolds,
  stratifiedFolds,
} from "../src/core/classify/evaluation.js";
import {
  DEFAULT_OPTIONS,
  type NaiveBayes,
  temperatureFor,
  toPrediction,
  trainModel,
} from "../src/core/classify/naive-bayes.js";
import { tokenize } from "../src/core/classify/tokenize.js";
import { seededRandom } from "../src/core/seeded-random.js";
import { readTrainingCorpus } from "./training-corpus.js";

const K = CATEGORIES.length;
const FOLDS = 5;

// ---------------------------------------------------------------------------------------------
// The model's word counts, read back out of a trained NaiveBayes

export interface WordTable {
  /** log P(word | category) for every word feature. */
  logLik: Map<string, Float64Array>;
  /** Total count of each word over the categories. */
  total: Map<string, number>;
}

export function wordTable(model: NaiveBayes): WordTable {
  const { alpha } = model.options;
  const denominators = Array.from(model.totals, (t) => Math.log(t + alpha * model.featureCount));
  const logLik = new Map<string, Float64Array>();
  const total = new Map<string, number>();
  for (const f of model.features()) {
    if (f.kind !== "w") continue;
    const l = new Float64Array(K);
    let sum = 0;
    for (let k = 0; k < K; k++) {
      l[k] = Math.log((f.counts[k] as number) + alpha) - (denominators[k] as number);
      sum += f.counts[k] as number;
    }
    logLik.set(f.key as string, l);
    total.set(f.key as string, sum);
  }
  return { logLik, total };
}

// ---------------------------------------------------------------------------------------------
// A scorer: trained on rows, gives log-scores (before the temperature) for a text

export type Scorer = (text: string) => Float64Array;
export type Variant = { name: string; train: (rows: readonly Example[]) => Scorer };

export const nbOptions = { alpha: DEFAULT_OPTIONS.alpha, weights: DEFAULT_OPTIONS.weights };

export const baseline: Variant = {
  name: "plain naive Bayes, α = 0.1",
  train: (rows) => {
    const model = trainModel(rows, nbOptions);
    return (text) => model.scores(text);
  },
};

// ---------------------------------------------------------------------------------------------
// Measuring

export interface Held {
  scores: Float64Array;
  tokens: number;
  actual: number;
}

export interface Calib {
  t: number;
  power: number;
}

export function logLoss(held: readonly Held[], c: Calib): number {
  let sum = 0;
  for (const h of held) {
    const p = toPrediction(h.scores, temperatureFor(h.tokens, c.t, c.power)).probabilities[
      h.actual
    ] as number;
    sum -= Math.log(Math.max(p, 1e-12));
  }
  return sum / held.length;
}

/** (T, power) minimising the mean of the two populations' held-out log-losses (calibration.ts). */
export function fitCalibration(populations: readonly Held[][]): Calib {
  const loss = (c: Calib) =>
    populations.reduce((s, p) => s + logLoss(p, c), 0) / populations.length;
  let best = { t: 1, power: 0, loss: 1e9 };
  for (let step = 0; step <= 10; step++) {
    const power = step / 10;
    let lo = 0;
    let hi = Math.log(100);
    const phi = (Math.sqrt(5) - 1) / 2;
    for (let i = 0; i < 30; i++) {
      const a = hi - phi * (hi - lo);
      const b = lo + phi * (hi - lo);
      if (loss({ t: Math.exp(a), power }) < loss({ t: Math.exp(b), power })) hi = b;
      else lo = a;
    }
    const t = Math.exp((lo + hi) / 2);
    const l = loss({ t, power });
    if (l < best.loss) best = { t, power, loss: l };
  }
  return { t: best.t, power: best.power };
}

export interface Figures {
  f1: number;
  ambiguousF1?: number;
  /** Macro-F1 on the items the text alone settles (real-world only). */
  decidableF1?: number;
  accuracy: number;
  ece: number;
  perCategory: string;
}

export function figures(held: readonly Held[], c: Calib, ambiguous?: readonly boolean[]): Figures {
  const predictions = held.map((h) =>
    toPrediction(h.scores, temperatureFor(h.tokens, c.t, c.power)),
  );
  const results = held.map((h, i) => ({
    actual: CATEGORIES[h.actual] as Category,
    predicted: (predictions[i] as ReturnType<typeof toPrediction>).category,
  }));
  const s: Scores = score(results);
  const ece = expectedCalibrationError(
    predictions.map((p, i) => ({
      probability: p.probability,
      correct: p.category === results[i]?.actual,
    })),
  );
  let ambiguousF1: number | undefined;
  let decidableF1: number | undefined;
  if (ambiguous) {
    ambiguousF1 = score(results.filter((_, i) => ambiguous[i])).macroF1;
    decidableF1 = score(results.filter((_, i) => decidable[i])).macroF1;
  }
  return {
    f1: s.macroF1,
    accuracy: s.accuracy,
    ece,
    ...(ambiguousF1 === undefined ? {} : { ambiguousF1 }),
    ...(decidableF1 === undefined ? {} : { decidableF1 }),
    perCategory: CATEGORIES.map((cat) => s.perCategory[cat].f1.toFixed(3)).join(" / "),
  };
}

export const examples = readTrainingCorpus();
const team = examples.filter((e) => e.source === undefined);
const sourced = examples.filter((e) => e.source !== undefined);
const teamFolds = stratifiedFolds(team, FOLDS);
const publicFolds = sourceFolds(sourced, FOLDS);
const evalFile = "data/eval/realworld.tsv";
export const evalSet = parseEvalSet(
  readFileSync(new URL(`../${evalFile}`, import.meta.url), "utf8"),
  evalFile,
);
/** The items whose blind second label is the final one: the text alone settles them. */
const blind = alignLabels(
  evalSet.map((item) => item.text),
  parseAnnotatorLabels(
    readFileSync(new URL("../data/eval/second-annotator.tsv", import.meta.url), "utf8"),
  ),
);
const decidable = evalSet.map((item, i) => blind[i] === item.category);

/** The real-world predictions of the last variant measured, for the paired comparison. */
export const lastPredictions = new Map<string, Category[]>();

/**
 * How sure the difference in real-world macro-F1 between two variants is: a paired bootstrap
 * over the evaluation items (both variants' predictions resampled together), 2,000 draws.
 */
export function pairedBootstrap(
  a: readonly Category[],
  b: readonly Category[],
): { mean: number; low: number; high: number } {
  const random = seededRandom(11);
  const n = a.length;
  const diffs: number[] = [];
  for (let draw = 0; draw < 2000; draw++) {
    const ra: { actual: Category; predicted: Category }[] = [];
    const rb: { actual: Category; predicted: Category }[] = [];
    for (let i = 0; i < n; i++) {
      const j = Math.floor(random() * n);
      const actual = (evalSet[j] as { category: Category }).category;
      ra.push({ actual, predicted: a[j] as Category });
      rb.push({ actual, predicted: b[j] as Category });
    }
    diffs.push(score(rb).macroF1 - score(ra).macroF1);
  }
  diffs.sort((x, y) => x - y);
  return {
    mean: diffs.reduce((s, d) => s + d, 0) / diffs.length,
    low: diffs[Math.floor(0.025 * diffs.length)] as number,
    high: diffs[Math.floor(0.975 * diffs.length)] as number,
  };
}

export function measure(variant: Variant): {
  calib: Calib;
  team: Figures;
  public: Figures;
  eval: Figures;
} {
  const populations: Held[][] = [[], []];
  for (let i = 0; i < FOLDS; i++) {
    const training = [
      ...teamFolds.filter((_, j) => j !== i).flat(),
      ...publicFolds.filter((_, j) => j !== i).flat(),
    ];
    const scorer = variant.train(training);
    [teamFolds[i] ?? [], publicFolds[i] ?? []].forEach((fold, p) => {
      for (const e of fold) {
        (populations[p] as Held[]).push({
          scores: scorer(e.text),
          tokens: tokenize(e.text).length,
          actual: CATEGORIES.indexOf(e.category),
        });
      }
    });
  }
  const calib = fitCalibration(populations);
  const scorer = variant.train(examples);
  const held = evalSet.map((item) => ({
    scores: scorer(item.text),
    tokens: tokenize(item.text).length,
    actual: CATEGORIES.indexOf(item.category),
  }));
  lastPredictions.set(
    variant.name,
    held.map(
      (h) => toPrediction(h.scores, temperatureFor(h.tokens, calib.t, calib.power)).category,
    ),
  );
  return {
    calib,
    team: figures(populations[0] as Held[], calib),
    public: figures(populations[1] as Held[], calib),
    eval: figures(
      held,
      calib,
      evalSet.map((i) => i.ambiguous),
    ),
  };
}

export function report(variant: Variant): void {
  const started = performance.now();
  const m = measure(variant);
  const f = (x: number) => x.toFixed(3);
  console.log(
    `${variant.name}\n  CV team F1 ${f(m.team.f1)}  CV public-by-source F1 ${f(m.public.f1)} (ECE ${f(m.public.ece)})  |  real-world F1 ${f(m.eval.f1)} (decidable ${f(m.eval.decidableF1 ?? 0)}, ambiguous ${f(m.eval.ambiguousF1 ?? 0)}, accuracy ${f(m.eval.accuracy)}, ECE ${f(m.eval.ece)}; ${m.eval.perCategory})  T ${m.calib.t.toFixed(2)} × n^${m.calib.power}  [${((performance.now() - started) / 1000).toFixed(1)} s]`,
  );
}

import { CATEGORIES, type Category } from "../category.js";
import { seededRandom } from "../seeded-random.js";
import { expectedCalibrationError } from "./calibration-error.js";
import type { Example } from "./corpus.js";

/**
 * Honest figures for a categoriser: stratified k-fold cross-validation (every fold keeps the
 * corpus's category mix, so no fold is scored on a category it barely trained on), accuracy,
 * per-category precision/recall/F1, macro-F1 (the plain mean, so a starved category counts as
 * much as a big one) and the confusion matrix.
 */

export interface Scores {
  accuracy: number;
  macroF1: number;
  perCategory: Record<Category, { precision: number; recall: number; f1: number; support: number }>;
  /** confusion[actual][predicted], both in CATEGORIES order. */
  confusion: number[][];
}

/**
 * Splits examples into k folds, each category dealt round-robin after a seeded shuffle, so the
 * split is the same on every run and every machine.
 */
export function stratifiedFolds(examples: readonly Example[], k: number, seed = 1): Example[][] {
  const folds: Example[][] = Array.from({ length: k }, () => []);
  const random = seededRandom(seed);
  for (const category of CATEGORIES) {
    const ofCategory = examples.filter((e) => e.category === category);
    shuffle(ofCategory, random);
    ofCategory.forEach((e, i) => {
      folds[i % k]?.push(e);
    });
  }
  return folds;
}

/**
 * The group a text taken from public material belongs to: its repository (`owner/repo` of
 * `owner/repo:path` or of a github.com address), else the web site it came from. Texts of one
 * group share a house style, so holding out one file while training on its neighbours would
 * flatter the figure.
 */
export function sourceGroup(source: string): string {
  const github = /^https?:\/\/github\.com\/([^/]+\/[^/#?]+)/.exec(source);
  if (github) return github[1] as string;
  const site = /^https?:\/\/([^/]+)/.exec(source);
  if (site) return site[1] as string;
  return source.split(":")[0] as string;
}

/**
 * Splits the texts that name a source into k folds with every source group in one fold (groups
 * dealt round-robin after a seeded shuffle), so each fold is scored on repositories and sites
 * its model never saw.
 */
export function sourceFolds(examples: readonly Example[], k: number, seed = 1): Example[][] {
  const byGroup = new Map<string, Example[]>();
  for (const e of examples) {
    if (e.source === undefined) continue;
    const g = sourceGroup(e.source);
    const list = byGroup.get(g) ?? [];
    list.push(e);
    byGroup.set(g, list);
  }
  const groups = [...byGroup.keys()].sort();
  shuffle(groups, seededRandom(seed));
  const folds: Example[][] = Array.from({ length: k }, () => []);
  groups.forEach((g, i) => {
    folds[i % k]?.push(...(byGroup.get(g) as Example[]));
  });
  return folds;
}

/**
 * The k folds training fits are held out by: the team's rows stratified by category, the rows
 * taken from public material by source group, fold i holding both populations' fold i. Each
 * public text is then predicted by a model that never read its repository or site, as the
 * evaluation set's texts are.
 */
export function trainingFolds(examples: readonly Example[], k: number, seed = 1): Example[][] {
  const team = stratifiedFolds(
    examples.filter((e) => e.source === undefined),
    k,
    seed,
  );
  const sourced = sourceFolds(examples, k, seed);
  return team.map((fold, i) => [...fold, ...(sourced[i] ?? [])]);
}

/** Trains on k-1 folds, predicts the held-out one, for each fold; returns every prediction. */
export function crossValidate(
  examples: readonly Example[],
  k: number,
  train: (examples: Example[]) => (text: string) => Category | undefined,
  seed = 1,
): { actual: Category; predicted: Category | undefined }[] {
  const folds = stratifiedFolds(examples, k, seed);
  const results: { actual: Category; predicted: Category | undefined }[] = [];
  folds.forEach((held, i) => {
    const training = folds.filter((_, j) => j !== i).flat();
    const predict = train(training);
    for (const e of held) results.push({ actual: e.category, predicted: predict(e.text) });
  });
  return results;
}

/** A missing prediction (a categoriser that gave no answer) counts as wrong for every category. */
export function score(
  results: readonly { actual: Category; predicted: Category | undefined }[],
): Scores {
  const n = CATEGORIES.length;
  const confusion = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  let correct = 0;
  const predictedCount = new Array<number>(n).fill(0);
  const actualCount = new Array<number>(n).fill(0);
  for (const r of results) {
    const a = CATEGORIES.indexOf(r.actual);
    actualCount[a] = (actualCount[a] as number) + 1;
    if (r.predicted === undefined) continue;
    const p = CATEGORIES.indexOf(r.predicted);
    predictedCount[p] = (predictedCount[p] as number) + 1;
    (confusion[a] as number[])[p] = ((confusion[a] as number[])[p] as number) + 1;
    if (a === p) correct++;
  }
  const perCategory = {} as Scores["perCategory"];
  let f1Sum = 0;
  CATEGORIES.forEach((c, i) => {
    const tp = (confusion[i] as number[])[i] as number;
    const precision = (predictedCount[i] as number) === 0 ? 0 : tp / (predictedCount[i] as number);
    const recall = (actualCount[i] as number) === 0 ? 0 : tp / (actualCount[i] as number);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perCategory[c] = { precision, recall, f1, support: actualCount[i] as number };
    f1Sum += f1;
  });
  return {
    accuracy: results.length === 0 ? 0 : correct / results.length,
    macroF1: f1Sum / n,
    perCategory,
    confusion,
  };
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}

/** What any categoriser under evaluation answers for a text: its category and how sure it is. */
export interface Answer {
  category: Category;
  probability: number;
}

export interface HeldOutReport {
  count: number;
  scores: Scores;
  /** Expected calibration error over 10 bins (calibration.ts). */
  ece: number;
}

/**
 * Scores a trained categoriser on labelled items it never saw (the real-world set): all of
 * them, and the ones the rubric marks ambiguous on their own. It asks only for an answer per
 * text, so whatever model data/model.bin holds is measured the same way.
 */
export function evaluateHeldOut(
  items: readonly { text: string; category: Category; ambiguous: boolean }[],
  answer: (text: string) => Answer,
): { all: HeldOutReport; ambiguous: HeldOutReport } {
  const answered = items.map((item) => ({ item, answer: answer(item.text) }));
  const report = (rows: typeof answered): HeldOutReport => ({
    count: rows.length,
    scores: score(rows.map((r) => ({ actual: r.item.category, predicted: r.answer.category }))),
    ece: expectedCalibrationError(
      rows.map((r) => ({
        probability: r.answer.probability,
        correct: r.answer.category === r.item.category,
      })),
    ),
  });
  return { all: report(answered), ambiguous: report(answered.filter((r) => r.item.ambiguous)) };
}

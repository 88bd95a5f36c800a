// npm run eval: stratified 5-fold cross-validation of the classifier on the training corpus, beside
// two baselines (always the biggest category; the keyword rule). Exits 1 below the floor.
import { CATEGORIES, type Category } from "../src/core/category.js";
import { UNSURE_BELOW } from "../src/core/classify/classifier.js";
import {
  crossValidate,
  type Scores,
  score,
  stratifiedFolds,
} from "../src/core/classify/evaluation.js";
import { keywordCategory } from "../src/core/classify/keyword-rule.js";
import { DEFAULT_OPTIONS, trainModel } from "../src/core/classify/naive-bayes.js";
import { readShippedModel } from "../src/store/shipped-model-file.js";
import { readTrainingCorpus } from "./training-corpus.js";

const MACRO_F1_FLOOR = 0.85;
const FOLDS = 5;

const examples = readTrainingCorpus();
const { temperature, temperaturePower = 0 } = await readShippedModel();
const options = { ...DEFAULT_OPTIONS, temperature, temperaturePower };

let confident = 0;
let confidentRight = 0;
let unsure = 0;
let unsureRight = 0;
const bayes: { actual: Category; predicted: Category }[] = [];
const folds = stratifiedFolds(examples, FOLDS);
folds.forEach((held, i) => {
  const model = trainModel(folds.filter((_, j) => j !== i).flat(), options);
  for (const e of held) {
    const p = model.predict(e.text);
    bayes.push({ actual: e.category, predicted: p.category });
    // How well the probability separates right answers from wrong ones.
    if (p.probability >= UNSURE_BELOW) {
      confident++;
      if (p.category === e.category) confidentRight++;
    } else {
      unsure++;
      if (p.category === e.category) unsureRight++;
    }
  }
});
const keyword = crossValidate(examples, FOLDS, () => (text) => keywordCategory(text)?.category);
const majority = crossValidate(examples, FOLDS, (training) => {
  const counts = new Map<Category, number>();
  for (const e of training) counts.set(e.category, (counts.get(e.category) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] as Category;
  return () => top;
});

const results: [string, Scores][] = [
  ["naive Bayes (ppppt)", score(bayes)],
  ["keyword rule", score(keyword)],
  ["majority class", score(majority)],
];
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const counts = CATEGORIES.map((c) => `${examples.filter((e) => e.category === c).length} ${c}`);
console.log(
  `Stratified ${FOLDS}-fold cross-validation on the training corpus (data/corpus.tsv, data/corpus-realworld.tsv): ${examples.length} rows (${counts.join(", ")})\n`,
);
console.log(`${"".padEnd(22)}accuracy  macro-F1`);
for (const [name, s] of results) {
  console.log(
    `${name.padEnd(22)}${s.accuracy.toFixed(3).padStart(8)}  ${s.macroF1.toFixed(3).padStart(8)}`,
  );
}
const nb = results[0]?.[1] as Scores;
console.log("\nnaive Bayes per category:  precision  recall     F1  support");
for (const c of CATEGORIES) {
  const p = nb.perCategory[c];
  console.log(
    `  ${c.padEnd(24)}${p.precision.toFixed(3).padStart(9)}${p.recall.toFixed(3).padStart(8)}${p.f1.toFixed(3).padStart(7)}${String(p.support).padStart(9)}`,
  );
}
console.log("\nConfusion matrix (rows: actual, columns: predicted):");
console.log(`  ${"".padEnd(9)}${CATEGORIES.map((c) => c.padStart(8)).join("")}`);
CATEGORIES.forEach((c, i) => {
  console.log(
    `  ${c.padEnd(9)}${(nb.confusion[i] as number[]).map((n) => String(n).padStart(8)).join("")}`,
  );
});
console.log(
  `\nConfidence (threshold ${UNSURE_BELOW}, temperature ${options.temperature} × tokens^${options.temperaturePower}): ${pct(confident / examples.length)} of items are sure, ${pct(confidentRight / Math.max(1, confident))} of those right; ${pct(unsure / examples.length)} are marked as guesses, ${pct(unsureRight / Math.max(1, unsure))} of those right.`,
);
if (nb.macroF1 < MACRO_F1_FLOOR) {
  console.log(`\nFAIL: macro-F1 ${nb.macroF1.toFixed(3)} is below the floor of ${MACRO_F1_FLOOR}`);
  process.exitCode = 1;
} else {
  console.log(`\nOK: macro-F1 ${nb.macroF1.toFixed(3)} ≥ ${MACRO_F1_FLOOR}`);
}

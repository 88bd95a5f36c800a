// npm run eval: stratified 5-fold cross-validation of the classifier on the training corpus
// (every file of TRAINING_FILES), beside two baselines (always the biggest
// category; the keyword rule), then the shipped model (whatever data/model.json holds) on the
// real-world set data/eval/realworld.tsv, which nothing trains on. Calibration error for both.
// Exits 1 when cross-validation falls below the floor.
import { readFileSync } from "node:fs";
import { CATEGORIES, type Category } from "../src/core/category.js";
import { expectedCalibrationError } from "../src/core/classify/calibration-error.js";
import { Classifier, UNSURE_BELOW } from "../src/core/classify/classifier.js";
import { TRAINING_FILES } from "../src/core/classify/corpus.js";
import { parseEvalSet } from "../src/core/classify/eval-set.js";
import {
  crossValidate,
  evaluateHeldOut,
  type HeldOutReport,
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
const shipped = await readShippedModel();
const { temperature, temperaturePower = 0 } = shipped;
const options = { ...DEFAULT_OPTIONS, temperature, temperaturePower };

let confident = 0;
let confidentRight = 0;
let unsure = 0;
let unsureRight = 0;
const bayes: { actual: Category; predicted: Category }[] = [];
const judged: { probability: number; correct: boolean }[] = [];
const folds = stratifiedFolds(examples, FOLDS);
folds.forEach((held, i) => {
  const model = trainModel(folds.filter((_, j) => j !== i).flat(), options);
  for (const e of held) {
    const p = model.predict(e.text);
    bayes.push({ actual: e.category, predicted: p.category });
    judged.push({ probability: p.probability, correct: p.category === e.category });
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
  `Stratified ${FOLDS}-fold cross-validation on the training corpus (${TRAINING_FILES.join(", ")}): ${examples.length} rows (${counts.join(", ")})\n`,
);
console.log(`${"".padEnd(22)}accuracy  macro-F1`);
for (const [name, s] of results) {
  console.log(
    `${name.padEnd(22)}${s.accuracy.toFixed(3).padStart(8)}  ${s.macroF1.toFixed(3).padStart(8)}`,
  );
}
const nb = results[0]?.[1] as Scores;
printPerCategory("naive Bayes per category:", nb);
printConfusion(nb);
console.log(
  `\nConfidence (threshold ${UNSURE_BELOW}, temperature ${options.temperature} × tokens^${options.temperaturePower}): ${pct(confident / examples.length)} of items are sure, ${pct(confidentRight / Math.max(1, confident))} of those right; ${pct(unsure / examples.length)} are marked as guesses, ${pct(unsureRight / Math.max(1, unsure))} of those right.`,
);
console.log(
  `Calibration error (ECE, 10 bins) under cross-validation: ${expectedCalibrationError(judged).toFixed(3)}`,
);

// The real-world set: the shipped model as users get it, on text nobody here wrote.
const realWorldFile = "data/eval/realworld.tsv";
const realWorld = parseEvalSet(
  readFileSync(new URL(`../${realWorldFile}`, import.meta.url), "utf8"),
  realWorldFile,
);
const classifier = Classifier.fromModel(shipped);
const heldOut = evaluateHeldOut(realWorld, (text) => classifier.classify(text));
console.log(
  `\nShipped model (data/model.json) on the real-world set ${realWorldFile}: ${realWorld.length} items from ${new Set(realWorld.map((i) => i.source)).size} sources, never trained on (data/eval/SOURCES.md)\n`,
);
console.log(`${"".padEnd(22)}accuracy  macro-F1     ECE  items`);
for (const [name, r] of [
  ["all", heldOut.all],
  ["ambiguous only", heldOut.ambiguous],
] as [string, HeldOutReport][]) {
  console.log(
    `${name.padEnd(22)}${r.scores.accuracy.toFixed(3).padStart(8)}  ${r.scores.macroF1.toFixed(3).padStart(8)}${r.ece.toFixed(3).padStart(8)}${String(r.count).padStart(7)}`,
  );
}
printPerCategory("real-world per category (all):", heldOut.all.scores);
printPerCategory("real-world per category (ambiguous only):", heldOut.ambiguous.scores);
printConfusion(heldOut.all.scores);

if (nb.macroF1 < MACRO_F1_FLOOR) {
  console.log(`\nFAIL: macro-F1 ${nb.macroF1.toFixed(3)} is below the floor of ${MACRO_F1_FLOOR}`);
  process.exitCode = 1;
} else {
  console.log(`\nOK: macro-F1 ${nb.macroF1.toFixed(3)} ≥ ${MACRO_F1_FLOOR}`);
}

function printPerCategory(title: string, s: Scores): void {
  const header = "precision  recall     F1  support";
  // A title too long for the first column goes on its own line, so the columns stay aligned.
  console.log(
    title.length <= 25 ? `\n${title.padEnd(27)}${header}` : `\n${title}\n${"".padEnd(27)}${header}`,
  );
  for (const c of CATEGORIES) {
    const p = s.perCategory[c];
    console.log(
      `  ${c.padEnd(24)}${p.precision.toFixed(3).padStart(9)}${p.recall.toFixed(3).padStart(8)}${p.f1.toFixed(3).padStart(7)}${String(p.support).padStart(9)}`,
    );
  }
}

function printConfusion(s: Scores): void {
  console.log("\nConfusion matrix (rows: actual, columns: predicted):");
  console.log(`  ${"".padEnd(9)}${CATEGORIES.map((c) => c.padStart(8)).join("")}`);
  CATEGORIES.forEach((c, i) => {
    console.log(
      `  ${c.padEnd(9)}${(s.confusion[i] as number[]).map((n) => String(n).padStart(8)).join("")}`,
    );
  });
}

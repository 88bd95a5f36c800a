// npm run eval: cross-validation of the classifier on the training corpus (TRAINING_FILES: the
// team's rows in stratified folds, the public rows in folds by repository or site), naive Bayes
// alone and with the residual (stacking.ts, the same fit as `npm run train`, so it takes as
// long), beside two baselines (always the biggest category; the keyword rule); then the shipped
// model (whatever data/model.bin holds) on the real-world set data/eval/realworld.tsv, which
// nothing trains on. Calibration error for both. Then how far two annotators of the real-world
// set agree, the ceiling its labels put on any model. Exits 1 when cross-validation on the team's
// rows or the real-world figure falls below its floor.
import { readFileSync } from "node:fs";
import { CATEGORIES, type Category } from "../src/core/category.js";
import {
  type Agreement,
  agreement,
  alignLabels,
  parseAnnotatorLabels,
} from "../src/core/classify/annotator-agreement.js";
import { fitCalibration } from "../src/core/classify/calibration.js";
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
} from "../src/core/classify/evaluation.js";
import { keywordCategory } from "../src/core/classify/keyword-rule.js";
import { encodeModelBytes } from "../src/core/classify/model-bytes.js";
import { temperatureFor, toPrediction } from "../src/core/classify/naive-bayes.js";
import { type HeldOutPrediction, trainCombined } from "../src/core/classify/stacking.js";
import { shippedModelFile } from "../src/core/classify/train.js";
import { readShippedModel } from "../src/store/shipped-model-file.js";
import { readTrainingCorpus } from "./training-corpus.js";

const MACRO_F1_FLOOR = 0.85;
const REAL_WORLD_FLOOR = 0.7;
const REAL_WORLD_TARGET = 0.9;
const FOLDS = 5;

const examples = readTrainingCorpus();
const shipped = await readShippedModel();
const started = performance.now();
const fit = trainCombined(examples);
const fitSeconds = (performance.now() - started) / 1000;
const { temperature, temperaturePower } = fit.calibration;

const predicted = (h: HeldOutPrediction) => ({
  actual: h.example.category,
  predicted: toPrediction(h.scores, 1).category,
});
let confident = 0;
let confidentRight = 0;
let unsure = 0;
let unsureRight = 0;
const judged: { probability: number; correct: boolean }[] = [];
for (const h of fit.heldOut) {
  const p = toPrediction(h.scores, temperatureFor(h.tokens, temperature, temperaturePower));
  const right = p.category === h.example.category;
  judged.push({ probability: p.probability, correct: right });
  // How well the probability separates right answers from wrong ones.
  if (p.probability >= UNSURE_BELOW) {
    confident++;
    if (right) confidentRight++;
  } else {
    unsure++;
    if (right) unsureRight++;
  }
}
const keyword = crossValidate(examples, FOLDS, () => (text) => keywordCategory(text)?.category);
const majority = crossValidate(examples, FOLDS, (training) => {
  const counts = new Map<Category, number>();
  for (const e of training) counts.set(e.category, (counts.get(e.category) ?? 0) + 1);
  const top = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] as Category;
  return () => top;
});

const ofPopulation = (held: HeldOutPrediction[], sourced: boolean) =>
  score(held.filter((h) => (h.example.source !== undefined) === sourced).map(predicted));
const { choice } = fit;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const counts = CATEGORIES.map((c) => `${examples.filter((e) => e.category === c).length} ${c}`);
const sourcedRows = examples.filter((e) => e.source !== undefined).length;
console.log(
  `${FOLDS}-fold cross-validation on the training corpus (${TRAINING_FILES.join(", ")}): ${examples.length} rows (${counts.join(", ")}); the team's ${examples.length - sourcedRows} in stratified folds, the ${sourcedRows} from public material in folds by repository or site (fitted in ${fitSeconds.toFixed(1)} s)\n`,
);
const results: [string, Scores, Scores | undefined, Scores | undefined][] = [
  [
    "naive Bayes alone",
    score(choice.naiveBayesHeldOut.map(predicted)),
    ofPopulation(choice.naiveBayesHeldOut, false),
    ofPopulation(choice.naiveBayesHeldOut, true),
  ],
  [
    "NB + residual",
    score(choice.combinedHeldOut.map(predicted)),
    ofPopulation(choice.combinedHeldOut, false),
    ofPopulation(choice.combinedHeldOut, true),
  ],
  ["keyword rule", score(keyword), undefined, undefined],
  ["majority class", score(majority), undefined, undefined],
];
console.log(`${"".padEnd(22)}accuracy  macro-F1  team F1  public F1`);
for (const [name, s, team, sourced] of results) {
  console.log(
    `${name.padEnd(22)}${s.accuracy.toFixed(3).padStart(8)}  ${s.macroF1.toFixed(3).padStart(8)}${(team?.macroF1.toFixed(3) ?? "").padStart(9)}${(sourced?.macroF1.toFixed(3) ?? "").padStart(11)}`,
  );
}
console.log(
  `\nShipped: ${fit.model.options.complement ? "complement " : ""}${choice.useResidual ? `naive Bayes × ${fit.model.residualScale.toFixed(3)} + the residual` : "naive Bayes alone"} (the mean of team and public macro-F1 held out: ${choice.naiveBayes.toFixed(3)} alone, ${choice.combined.toFixed(3)} with the residual)`,
);
const nb = score(fit.heldOut.map(predicted));
printPerCategory("shipped model per category:", nb);
printConfusion(nb);
console.log(
  `\nConfidence (threshold ${UNSURE_BELOW}, temperature ${temperature} × tokens^${temperaturePower}): ${pct(confident / examples.length)} of items are sure, ${pct(confidentRight / Math.max(1, confident))} of those right; ${pct(unsure / examples.length)} are marked as guesses, ${pct(unsureRight / Math.max(1, unsure))} of those right.`,
);
// Naive Bayes alone, calibrated on its own held-out predictions, for comparison.
const alone = fitCalibration(
  [false, true].map((sourced) =>
    choice.naiveBayesHeldOut
      .filter((h) => (h.example.source !== undefined) === sourced)
      .map((h) => ({
        scores: h.scores,
        tokens: h.tokens,
        actual: CATEGORIES.indexOf(h.example.category),
      })),
  ),
);
const aloneJudged = choice.naiveBayesHeldOut.map((h) => {
  const p = toPrediction(
    h.scores,
    temperatureFor(h.tokens, alone.temperature, alone.temperaturePower),
  );
  return { probability: p.probability, correct: p.category === h.example.category };
});
console.log(
  `Calibration error (ECE, 10 bins) under cross-validation: ${expectedCalibrationError(judged).toFixed(3)} (naive Bayes alone, at its own temperature ${alone.temperature} × tokens^${alone.temperaturePower}: ${expectedCalibrationError(aloneJudged).toFixed(3)})`,
);
const shippedBytes = readFileSync(new URL("../data/model.bin", import.meta.url));
if (!shippedBytes.equals(encodeModelBytes(shippedModelFile(fit, examples.length)))) {
  console.log(
    "\nNOTE: data/model.bin is not what `npm run train` makes of this corpus; the real-world figures below are for the file as it is.",
  );
}

// The real-world set: the shipped model as users get it, on text nobody here wrote.
const realWorldFile = "data/eval/realworld.tsv";
const realWorld = parseEvalSet(
  readFileSync(new URL(`../${realWorldFile}`, import.meta.url), "utf8"),
  realWorldFile,
);
const classifier = Classifier.fromModel(shipped);
const heldOut = evaluateHeldOut(realWorld, (text) => classifier.classify(text));
// The second annotator labelled the texts alone, blind; where that label is the final one, the
// text by itself settles the rubric, and a model reading only the text can be held to it.
const annotatorLabels = (file: string): Category[] =>
  alignLabels(
    realWorld.map((i) => i.text),
    parseAnnotatorLabels(readFileSync(new URL(`../${file}`, import.meta.url), "utf8"), file),
  );
const firstAnnotator = annotatorLabels("data/eval/first-annotator.tsv");
const blind = annotatorLabels("data/eval/second-annotator.tsv");
const decidable = evaluateHeldOut(
  realWorld.filter((item, i) => blind[i] === item.category),
  (text) => classifier.classify(text),
).all;
console.log(
  `\nShipped model (data/model.bin) on the real-world set ${realWorldFile}: ${realWorld.length} items from ${new Set(realWorld.map((i) => i.source)).size} sources, never trained on (data/eval/SOURCES.md)\n`,
);
console.log(`${"".padEnd(22)}accuracy  macro-F1     ECE  items`);
for (const [name, r] of [
  ["all", heldOut.all],
  ["ambiguous only", heldOut.ambiguous],
  ["decidable from text", decidable],
] as [string, HeldOutReport][]) {
  console.log(
    `${name.padEnd(22)}${r.scores.accuracy.toFixed(3).padStart(8)}  ${r.scores.macroF1.toFixed(3).padStart(8)}${r.ece.toFixed(3).padStart(8)}${String(r.count).padStart(7)}`,
  );
}
printPerCategory("real-world per category (all):", heldOut.all.scores);
printPerCategory("real-world per category (ambiguous only):", heldOut.ambiguous.scores);
printConfusion(heldOut.all.scores);

const finalLabels = realWorld.map((i) => i.category);
console.log(
  "\nInter-annotator agreement on the real-world set: a second annotator's blind labels (data/eval/second-annotator.tsv, from the texts alone) against the first annotator's (data/eval/first-annotator.tsv) and against the adjudicated final labels (data/eval/ADJUDICATION.md)\n",
);
console.log(
  `${"".padEnd(22)}accuracy  macro-F1   kappa  ${CATEGORIES.map((c) => c.padStart(7)).join(" ")}`,
);
for (const [name, a] of [
  ["blind vs first", agreement(firstAnnotator, blind)],
  ["blind vs final", agreement(finalLabels, blind)],
] as [string, Agreement][]) {
  console.log(
    `${name.padEnd(22)}${a.accuracy.toFixed(3).padStart(8)}  ${a.macroF1.toFixed(3).padStart(8)}${a.kappa.toFixed(3).padStart(8)}  ${CATEGORIES.map((c) => a.perCategoryF1[c].toFixed(3).padStart(7)).join(" ")}`,
  );
}
console.log(
  `Decidable from the text (blind label = final label): ${decidable.count} of ${realWorld.length} items; the model's macro-F1 on them ${decidable.scores.macroF1.toFixed(3)}, on all ${heldOut.all.scores.macroF1.toFixed(3)}.`,
);

// Two floors, both regressions guards: the team's own rows held out (their consistency, which
// the 0.85 was set for before public rows came in; over all rows cross-validation now mixes in
// harder, noisier public text and reads lower), and the real-world set, held a little under what
// the shipped model scores (0.725), below issue #20's 0.90, which is printed and not yet met.
const teamHeldOut = ofPopulation(fit.heldOut, false);
const floors: [string, number, number][] = [
  ["cross-validation macro-F1 on the team's rows", teamHeldOut.macroF1, MACRO_F1_FLOOR],
  ["real-world macro-F1", heldOut.all.scores.macroF1, REAL_WORLD_FLOOR],
];
console.log("");
for (const [name, value, floor] of floors) {
  const ok = value >= floor;
  console.log(
    `${ok ? "OK" : "FAIL"}: ${name} ${value.toFixed(3)} ${ok ? "≥" : "is below the floor of"} ${floor}`,
  );
  if (!ok) process.exitCode = 1;
}
const target = heldOut.all.scores.macroF1 >= REAL_WORLD_TARGET ? "met" : "not met";
console.log(`Issue #20's target, real-world macro-F1 ≥ ${REAL_WORLD_TARGET}: ${target}`);

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

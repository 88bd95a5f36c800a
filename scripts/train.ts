// npm run train: rebuilds data/model.json from the training corpus (every file of
// TRAINING_FILES in src/core/classify/corpus.ts; a test checks they agree).
import { writeFileSync } from "node:fs";
import { trainCombined } from "../src/core/classify/stacking.js";
import { modelFileText, shippedModelFile } from "../src/core/classify/train.js";
import { readTrainingCorpus } from "./training-corpus.js";

const modelPath = new URL("../data/model.json", import.meta.url);
const started = performance.now();
const examples = readTrainingCorpus();
const fit = trainCombined(examples);
const file = shippedModelFile(fit, examples.length);
const text = modelFileText(file);
writeFileSync(modelPath, text);
const features = file.words.length + file.pairs.length + file.chars.length;
console.log(
  `data/model.json: ${examples.length} rows, ${features} features, ${fit.choice.useResidual ? `naive Bayes × ${file.scale} + residual` : "naive Bayes alone"} (held-out macro-F1 ${fit.choice.naiveBayes.toFixed(3)} alone, ${fit.choice.combined.toFixed(3)} with the residual), temperature ${file.temperature} × tokens^${file.temperaturePower}, ${(text.length / 1024).toFixed(0)} KiB, in ${(performance.now() - started).toFixed(0)} ms`,
);

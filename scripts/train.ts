// npm run train: rebuilds data/model.bin from the training corpus (every file of
// TRAINING_FILES in src/core/classify/corpus.ts; a test checks they agree).
import { writeFileSync } from "node:fs";
import { encodeModelBytes } from "../src/core/classify/model-bytes.js";
import { trainCombined } from "../src/core/classify/stacking.js";
import { shippedModelFile } from "../src/core/classify/train.js";
import { readTrainingCorpus } from "./training-corpus.js";

const modelPath = new URL("../data/model.bin", import.meta.url);
const started = performance.now();
const examples = readTrainingCorpus();
const fit = trainCombined(examples);
const file = shippedModelFile(fit, examples.length);
const bytes = encodeModelBytes(file);
writeFileSync(modelPath, bytes);
const features = file.words.length + file.pairs.length + file.chars.length;
console.log(
  `data/model.bin: ${examples.length} rows, ${features} features, ${fit.choice.useResidual ? `naive Bayes × ${file.scale} + residual` : "naive Bayes alone"} (held-out macro-F1 ${fit.choice.naiveBayes.toFixed(3)} alone, ${fit.choice.combined.toFixed(3)} with the residual), temperature ${file.temperature} × tokens^${file.temperaturePower}, ${(bytes.length / 1024).toFixed(0)} KiB, in ${(performance.now() - started).toFixed(0)} ms`,
);

// npm run train: rebuilds data/model.json from the training corpus (every file of
// TRAINING_FILES in src/core/classify/corpus.ts; a test checks they agree).
import { writeFileSync } from "node:fs";
import { modelFileText, trainModelFile } from "../src/core/classify/train.js";
import { readTrainingCorpus } from "./training-corpus.js";

const modelPath = new URL("../data/model.json", import.meta.url);
const started = performance.now();
const examples = readTrainingCorpus();
const file = trainModelFile(examples);
const text = modelFileText(file);
writeFileSync(modelPath, text);
const features = file.words.length + file.pairs.length + file.chars.length;
console.log(
  `data/model.json: ${examples.length} rows, ${features} features, temperature ${file.temperature} × tokens^${file.temperaturePower}, ${(text.length / 1024).toFixed(0)} KiB, in ${(performance.now() - started).toFixed(0)} ms`,
);

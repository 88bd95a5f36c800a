// npm run train: rebuilds data/model.json from data/corpus.tsv (a test checks they agree).
import { readFileSync, writeFileSync } from "node:fs";
import { parseCorpus } from "../src/core/classify/corpus.js";
import { modelFileText, trainModelFile } from "../src/core/classify/train.js";

const corpusPath = new URL("../data/corpus.tsv", import.meta.url);
const modelPath = new URL("../data/model.json", import.meta.url);
const started = performance.now();
const examples = parseCorpus(readFileSync(corpusPath, "utf8"), "data/corpus.tsv");
const file = trainModelFile(examples);
const text = modelFileText(file);
writeFileSync(modelPath, text);
const features = file.words.length + file.pairs.length + file.chars.length;
console.log(
  `data/model.json: ${examples.length} rows, ${features} features, temperature ${file.temperature}, ${(text.length / 1024).toFixed(0)} KiB, in ${(performance.now() - started).toFixed(0)} ms`,
);

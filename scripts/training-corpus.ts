// The rows the shipped model is trained on: every file of TRAINING_FILES, read from the
// checkout (these files are not shipped; only data/model.bin is).
import { readFileSync } from "node:fs";
import { type Example, parseCorpus, TRAINING_FILES } from "../src/core/classify/corpus.js";

export function readTrainingCorpus(): Example[] {
  return TRAINING_FILES.flatMap((file) =>
    parseCorpus(readFileSync(new URL(`../${file}`, import.meta.url), "utf8"), file),
  );
}

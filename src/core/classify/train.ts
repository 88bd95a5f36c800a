import type { Example } from "./corpus.js";
import { type ModelFile, serialiseModel } from "./model-file.js";
import { type CombinedFit, trainCombined } from "./stacking.js";

/**
 * The whole recipe from corpus to shipped model (stacking.ts): naive Bayes counts, the residual
 * regression fitted against its out-of-fold scores, the temperature fitted on the combined
 * model's held-out predictions. Deterministic, so a test can check data/model.bin against the
 * corpus.
 */
export function trainModelFile(examples: readonly Example[]): ModelFile {
  return shippedModelFile(trainCombined(examples), examples.length);
}

/** The file `npm run train` writes from a fit: without the word pairs seen in one text only. */
export function shippedModelFile(fit: CombinedFit, rows: number): ModelFile {
  return serialiseModel(fit.model, rows, { dropPairsSeenOnce: true });
}

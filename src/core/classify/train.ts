import type { Example } from "./corpus.js";
import { type ModelFile, serialiseModel } from "./model-file.js";
import { type CombinedFit, trainCombined } from "./stacking.js";

/**
 * The whole recipe from corpus to shipped model (stacking.ts): naive Bayes counts, the residual
 * regression fitted against its out-of-fold scores, the temperature fitted on the combined
 * model's held-out predictions. Deterministic, so a test can check data/model.json against the
 * corpus.
 */
export function trainModelFile(examples: readonly Example[]): ModelFile {
  return shippedModelFile(trainCombined(examples), examples.length);
}

/** The file `npm run train` writes from a fit: without the word pairs seen in one text only. */
export function shippedModelFile(fit: CombinedFit, rows: number): ModelFile {
  return serialiseModel(fit.model, rows, { dropPairsSeenOnce: true });
}

/** The file's text: one field a line (each array on its line), ending in a newline. */
export function modelFileText(file: ModelFile): string {
  const fields = Object.entries(file).map(
    ([k, v]) => ` ${JSON.stringify(k)}: ${JSON.stringify(v)}`,
  );
  return `{\n${fields.join(",\n")}\n}\n`;
}

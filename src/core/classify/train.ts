import { fitTemperature } from "./calibration.js";
import type { Example } from "./corpus.js";
import { type ModelFile, serialiseModel } from "./model-file.js";
import { DEFAULT_OPTIONS, trainModel } from "./naive-bayes.js";

/**
 * The whole recipe from corpus to shipped model: fit the temperature on held-out folds, then
 * count every row. Deterministic, so a test can check data/model.json against the corpus.
 */
export function trainModelFile(examples: readonly Example[]): ModelFile {
  const { alpha, weights } = DEFAULT_OPTIONS;
  const calibration = fitTemperature(examples, { alpha, weights });
  const model = trainModel(examples, { alpha, weights, ...calibration });
  return serialiseModel(model, examples.length);
}

/** The file's text: one field a line (each array on its line), ending in a newline. */
export function modelFileText(file: ModelFile): string {
  const fields = Object.entries(file).map(
    ([k, v]) => ` ${JSON.stringify(k)}: ${JSON.stringify(v)}`,
  );
  return `{\n${fields.join(",\n")}\n}\n`;
}

import type { ModelFile } from "../core/classify/model-file.js";
import { PpppptError } from "../core/errors.js";
import { readFile } from "./fs-async.js";
import { shippedPath } from "./package-root.js";

/**
 * The model trained from data/corpus.tsv (npm run train), read at run time. Read and handed to
 * the native JSON.parse rather than imported as a module: compiling a 540 KB object literal
 * as JavaScript costs several times more than parsing the same text as JSON.
 */
export function shippedModelPath(): string {
  return shippedPath("data/model.json", "the classifier model");
}

export async function readShippedModel(): Promise<ModelFile> {
  const path = shippedModelPath();
  try {
    return JSON.parse(await readFile(path, "utf8")) as ModelFile;
  } catch (error) {
    throw new PpppptError(`cannot read the classifier model ${path}: ${(error as Error).message}`, {
      hint: "Reinstall ppppt, or run `npm run train` in a checkout to rebuild data/model.json.",
    });
  }
}

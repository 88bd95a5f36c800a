import { readFileSync } from "node:fs";
import { decodeModelBytes } from "../core/classify/model-bytes.js";
import type { ModelFile } from "../core/classify/model-file.js";
import { PpppptError } from "../core/errors.js";
import { shippedPath } from "./package-root.js";

/**
 * The model trained from the corpus (npm run train), read at run time: data/model.bin, whose
 * numbers the classifier uses where they lie in the file's bytes (core/classify/model-bytes.ts).
 */
export function shippedModelPath(): string {
  return shippedPath("data/model.bin", "the classifier model");
}

export async function readShippedModel(): Promise<ModelFile> {
  return readModelFile(shippedModelPath());
}

/**
 * Read synchronously, as the guess cache is (guess-cache-file.ts): an asynchronous read is a
 * few round trips through libuv's thread pool, and in fresh processes readFileSync took
 * 1.0–1.6 ms against 1.4–3.6 ms for fs.promises.readFile.
 */
export async function readModelFile(path: string): Promise<ModelFile> {
  try {
    return decodeModelBytes(readFileSync(path));
  } catch (error) {
    throw new PpppptError(`cannot read the classifier model ${path}: ${(error as Error).message}`, {
      hint: "Reinstall ppppt, or run `npm run train` in a checkout to rebuild data/model.bin.",
    });
  }
}

import shipped from "../../../data/model.json" with { type: "json" };
import type { ModelFile } from "./model-file.js";

/**
 * The model trained from data/corpus.tsv (npm run train). Imported, not read from disk, so it
 * travels inside the bundle's lazily loaded classifier chunk and nothing has to find a path.
 */
export const SHIPPED_MODEL = shipped as unknown as ModelFile;

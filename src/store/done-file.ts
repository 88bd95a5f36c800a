import { stat } from "node:fs/promises";
import type { ItemLine } from "../core/docket/item.js";
import { readOnlyItemLines } from "../core/docket/parse.js";
import { fileError, readDocketFile } from "./docket-file.js";
import { doneFilePath } from "./paths.js";

/**
 * The done file beside the docket (done.txt beside todo.txt): where `ppppt archive` and
 * todotxt-cli's auto-archive move done items. The reports read it as history; a docket with
 * no done file has no archived history, which is not an error.
 */
export interface DoneFile {
  path: string;
  lines: ItemLine[];
}

export async function readDoneFile(docketPath: string): Promise<DoneFile> {
  const path = doneFilePath(docketPath);
  try {
    await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { path, lines: [] };
    throw fileError(error, path, "read");
  }
  // Read as the docket is, so the same checks hold (a folder, a device, permissions).
  const { docket } = await readDocketFile(path);
  return { path, lines: readOnlyItemLines(docket) };
}

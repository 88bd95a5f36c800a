import {
  type Correction,
  formatCorrection,
  parseCorrections,
} from "../core/classify/corrections.js";
import { PpppptError } from "../core/errors.js";
import { open, readFile } from "./fs-async.js";
import { besideDocket } from "./paths.js";

/**
 * The user's category corrections, one line each, beside the docket: `todo.txt` keeps them in
 * `todo.corrections.txt`. Plain text so the user can read (and prune) what ppppt has learned.
 * Only ever appended to: one write(2) of one whole line on a file opened O_APPEND, which the
 * kernel applies atomically, so two ppppt processes recording at once never interleave.
 */
export function correctionsPath(docketPath: string): string {
  const base = docketPath.replace(/^.*[/\\]/, "").replace(/\.txt$/i, "");
  return besideDocket(docketPath, `${base}.corrections.txt`);
}

export async function readCorrections(docketPath: string): Promise<Correction[]> {
  const path = correctionsPath(docketPath);
  try {
    return parseCorrections(await readFile(path, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw correctionsError(error, path, "read");
  }
}

export async function appendCorrection(docketPath: string, correction: Correction): Promise<void> {
  const path = correctionsPath(docketPath);
  try {
    const file = await open(path, "a+");
    try {
      // A file edited by hand may lack its last newline: start on a line of our own.
      const { size } = await file.stat();
      let lead = "";
      if (size > 0) {
        const last = Buffer.alloc(1);
        await file.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) lead = "\n";
      }
      await file.write(`${lead}${formatCorrection(correction)}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
  } catch (error) {
    throw correctionsError(error, path, "write");
  }
}

// Not docket-file's fileError: importing the docket store here would split it out of the
// start-up bundle into extra chunks that every command then loads (measured: ~5 ms).
function correctionsError(error: unknown, path: string, doing: "read" | "write"): PpppptError {
  const code = (error as NodeJS.ErrnoException).code ?? "error";
  return new PpppptError(`cannot ${doing} ${path} (${code})`, {
    hint: "ppppt keeps your category corrections there; check the folder's permissions.",
  });
}

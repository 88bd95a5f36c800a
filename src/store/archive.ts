import { readFile } from "node:fs/promises";
import { appendLines } from "../core/docket/docket.js";
import type { ItemLine, Line } from "../core/docket/item.js";
import { parseDocket } from "../core/docket/parse.js";
import { printDocket } from "../core/docket/print.js";
import { fileError, updateDocketFile, writeFileAtomic } from "./docket-file.js";
import { doneFilePath } from "./paths.js";

/**
 * Moves done items to the done file, as todo.txt's `archive` does. The done file is written
 * first: a crash in between leaves an item in both files, never in neither.
 */
export async function archiveDone(
  docketPath: string,
): Promise<{ moved: ItemLine[]; donePath: string }> {
  const donePath = doneFilePath(docketPath);
  const moved = await updateDocketFile(
    docketPath,
    (docket) => {
      const moved: ItemLine[] = [];
      const kept: Line[] = [];
      for (const line of docket.lines) {
        if (line.kind === "item" && line.item.done) moved.push(line);
        else kept.push(line);
      }
      if (moved.length === 0) return { docket, result: moved };
      return { docket: { ...docket, lines: kept }, result: moved };
    },
    {
      beforeWrite: async (moved) => {
        let existing: Uint8Array = new Uint8Array();
        try {
          existing = await readFile(donePath);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "ENOENT")
            throw fileError(error, donePath, "read");
        }
        const done = appendLines(parseDocket(existing), moved);
        const bytes = printDocket(done);
        await writeFileAtomic(
          donePath,
          Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        );
      },
    },
  );
  return { moved, donePath };
}

import { readFile } from "node:fs/promises";
import { appendLines } from "../core/docket/docket.js";
import type { ItemLine, Line } from "../core/docket/item.js";
import { parseDocket } from "../core/docket/parse.js";
import { printDocket } from "../core/docket/print.js";
import { fileError, replaceFile, updateDocketFile } from "./docket-file.js";
import { doneFilePath } from "./paths.js";

/**
 * Moves done items to the done file, as todo.txt's `archive` does. The done file is written
 * first: a crash in between leaves an item in both files, never in neither.
 */
export async function archiveDone(
  docketPath: string,
): Promise<{ moved: ItemLine[]; donePath: string }> {
  const donePath = doneFilePath(docketPath);
  // beforeWrite runs again when the docket changed under us; the lines an earlier run already
  // moved are in the done file and must not be added twice.
  const written = new Map<string, number>();
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
        const already = new Map(written);
        const fresh = moved.filter((line) => {
          const count = already.get(line.text) ?? 0;
          if (count > 0) already.set(line.text, count - 1);
          return count === 0;
        });
        if (fresh.length === 0) return;
        const done = appendLines(parseDocket(existing), fresh);
        const bytes = printDocket(done);
        await replaceFile(donePath, bytes);
        for (const line of fresh) written.set(line.text, (written.get(line.text) ?? 0) + 1);
      },
    },
  );
  return { moved, donePath };
}

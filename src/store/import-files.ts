import { open, readFile } from "node:fs/promises";
import { PpppptError } from "../core/errors.js";
import type { ImportState } from "../core/import/merge.js";
import { replaceFile } from "./docket-file.js";
import { besideDocket } from "./paths.js";

/**
 * The files an import reads and keeps: the export being imported, read a chunk at a time so a
 * large one never sits in memory whole, and the import state beside the docket
 * (`NAME.imports.json`: what the last import wrote for each source id, so a re-import can tell
 * the source's changes from the user's; docs/import.md).
 */

const CHUNK = 1 << 16;

/** The export's bytes in chunks, with the total size when known (for the progress bar). */
export async function openExport(
  path: string,
): Promise<{ size: number; chunks: AsyncIterable<Uint8Array> }> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "r");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new PpppptError(`no such file: ${path}`);
    if (code === "EISDIR") throw new PpppptError(`${path} is a folder, not an export file`);
    if (code === "EACCES") throw new PpppptError(`cannot read ${path}: permission denied`);
    throw new PpppptError(`cannot read ${path}: ${(error as Error).message}`);
  }
  const { size } = await handle.stat();
  async function* chunks(): AsyncIterable<Uint8Array> {
    try {
      const buffer = Buffer.allocUnsafe(CHUNK);
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
        if (bytesRead === 0) return;
        // A copy: the reader may keep a chunk (a partial character) while the buffer is reused.
        yield Uint8Array.prototype.slice.call(buffer, 0, bytesRead);
      }
    } finally {
      await handle.close();
    }
  }
  return { size, chunks: chunks() };
}

/** `todo.txt` → `todo.imports.json`, beside it. */
export function importStatePath(docketPath: string): string {
  const base = docketPath.replace(/^.*[/\\]/, "").replace(/\.txt$/, "");
  return besideDocket(docketPath, `${base}.imports.json`);
}

export async function readImportState(
  docketPath: string,
): Promise<{ state: ImportState; text: string }> {
  const path = importStatePath(docketPath);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { state: {}, text: "" };
    throw new PpppptError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    const parsed = JSON.parse(text) as { version?: number; items?: ImportState };
    if (parsed.version !== 1 || typeof parsed.items !== "object" || parsed.items === null)
      throw new Error("shape");
    return { state: parsed.items, text };
  } catch {
    throw new PpppptError(`${path} is not an import state file ppppt wrote`, {
      hint: "Move it away to import again from scratch (items already imported keep their src: tags).",
    });
  }
}

export function formatImportState(state: ImportState): string {
  const items: ImportState = {};
  for (const k of Object.keys(state).sort()) items[k] = state[k] as ImportState[string];
  return `${JSON.stringify({ version: 1, items }, null, 1)}\n`;
}

/** Writes the state only when it changed, so a re-import that changes nothing writes nothing. */
export async function writeImportState(
  docketPath: string,
  state: ImportState,
  before: string,
): Promise<void> {
  const text = formatImportState(state);
  if (text === before) return;
  await replaceFile(importStatePath(docketPath), new TextEncoder().encode(text));
}

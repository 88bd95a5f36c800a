import { createHash } from "node:crypto";
import { type FSWatcher, watch } from "node:fs";
import { basename, dirname } from "node:path";
import { readDocketBytes } from "../store/docket-file.js";

/**
 * Tells listeners when the docket's content changes, whoever changed it: the CLI, a text editor,
 * the dashboard itself. It watches the folder, not the file: an atomic write replaces the file
 * by a rename, and a watch on the old file would go quiet after the first save.
 */

export interface DocketWatch {
  /** A short hash of the current content; changes exactly when the bytes do. */
  version(): string;
  subscribe(listener: (version: string) => void): () => void;
  close(): void;
}

export function contentVersion(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 16);
}

export async function watchDocket(path: string, debounceMs = 40): Promise<DocketWatch> {
  const name = basename(path);
  const listeners = new Set<(version: string) => void>();
  let current = await readVersion(path);
  let timer: NodeJS.Timeout | undefined;
  let checking = Promise.resolve();

  const check = () => {
    checking = checking.then(async () => {
      const next = await readVersion(path);
      if (next === current) return;
      current = next;
      for (const listener of listeners) listener(next);
    });
  };

  const watcher: FSWatcher = watch(dirname(path), { persistent: false }, (_event, file) => {
    // Some platforms give no file name; then any change in the folder is worth a look.
    if (file !== null && file !== name) return;
    clearTimeout(timer);
    timer = setTimeout(check, debounceMs);
  });
  watcher.on("error", () => {
    // The folder went away; the next read reports the missing docket to the page.
  });

  return {
    version: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      clearTimeout(timer);
      watcher.close();
      listeners.clear();
    },
  };
}

async function readVersion(path: string): Promise<string> {
  try {
    return contentVersion(await readDocketBytes(path));
  } catch {
    return "missing";
  }
}

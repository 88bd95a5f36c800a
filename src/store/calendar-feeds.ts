import { chmod, mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { PpppptError } from "../core/errors.js";
import { configPath, type Env } from "./paths.js";

/**
 * Feeds imported by URL are remembered in the config file, under `calendar.feeds`, by a name
 * that gives nothing away (`feed-<host>-<hash>`): the URL itself is a secret (whoever has it
 * reads the calendar), so it is kept in this one file, which is then made mode 0600, and never
 * in the ledger, a message or the JSON output. The rest of the file is kept as the user wrote it
 * (comments too): only that key is set.
 */
export async function rememberFeed(env: Env, name: string, url: string): Promise<string> {
  const path = configPath(env);
  let text = "";
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new PpppptError(`cannot read ${path}: ${(error as Error).message}`, { file: path });
    }
  }
  const { parseDocument } = await import("yaml");
  const doc = parseDocument(text);
  if (doc.getIn(["calendar", "feeds", name]) !== url) {
    doc.setIn(["calendar", "feeds", name], url);
    const { default: write } = await import("write-file-atomic");
    try {
      await mkdir(dirname(path), { recursive: true });
      await write(path, doc.toString({ flowCollectionPadding: false }), {
        fsync: true,
        mode: 0o600,
      });
    } catch (error) {
      throw new PpppptError(`cannot write ${path}: ${(error as Error).message}`, { file: path });
    }
  }
  // Also when it was there already: a config made readable by others is tightened.
  await chmod(path, 0o600).catch(() => undefined);
  return path;
}

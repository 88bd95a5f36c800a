import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PpppptError } from "../core/errors.js";
import { DEFAULT_SLOS_YAML, parseSlos, type SloSpec } from "../core/health/slo.js";
import { configDir, type Env } from "./paths.js";

/** The SLO file: slos.yaml in the config folder (docs/health.md). */
export function sloFilePath(env: Env): string {
  return join(configDir(env), "slos.yaml");
}

/** The user's SLOs, or the shipped defaults when there is no slos.yaml yet. */
export async function readSlos(
  env: Env,
): Promise<{ slos: SloSpec[]; file: string; defaults: boolean }> {
  const file = sloFilePath(env);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      return { slos: parseSlos(DEFAULT_SLOS_YAML, "(defaults)"), file, defaults: true };
    throw new PpppptError(`cannot read: ${code}`, { file });
  }
  return { slos: parseSlos(text, file), file, defaults: false };
}

/** Writes the defaults as slos.yaml for the user to edit; never over an existing file. */
export async function writeDefaultSlos(env: Env): Promise<string> {
  const file = sloFilePath(env);
  const { mkdir } = await import("node:fs/promises");
  await mkdir(configDir(env), { recursive: true });
  try {
    await writeFile(file, DEFAULT_SLOS_YAML, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") {
      throw new PpppptError("already exists: edit it, or move it away to start again", { file });
    }
    throw new PpppptError(`cannot write: ${(error as NodeJS.ErrnoException).code}`, { file });
  }
  return file;
}

import { mkdir, readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import writeFileAtomic from "write-file-atomic";
import { type DeckPicture, pngPicture } from "../core/deck/picture.js";
import { DEFAULT_THEME, type DeckTheme, parseDeckTheme } from "../core/deck/theme.js";
import { PpppptError } from "../core/errors.js";
import { namesInPeopleList } from "../core/people.js";
import type { UserConfig } from "./config-file.js";
import { configDir, type Env } from "./paths.js";

/**
 * The deck's files: its theme (`deck-theme.yaml` in the config folder, with the logo it
 * names), the config's `people:` list (the known names `--redact` hides), and the .pptx or
 * Markdown it writes, atomically, so a deck being opened is never half there.
 */
export function deckThemePath(env: Env): string {
  return join(configDir(env), "deck-theme.yaml");
}

export interface LoadedTheme {
  theme: DeckTheme;
  logo: DeckPicture | undefined;
  /** The theme file, when there is one. */
  path: string | undefined;
}

export async function readDeckTheme(env: Env): Promise<LoadedTheme> {
  const path = deckThemePath(env);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return { theme: DEFAULT_THEME, logo: undefined, path: undefined };
    }
    throw new PpppptError(`cannot read ${path}: ${(error as Error).message}`, { file: path });
  }
  const theme = parseDeckTheme(text, path);
  if (theme.logo === undefined) return { theme, logo: undefined, path };
  const logoPath = resolve(dirname(path), theme.logo);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(logoPath);
  } catch (error) {
    throw new PpppptError(`cannot read the logo ${logoPath}: ${(error as Error).message}`, {
      file: path,
      hint: "logo: is a PNG file's path, relative to the folder of deck-theme.yaml.",
    });
  }
  return { theme, logo: pngPicture(bytes, logoPath), path };
}

/** The config's `people:` list: names `--redact` turns into initials wherever they appear. */
export function knownPeople(config: UserConfig): string[] {
  const names = namesInPeopleList(config.raw.people);
  if (!names) {
    throw new PpppptError("people: is a list of people, one a line (- Dana Reyes)", {
      file: config.path,
    });
  }
  return names;
}

export async function writeDeckOutput(path: string, bytes: Uint8Array | string): Promise<void> {
  try {
    await mkdir(dirname(resolve(path)), { recursive: true });
    await writeFileAtomic(path, typeof bytes === "string" ? bytes : Buffer.from(bytes), {
      fsync: true,
    });
  } catch (error) {
    throw new PpppptError(`cannot write ${path}: ${(error as Error).message}`, { file: path });
  }
}

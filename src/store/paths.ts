import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";

/**
 * Where ppppt keeps things, following the XDG base directory spec as todo.txt tools on Linux
 * do: the docket in $XDG_DATA_HOME/ppppt/todo.txt (~/.local/share/ppppt/todo.txt), the config
 * in $XDG_CONFIG_HOME/ppppt/ (~/.config/ppppt/), what can be recomputed in
 * $XDG_CACHE_HOME/ppppt/ (~/.cache/ppppt/). PPPPT_FILE, PPPPT_CONFIG and PPPPT_CACHE override
 * them, and --file overrides the docket's.
 */
export type Env = Record<string, string | undefined>;

export function defaultDocketPath(env: Env): string {
  if (env.PPPPT_FILE) return resolve(env.PPPPT_FILE);
  const data = env.XDG_DATA_HOME || join(env.HOME || homedir(), ".local", "share");
  return join(data, "ppppt", "todo.txt");
}

export function configDir(env: Env): string {
  if (env.PPPPT_CONFIG) return dirname(resolve(env.PPPPT_CONFIG));
  const config = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config");
  return join(config, "ppppt");
}

export function configPath(env: Env): string {
  if (env.PPPPT_CONFIG) return resolve(env.PPPPT_CONFIG);
  return join(configDir(env), "config.yaml");
}

/** The cache folder: removing it loses nothing but time. PPPPT_CACHE names the folder itself. */
export function cacheDir(env: Env): string {
  if (env.PPPPT_CACHE) return resolve(env.PPPPT_CACHE);
  const cache = env.XDG_CACHE_HOME || join(env.HOME || homedir(), ".cache");
  return join(cache, "ppppt");
}

/** Files that live beside the docket, named after it so two dockets in one folder stay apart. */
export function besideDocket(docketPath: string, name: string): string {
  return join(dirname(docketPath), name);
}

/** todo.txt's done file: `done.txt` beside `todo.txt`, else `<name>.done.txt`. */
export function doneFilePath(docketPath: string): string {
  const base = docketPath.replace(/^.*[/\\]/, "");
  if (base === "todo.txt") return besideDocket(docketPath, "done.txt");
  return besideDocket(docketPath, `${base.replace(/\.txt$/, "")}.done.txt`);
}

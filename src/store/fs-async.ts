import { promises } from "node:fs";

/**
 * `node:fs/promises`, loaded on the first call rather than when a module imports it. Its
 * FileHandle brings Node's stream modules with it (about 3% of a `node -e 0`), and the bundle
 * initialises every store module a command imports, though a read-only command such as `list`
 * calls none of these. The same functions, the same types: `promises` is a getter on node:fs.
 */
type FsPromises = typeof promises;

function late<K extends keyof FsPromises>(name: K): FsPromises[K] {
  return ((...args: unknown[]) =>
    (promises[name] as (...a: unknown[]) => unknown)(...args)) as FsPromises[K];
}

export const access = late("access");
export const chmod = late("chmod");
export const lstat = late("lstat");
export const mkdir = late("mkdir");
export const open = late("open");
export const readdir = late("readdir");
export const readFile = late("readFile");
export const realpath = late("realpath");
export const rename = late("rename");
export const stat = late("stat");
export const unlink = late("unlink");
export const writeFile = late("writeFile");

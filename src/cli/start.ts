import { readFileSync } from "node:fs";
import nodeModule from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";
import {
  codeCachePath,
  pruneCodeCaches,
  readCodeCache,
  writeCodeCache,
} from "../store/code-cache-file.js";
import type { Env } from "../store/paths.js";
import { commandNameIn } from "./command-name.js";

/** `ppppt`'s exit status for a command line that does not parse (main.ts's EXIT_USAGE). */
const EXIT_USAGE = 2;

export interface StartOptions {
  /** The CLI bundle, dist/cli.cjs. */
  bundle: string;
  /** Its content hash, written in by the build. */
  bundleHash: string;
  argv: readonly string[];
  env: Env;
}

/**
 * Loads and runs the CLI bundle as the CommonJS module it is, with V8's code for it taken from
 * the cache folder when an earlier run of the same command left it there (code-cache-file.ts).
 * Compiling the 570 KB bundle took about a quarter of a `node -e 0` on every start; reading
 * the compiled code back takes a fifth of that.
 *
 * Node 22.1+ has this built in (module.enableCompileCache, for every module, in the OS's temp
 * folder), and there the bundle is simply required. On Node 20 the bundle is compiled through
 * vm.Script with the cache as its cachedData. A cache V8 rejects (another V8 wrote it, or it is
 * not a cache at all) is ignored and, with a cache never found, written again when the process
 * exits, from the code this run compiled: the command's own functions as well as the bundle's
 * top level. A run that ended in a usage error (a typo) writes nothing.
 */
export function startBundle(options: StartOptions): void {
  const { enableCompileCache } = nodeModule as { enableCompileCache?: () => unknown };
  if (enableCompileCache) {
    enableCompileCache();
    nodeModule.createRequire(options.bundle)(options.bundle);
    return;
  }
  const path = codeCachePath(options.env, {
    bundleHash: options.bundleHash,
    command: commandNameIn(options.argv) ?? "none",
    node: process.version,
    arch: process.arch,
    flags: [...process.execArgv, options.env.NODE_OPTIONS ?? ""].join(" ").trim(),
  });
  const cachedData = readCodeCache(path);
  const source = readFileSync(options.bundle, "utf8");
  const script = new Script(nodeModule.wrap(source), { filename: options.bundle, cachedData });
  if (cachedData === undefined || script.cachedDataRejected === true) {
    process.once("exit", (code) => {
      if (code === EXIT_USAGE) return;
      writeCodeCache(path, script.createCachedData());
      pruneCodeCaches(options.env, options.bundleHash);
    });
  }
  const run = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: { exports: unknown },
    filename: string,
    dirname: string,
  ) => void;
  const module = { exports: {} };
  run.call(
    module.exports,
    module.exports,
    nodeModule.createRequire(options.bundle),
    module,
    options.bundle,
    dirname(options.bundle),
  );
}

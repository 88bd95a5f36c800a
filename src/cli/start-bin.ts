import { fileURLToPath } from "node:url";
import { startBundle } from "./start.js";

/** The bundle's content hash: the build writes it in (scripts/build.mjs). */
declare const PPPPT_BUNDLE_HASH: string;

// The start-up bundle, dist/start.cjs, beside the CLI's bundle it loads.
startBundle({
  bundle: fileURLToPath(new URL("./cli.cjs", import.meta.url)),
  bundleHash: PPPPT_BUNDLE_HASH,
  argv: process.argv.slice(2),
  env: process.env,
});

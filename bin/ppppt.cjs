#!/usr/bin/env node
// The published entry point: the start-up bundle (npm run build writes dist/), which loads the
// CLI's bundle with its compiled code from the cache folder (src/cli/start.ts). CommonJS, like
// the bundles, so starting a command never starts Node's ESM loader.
try {
  require.resolve("../dist/start.cjs");
} catch {
  process.stderr.write("ppppt: not built yet; run `npm run build` first\n");
  process.exit(1);
}
require("../dist/start.cjs");

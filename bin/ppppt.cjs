#!/usr/bin/env node
// The published entry point: the bundled CLI (npm run build writes dist/). CommonJS, like the
// bundle, so starting a command never starts Node's ESM loader.
try {
  require.resolve("../dist/cli.cjs");
} catch {
  process.stderr.write("ppppt: not built yet; run `npm run build` first\n");
  process.exit(1);
}
require("../dist/cli.cjs");

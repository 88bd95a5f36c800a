#!/usr/bin/env node
// The published entry point: the bundled CLI (npm run build writes dist/). CommonJS, like the
// bundle, so starting a command never starts Node's ESM loader.
const nodeModule = require("node:module");

// Node 22.1+ keeps V8's compiled code for the bundle on disk (in the OS temp folder) and skips
// most of the compiling on the next start; older Nodes do not have it and compile as usual.
nodeModule.enableCompileCache?.();

try {
  require.resolve("../dist/cli.cjs");
} catch {
  process.stderr.write("ppppt: not built yet; run `npm run build` first\n");
  process.exit(1);
}
require("../dist/cli.cjs");

#!/usr/bin/env node
// The published entry point: the bundled CLI (npm run build writes dist/).
import("../dist/cli.js").catch((error) => {
  if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/cli.js")) {
    process.stderr.write("ppppt: not built yet; run `npm run build` first\n");
    process.exit(1);
  }
  throw error;
});

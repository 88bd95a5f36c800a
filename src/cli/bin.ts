import { processIO } from "./io.js";
import { runCli } from "./main.js";
import { watchOutputStreams, writeOutput } from "./standard-output.js";

// Output goes to the file descriptors (standard-output.ts), which end the process on a failed
// write as the streams did: quietly for a closed pipe (`ppppt list | head`), else one line and
// status 1. The streams, when a command makes them (prompts), get the same rule.
watchOutputStreams();

// No top-level await: the bundle is CommonJS (see scripts/build.mjs).
runCli(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    writeOutput(
      2,
      `ppppt: unexpected error (a bug; please report it): ${(error as Error).stack ?? error}\n`,
    );
    process.exitCode = 1;
  },
);

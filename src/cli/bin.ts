import { processIO } from "./io.js";
import { runCli } from "./main.js";

// `ppppt list | head` closes the pipe early; that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// No top-level await: the bundle is CommonJS (see scripts/build.mjs).
runCli(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `ppppt: unexpected error (a bug; please report it): ${(error as Error).stack ?? error}\n`,
    );
    process.exitCode = 1;
  },
);

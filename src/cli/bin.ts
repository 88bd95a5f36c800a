import { processIO } from "./io.js";
import { runCli } from "./main.js";

// `ppppt list | head` closes the pipe early; that is the reader's choice, not an error. Any
// other failure to write the output (`ppppt list > /dev/full`) is one line and status 1.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    if (stream === process.stdout) {
      const why = error.code === "ENOSPC" ? "no space left on the device" : error.message;
      try {
        process.stderr.write(`ppppt: cannot write the output: ${why}\n`);
      } catch {
        // stderr is gone too: the status is all that is left to say it.
      }
    }
    process.exit(1);
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

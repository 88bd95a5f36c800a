import { processIO } from "./io.js";
import { runCli } from "./main.js";

try {
  process.exitCode = await runCli(process.argv.slice(2), processIO());
} catch (error) {
  process.stderr.write(
    `ppppt: unexpected error (a bug; please report it): ${(error as Error).stack ?? error}\n`,
  );
  process.exitCode = 1;
}

import type { Command } from "commander";
import type { CliIO } from "./io.js";

/**
 * A subcommand (`roi add`, `health ingest`) with the program's error handling: commander
 * copies the exit override and output only to commands created after it is set.
 */
export function asProgramDoes(command: Command, io: CliIO): Command {
  return command
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) })
    .showHelpAfterError("(run with --help for usage)");
}

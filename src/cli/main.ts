import { Command, CommanderError } from "commander";
import { PpppptError } from "../core/errors.js";
import { registerCommands } from "./commands/index.js";
import { ExitStatus } from "./context.js";
import type { CliIO } from "./io.js";
import { terminalText } from "./terminal-text.js";

export const EXIT_OK = 0;
/** Something the user can fix: a bad id, a bad date, a locked or missing file. */
export const EXIT_USER_ERROR = 1;
/** The command line itself is wrong: an unknown command or option, a missing argument. */
export const EXIT_USAGE = 2;

/** The program, with the command `argv` runs registered (or all of them, see registerCommands). */
export async function buildProgram(io: CliIO, argv: string[]): Promise<Command> {
  const program = new Command("ppppt")
    .description(
      "The leadership docket: People, Product, Process, Public and Tech work in one todo.txt file.",
    )
    .version("0.1.0", "-V, --version")
    .option(
      "-f, --file <path>",
      "the docket file (default: $PPPPT_FILE, else ~/.local/share/ppppt/todo.txt)",
    )
    .option("--today <date>", "pretend today is this date, YYYY-MM-DD (or set PPPPT_TODAY)")
    .option("--no-color", "no colour in the output (NO_COLOR is respected too)")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
    })
    .exitOverride();
  await registerCommands(program, io, argv);
  for (const command of program.commands) {
    command.exitOverride();
    command.configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
    command.showHelpAfterError("(run with --help for usage)");
  }
  return program;
}

/** Runs one command line; returns the exit code instead of exiting, so tests can call it. */
export async function runCli(argv: string[], rawIO: CliIO): Promise<number> {
  const io = terminalSafe(rawIO);
  const program = await buildProgram(io, argv);
  try {
    await program.parseAsync(argv, { from: "user" });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof ExitStatus) return error.code;
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version")
        return EXIT_OK;
      if (error.code === "commander.help") return EXIT_OK;
      if (error.code === "commander.executeSubCommandAsync") return EXIT_USER_ERROR;
      return EXIT_USAGE;
    }
    if (error instanceof PpppptError) {
      io.stderr(`ppppt: ${error.describe()}\n`);
      return EXIT_USER_ERROR;
    }
    throw error;
  }
}

/**
 * The same IO, with everything written to stdout and stderr through terminalText: no command
 * can print an item's escape sequences raw. Built over `io` as its prototype, so a getter on it
 * (stdinIsTTY) is still read only when asked.
 */
function terminalSafe(io: CliIO): CliIO {
  return Object.create(io, {
    stdout: { value: (text: string) => io.stdout(terminalText(text)) },
    stderr: { value: (text: string) => io.stderr(terminalText(text)) },
  }) as CliIO;
}

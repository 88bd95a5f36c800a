import type { Command } from "commander";
import { commandNameIn } from "../command-name.js";
import type { CliIO } from "../io.js";

export { commandNameIn };

type Register = (program: Command, io: CliIO) => void;

interface CommandEntry {
  /** The names (and aliases) it answers to on the command line. */
  names: readonly string[];
  load: () => Promise<Register>;
}

/**
 * Every command, in the order `ppppt --help` lists them. One file per command, each loaded
 * only when it is run: a command's module (and what it imports) is initialised on demand, so
 * `ppppt list` does not pay for building twenty commands' options and help.
 */
const COMMANDS: readonly CommandEntry[] = [
  { names: ["init"], load: async () => (await import("./init.js")).registerInit },
  { names: ["add"], load: async () => (await import("./add.js")).registerAdd },
  { names: ["list", "ls"], load: async () => (await import("./list.js")).registerList },
  { names: ["show"], load: async () => (await import("./show.js")).registerShow },
  { names: ["done", "do", "undo"], load: async () => (await import("./done.js")).registerDone },
  { names: ["log"], load: async () => (await import("./log.js")).registerLog },
  { names: ["start", "stop"], load: async () => (await import("./timer.js")).registerTimer },
  { names: ["due"], load: async () => (await import("./due.js")).registerDue },
  { names: ["pri"], load: async () => (await import("./pri.js")).registerPri },
  { names: ["snooze"], load: async () => (await import("./snooze.js")).registerSnooze },
  { names: ["tag", "untag"], load: async () => (await import("./tag.js")).registerTag },
  { names: ["edit"], load: async () => (await import("./edit.js")).registerEdit },
  { names: ["recat"], load: async () => (await import("./recat.js")).registerRecat },
  { names: ["rm", "del"], load: async () => (await import("./rm.js")).registerRm },
  { names: ["person"], load: async () => (await import("./person.js")).registerPerson },
  { names: ["check"], load: async () => (await import("./check.js")).registerCheck },
  { names: ["archive"], load: async () => (await import("./archive.js")).registerArchive },
  { names: ["next"], load: async () => (await import("./next.js")).registerNext },
  { names: ["balance"], load: async () => (await import("./balance.js")).registerBalance },
  { names: ["review"], load: async () => (await import("./review.js")).registerReview },
  { names: ["playbook"], load: async () => (await import("./playbook.js")).registerPlaybook },
  { names: ["assess"], load: async () => (await import("./assess.js")).registerAssess },
  { names: ["plan"], load: async () => (await import("./plan.js")).registerPlan },
  { names: ["roi"], load: async () => (await import("./roi.js")).registerRoi },
  { names: ["team"], load: async () => (await import("./team.js")).registerTeam },
  { names: ["deck"], load: async () => (await import("./deck.js")).registerDeck },
  { names: ["demo"], load: async () => (await import("./demo.js")).registerDemo },
  { names: ["serve"], load: async () => (await import("./serve.js")).registerServe },
  {
    names: ["completion"],
    load: async () => (await import("./completion.js")).registerCompletion,
  },
  { names: ["classify"], load: async () => (await import("./classify.js")).registerClassify },
  { names: ["why"], load: async () => (await import("./why.js")).registerWhy },
  { names: ["health"], load: async () => (await import("./health.js")).registerHealth },
  { names: ["slo"], load: async () => (await import("./slo.js")).registerSlo },
  { names: ["import"], load: async () => (await import("./import.js")).loadImport() },
  { names: ["calendar"], load: async () => (await import("./calendar.js")).registerCalendar },
  { names: ["export"], load: async () => (await import("./export.js")).registerExport },
];

/**
 * Registers the command `argv` runs, or every command when it names none of them (help, a
 * typo: commander then lists them all or suggests the nearest). A line that only asks for
 * the program's version needs none: commander answers it from the program's own option, and
 * loading all forty commands (their schemas, zod, yaml) cost `--version` ~1x `node -e 0`.
 */
export async function registerCommands(program: Command, io: CliIO, argv: string[]): Promise<void> {
  const name = commandNameIn(argv);
  if (name === undefined && asksOnlyForVersion(argv)) return;
  const entry = COMMANDS.find((c) => name !== undefined && c.names.includes(name));
  const registers = await Promise.all((entry ? [entry] : COMMANDS).map((c) => c.load()));
  for (const register of registers) register(program, io);
}

/** `-V`/`--version` with no command and no help asked for (help lists the commands). */
function asksOnlyForVersion(argv: readonly string[]): boolean {
  const has = (...words: string[]) => argv.some((w) => words.includes(w));
  return has("-V", "--version") && !has("-h", "--help");
}

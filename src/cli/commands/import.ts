import type { Command } from "commander";
import type { CliIO } from "../io.js";

/**
 * `ppppt import`: one command group for every importer, each a subcommand in its own file
 * (`import-calendar.ts`…). Adding an importer is one line in IMPORTERS. Every importer's module
 * is loaded when `ppppt import` runs (so `ppppt import --help` lists them all); each keeps its
 * heavy libraries behind a dynamic import in its action.
 */
type RegisterImporter = (group: Command, io: CliIO) => void;

const IMPORTERS: readonly (() => Promise<RegisterImporter>)[] = [
  async () => (await import("./import-calendar.js")).registerImportCalendar,
];

export async function loadImport(): Promise<(program: Command, io: CliIO) => void> {
  const importers = await Promise.all(IMPORTERS.map((load) => load()));
  return (program, io) => {
    const group = program
      .command("import")
      .description("bring work in from other tools (one subcommand per importer)");
    for (const register of importers) register(group, io);
  };
}

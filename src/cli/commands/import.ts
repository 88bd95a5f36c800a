import type { Command } from "commander";
import type { CliIO } from "../io.js";
import { registerImportGithub } from "./import-github.js";
import { registerImportGitlab } from "./import-gitlab.js";
import { registerImportJira } from "./import-jira.js";
import { registerImportTaskwarrior } from "./import-taskwarrior.js";
import { registerImportTodotxt } from "./import-todotxt.js";

type RegisterImporter = (group: Command, io: CliIO) => void;

/**
 * `ppppt import KIND FILE…`: one subcommand per kind of source, each in its own file. Each
 * reads with its core reader when run (the readers' libraries load then, not here).
 */
const IMPORTERS: readonly RegisterImporter[] = [
  registerImportTodotxt,
  registerImportTaskwarrior,
  registerImportGithub,
  registerImportGitlab,
  registerImportJira,
];

export function registerImport(program: Command, io: CliIO): void {
  const group = program
    .command("import")
    .description("bring work in from other tools: todo.txt, Taskwarrior, GitHub, GitLab, Jira");
  for (const register of IMPORTERS) register(group, io);
}

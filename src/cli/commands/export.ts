import type { Command } from "commander";
import { itemLines } from "../../core/docket/docket.js";
import { itemJson } from "../../core/docket/item-json.js";
import { readDocketFile } from "../../store/docket-file.js";
import { contextOf } from "../context.js";
import { userZone } from "../import-run.js";
import type { CliIO } from "../io.js";

/**
 * `ppppt export todotxt|taskwarrior|json|csv`: the whole docket (done items included) to
 * stdout, in another tool's format. Nothing is written to the docket.
 */
export function registerExport(program: Command, io: CliIO): void {
  const read = async (command: Command) => {
    const ctx = contextOf(io, command);
    const { docket } = await readDocketFile(ctx.docketPath());
    return { ctx, docket };
  };
  const group = program
    .command("export")
    .description("print the docket for another tool: todotxt, taskwarrior, json, csv");

  group
    .command("todotxt")
    .description("plain todo.txt: the item lines, categories as cat: tags")
    .option(
      "--without-own-keys",
      "leave out the tags only ppppt reads (id:, est:, spent:, pri:, src:)",
    )
    .action(async (options: { withoutOwnKeys?: boolean }, command: Command) => {
      const { docket } = await read(command);
      const { todoTxtLines } = await import("../../core/export/todotxt.js");
      const lines = todoTxtLines(docket, options.withoutOwnKeys === true);
      io.stdout(lines.map((l) => `${l}\n`).join(""));
    });

  group
    .command("taskwarrior")
    .description("a JSON array `task import` reads (Taskwarrior 2.6 and 3)")
    .action(async (_options: unknown, command: Command) => {
      const { ctx, docket } = await read(command);
      const { taskwarriorTasks } = await import("../../core/export/taskwarrior.js");
      ctx.json(taskwarriorTasks(itemLines(docket), userZone(io), ctx.today()));
    });

  group
    .command("json")
    .description("every item as `list --json` prints it, in file order")
    .action(async (_options: unknown, command: Command) => {
      const { ctx, docket } = await read(command);
      ctx.json(itemLines(docket).map(itemJson));
    });

  group
    .command("csv")
    .description("one row per item, for a spreadsheet")
    .action(async (_options: unknown, command: Command) => {
      const { docket } = await read(command);
      const { itemsCsv } = await import("../../core/export/csv.js");
      io.stdout(itemsCsv(itemLines(docket).map(itemJson)));
    });
}

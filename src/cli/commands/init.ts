import type { Command } from "commander";
import { createDocketFile } from "../../store/docket-file.js";
import { contextOf } from "../context.js";
import type { CliIO } from "../io.js";

export function registerInit(program: Command, io: CliIO): void {
  program
    .command("init")
    .description("create the docket file (and its folder) if it does not exist yet")
    .addHelpText("after", "\nExample:\n  ppppt init\n  ppppt --file ~/notes/todo.txt init")
    .action(async (_options, command: Command) => {
      const ctx = contextOf(io, command);
      const path = ctx.docketPath();
      const created = await createDocketFile(path);
      ctx.out(created ? `Created ${path}` : `${path} already exists; left as it is.`);
    });
}

import type { Command } from "commander";
import { itemJson } from "../../core/docket/item-json.js";
import { plural } from "../../core/wording.js";
import { archiveDone } from "../../store/archive.js";
import { contextOf } from "../context.js";
import type { CliIO } from "../io.js";

export function registerArchive(program: Command, io: CliIO): void {
  program
    .command("archive")
    .description("move done items to the done file beside the docket (done.txt)")
    .option("--json", "print the moved items as JSON")
    .addHelpText("after", "\nExample:\n  ppppt archive")
    .action(async (options: { json?: boolean }, command: Command) => {
      const ctx = contextOf(io, command);
      const { moved, donePath } = await archiveDone(ctx.docketPath());
      if (options.json) ctx.json({ doneFile: donePath, moved: moved.map(itemJson) });
      else
        ctx.out(
          moved.length === 0
            ? "No done items to archive."
            : `Moved ${plural(moved.length, "done item")} to ${donePath}`,
        );
    });
}

import type { Command } from "commander";
import { changeEach, removeItem } from "../../core/docket/docket.js";
import { itemJson } from "../../core/docket/item-json.js";
import { updateDocketFile } from "../../store/docket-file.js";
import { contextOf } from "../context.js";
import type { CliIO } from "../io.js";

export function registerRm(program: Command, io: CliIO): void {
  program
    .command("rm")
    .alias("del")
    .description("delete items (the removed lines are printed, to add back if need be)")
    .argument("<ids...>", "the ids of the items")
    .option("--json", "print the removed items as JSON")
    .addHelpText("after", "\nExample:\n  ppppt rm k3f9")
    .action(async (ids: string[], options: { json?: boolean }, command: Command) => {
      const ctx = contextOf(io, command);
      const removed = await updateDocketFile(ctx.docketPath(), (docket) =>
        changeEach(docket, ids, (d, id) => {
          const r = removeItem(d, id);
          return { docket: r.docket, value: r.removed };
        }),
      );
      if (options.json) ctx.json(removed.map(itemJson));
      else for (const line of removed) ctx.out(`Removed ${line.id}: ${line.text}`);
    });
}

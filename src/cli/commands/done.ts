import type { Command } from "commander";
import { completeItem, reopenItem } from "../../core/docket/complete.js";
import { changeEach } from "../../core/docket/docket.js";
import { itemJson } from "../../core/docket/item-json.js";
import { updateDocketFile } from "../../store/docket-file.js";
import { contextOf } from "../context.js";
import type { CliIO } from "../io.js";
import { renderItem } from "../render.js";

export function registerDone(program: Command, io: CliIO): void {
  program
    .command("done")
    .alias("do")
    .description("mark items done (a recurring item gets its next occurrence)")
    .argument("<ids...>", "the ids of the items, as `ppppt list` shows them")
    .option("--json", "print the done items (and new occurrences) as JSON")
    .addHelpText("after", "\nExample:\n  ppppt done k3f9 a0b2")
    .action(async (ids: string[], options: { json?: boolean }, command: Command) => {
      const ctx = contextOf(io, command);
      const today = ctx.today();
      const completions = await updateDocketFile(ctx.docketPath(), (docket) =>
        changeEach(docket, ids, (d, id) => {
          const c = completeItem(d, id, today);
          return { docket: c.docket, value: c };
        }),
      );
      const result = {
        done: completions.map((c) => c.done),
        next: completions.flatMap((c) => (c.next ? [c.next] : [])),
      };
      if (options.json) {
        ctx.json({ done: result.done.map(itemJson), next: result.next.map(itemJson) });
        return;
      }
      for (const line of result.done) ctx.out(`Done ${renderItem(line, today, ctx.style)}`);
      for (const line of result.next) ctx.out(`Next ${renderItem(line, today, ctx.style)}`);
    });

  program
    .command("undo")
    .description("mark done items open again (and take out the next occurrence `done` added)")
    .argument("<ids...>", "the ids of the done items (`ppppt list --done`)")
    .option("--json", "print the reopened items and the occurrences taken out as JSON")
    .addHelpText("after", "\nExample:\n  ppppt undo k3f9")
    .action(async (ids: string[], options: { json?: boolean }, command: Command) => {
      const ctx = contextOf(io, command);
      const today = ctx.today();
      const reopened = await updateDocketFile(ctx.docketPath(), (docket) =>
        changeEach(docket, ids, (d, id) => {
          const r = reopenItem(d, id);
          return { docket: r.docket, value: r };
        }),
      );
      const removed = reopened.flatMap((r) => (r.removed ? [r.removed] : []));
      if (options.json) {
        ctx.json({ open: reopened.map((r) => itemJson(r.line)), removed: removed.map(itemJson) });
        return;
      }
      for (const r of reopened) ctx.out(`Open ${renderItem(r.line, today, ctx.style)}`);
      for (const line of removed) {
        ctx.out(`Removed the next occurrence ${renderItem(line, today, ctx.style)}`);
      }
    });
}

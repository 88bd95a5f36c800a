import type { Command } from "commander";
import type { ImportedItem } from "../../core/import/imported-item.js";
import { contextOf } from "../context.js";
import {
  applyImport,
  categoriserIfNeeded,
  type ImportFlags,
  importCommand,
  runImports,
  streamExport,
  summaryOf,
  userZone,
} from "../import-run.js";
import type { CliIO } from "../io.js";

export function registerImportTaskwarrior(group: Command, io: CliIO): void {
  importCommand(
    group,
    "taskwarrior",
    "import `task export` JSON (an array or one task per line; Taskwarrior 2 and 3) or 2.x's backlog.data",
  ).action(async (files: string[], flags: ImportFlags, cmd: Command) => {
    const ctx = contextOf(io, cmd);
    const today = ctx.today();
    const zone = userZone(io);
    const [tw, merge] = await Promise.all([
      import("../../core/import/taskwarrior.js"),
      import("../../core/import/merge.js"),
    ]);
    await runImports(ctx, files, flags, async (file) => {
      const reader = new tw.TaskwarriorReader(file);
      await streamExport(ctx, file, (bytes) => reader.write(bytes));
      const read = reader.end();
      const items: ImportedItem[] = [];
      const skipped = merge.emptySummary();
      for (const task of read.tasks) {
        const it = tw.taskItem(task, zone);
        if ("reason" in it) merge.skip(skipped, it.reason);
        else items.push(it);
      }
      const repeats = read.objects - read.tasks.length;
      if (repeats > 0) merge.skip(skipped, "earlier copy of a task (backlog)", repeats);
      const categorise = await categoriserIfNeeded(ctx, items.length > 0);
      const outcome = await applyImport(
        ctx,
        (docket, state) => merge.mergeImported(docket, items, state, { today, categorise }),
        flags.dryRun === true,
      );
      for (const [reason, n] of Object.entries(skipped.skipped))
        merge.skip(outcome.summary, reason, n);
      return { summary: summaryOf(file, read.objects, outcome.summary), outcome };
    });
  });
}

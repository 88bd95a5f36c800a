import type { Command } from "commander";
import { contextOf } from "../context.js";
import {
  applyImport,
  categoriserIfNeeded,
  type ImportFlags,
  importCommand,
  runImports,
  streamExport,
  summaryOf,
} from "../import-run.js";
import type { CliIO } from "../io.js";

export function registerImportTodotxt(group: Command, io: CliIO): void {
  importCommand(
    group,
    "todotxt",
    "merge another todo.txt or done.txt (a phone's Simpletask file) into the docket, never duplicating a line",
  ).action(async (files: string[], flags: ImportFlags, cmd: Command) => {
    const ctx = contextOf(io, cmd);
    const { mergeTodoTxt } = await import("../../core/import/todotxt.js");
    await runImports(ctx, files, flags, async (file) => {
      const chunks: Uint8Array[] = [];
      await streamExport(ctx, file, (bytes) => chunks.push(bytes));
      const bytes = Buffer.concat(chunks);
      const categorise = await categoriserIfNeeded(ctx, true);
      let verbatim: { line: number; problem: string }[] = [];
      let read = 0;
      const outcome = await applyImport(
        ctx,
        (docket) => {
          const r = mergeTodoTxt(docket, bytes, categorise);
          verbatim = r.verbatim;
          read = r.read;
          return { docket: r.docket, summary: r.summary, added: r.added, changed: [] };
        },
        flags.dryRun === true,
      );
      const extra = verbatim.length > 0 ? { verbatim } : {};
      return { summary: summaryOf(file, read, outcome.summary, extra), outcome };
    });
  });
}

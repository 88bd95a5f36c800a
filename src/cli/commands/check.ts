import type { Command } from "commander";
import { checkDocket } from "../../core/docket/check-report.js";
import { renumberDuplicates } from "../../core/docket/docket.js";
import { plural } from "../../core/wording.js";
import { readDocketFile, updateDocketFile } from "../../store/docket-file.js";
import { contextOf, ExitStatus } from "../context.js";
import type { CliIO } from "../io.js";

export function registerCheck(program: Command, io: CliIO): void {
  program
    .command("check")
    .description("report lines ppppt cannot read (kept as written) and repeated ids; exit 1 if any")
    .option("--fix", "give each item that repeats an earlier line's id an id of its own")
    .option("--json", "print the problems as JSON")
    .addHelpText(
      "after",
      "\nAn item whose id: an earlier line already has (a line copied in an editor) is still\nlisted and counted, at an id derived from its text; --fix writes it a new id. Unreadable\nlines are only reported: fix them in an editor.\n\nExamples:\n  ppppt check && echo clean\n  ppppt check --fix",
    )
    .action(async (options: { json?: boolean; fix?: boolean }, command: Command) => {
      const ctx = contextOf(io, command);
      const path = ctx.docketPath();
      const fixed = options.fix
        ? await updateDocketFile(path, (docket) => renumberDuplicates(docket))
        : [];
      const report = checkDocket((await readDocketFile(path)).docket);
      const { unreadable, duplicates } = report;
      if (options.json) {
        ctx.json({
          file: path,
          items: report.items,
          guessedCategories: report.guessedCategories,
          problems: unreadable,
          duplicates,
          fixed,
        });
      } else {
        for (const f of fixed) ctx.out(`${path}:${f.line}: id:${f.from} → id:${f.to}`);
        for (const line of unreadable) {
          ctx.out(`${path}:${line.line}: ${line.problem}`);
          ctx.out(ctx.style.dim(`  ${line.text}`));
        }
        for (const d of duplicates) {
          ctx.out(
            `${path}:${d.line}: id:${d.id} is already used on line ${d.firstLine}; this item answers to ${d.address} until \`ppppt check --fix\``,
          );
        }
        if (unreadable.length > 0)
          ctx.out(
            `${plural(unreadable.length, "line")} kept as written but not read; fix them in an editor (\`ppppt edit\`).`,
          );
        if (duplicates.length > 0)
          ctx.out(
            `${plural(duplicates.length, "item repeats", "items repeat")} an earlier id: shown and counted, flagged; \`ppppt check --fix\` gives each its own.`,
          );
        if (unreadable.length === 0 && duplicates.length === 0)
          ctx.out(`${path}: ${plural(report.items, "item")}, all readable.`);
        if (report.guessedCategories > 0)
          ctx.out(
            ctx.style.dim(
              `${plural(report.guessedCategories, "item has", "items have")} a guessed category (cat:…?): \`ppppt recat ID\` confirms.`,
            ),
          );
      }
      if (unreadable.length > 0 || duplicates.length > 0) throw new ExitStatus(1);
    });
}

import type { Command } from "commander";
import { invalidLines } from "../../core/docket/docket.js";
import { readOnlyItemLines } from "../../core/docket/parse.js";
import { lineText } from "../../core/docket/print.js";
import { plural } from "../../core/wording.js";
import { readDocketFile } from "../../store/docket-file.js";
import { contextOf, ExitStatus } from "../context.js";
import type { CliIO } from "../io.js";

export function registerCheck(program: Command, io: CliIO): void {
  program
    .command("check")
    .description("report lines ppppt cannot read (they are kept as written); exit 1 if any")
    .option("--json", "print the problems as JSON")
    .addHelpText("after", "\nExample:\n  ppppt check && echo clean")
    .action(async (options: { json?: boolean }, command: Command) => {
      const ctx = contextOf(io, command);
      const path = ctx.docketPath();
      const { docket } = await readDocketFile(path);
      const bad = invalidLines(docket);
      const items = readOnlyItemLines(docket);
      const guesses = items.filter((l) => l.item.categoryGuess).length;
      if (options.json) {
        ctx.json({
          file: path,
          items: items.length,
          guessedCategories: guesses,
          problems: bad.map((l) => ({ line: l.number, problem: l.problem, text: lineText(l) })),
        });
      } else {
        for (const line of bad) {
          ctx.out(`${path}:${line.number}: ${line.problem}`);
          ctx.out(ctx.style.dim(`  ${lineText(line)}`));
        }
        ctx.out(
          bad.length === 0
            ? `${path}: ${plural(items.length, "item")}, all readable.`
            : `${plural(bad.length, "line")} kept as written but not read; fix them in an editor (\`ppppt edit\`).`,
        );
        if (guesses > 0)
          ctx.out(
            ctx.style.dim(
              `${plural(guesses, "item has", "items have")} a guessed category (cat:…?): \`ppppt recat ID\` confirms.`,
            ),
          );
      }
      if (bad.length > 0) throw new ExitStatus(1);
    });
}

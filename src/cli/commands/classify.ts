import type { Command } from "commander";
import { CATEGORY_LABELS } from "../../core/category.js";
import { PpppptError } from "../../core/errors.js";
import { loadClassifierFor } from "../categoriser.js";
import { contextOf } from "../context.js";
import type { CliIO } from "../io.js";

export function registerClassify(program: Command, io: CliIO): void {
  program
    .command("classify")
    .description("say which category texts belong to, and how sure ppppt is")
    .argument("[text...]", "one text per argument (quote each); none: one text per stdin line")
    .option("--json", "print one result per text, in input order, as a JSON array")
    .addHelpText(
      "after",
      '\nExamples:\n  ppppt classify "Review the caching RFC" "1:1 Dana / Lee"\n  cut -f2 calendar.tsv | ppppt classify --json',
    )
    .action(async (texts: string[], options: { json?: boolean }, command: Command) => {
      const ctx = contextOf(io, command);
      let lines = texts.flatMap((t) => t.split(/\r?\n/));
      if (texts.length === 0) {
        if (io.stdinIsTTY) {
          throw new PpppptError("nothing to classify", {
            hint: 'Give texts as arguments (ppppt classify "Review the RFC") or pipe lines in.',
          });
        }
        const input = await io.readStdin();
        lines = input.split(/\r?\n/);
        // The newline that ends the last line does not start another one.
        if (lines.at(-1) === "") lines.pop();
      }
      const classifier = await loadClassifierFor(ctx.docketPath());
      const results = lines.map((line) => classifier.classify(line));
      if (options.json) {
        ctx.json(results);
        return;
      }
      const out = results.map(
        (r) =>
          `${CATEGORY_LABELS[r.category].padEnd(8)} ${r.probability.toFixed(2)}${r.unsure ? "?" : " "} ${r.text}`,
      );
      if (out.length > 0) io.stdout(`${out.join("\n")}\n`);
    });
}

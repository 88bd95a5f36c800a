import type { Command } from "commander";
import { buildDemoDocket } from "../../core/demo/demo-docket.js";
import { itemLines } from "../../core/docket/docket.js";
import { parseDocket } from "../../core/docket/parse.js";
import { PpppptError } from "../../core/errors.js";
import { createDocketFile, readDocketBytes, updateDocketFile } from "../../store/docket-file.js";
import { contextOf } from "../context.js";
import { wholeNumber } from "../count-option.js";
import type { CliIO } from "../io.js";

interface DemoOptions {
  force?: boolean;
  seed: number;
}

export function registerDemo(program: Command, io: CliIO): void {
  program
    .command("demo")
    .description("write a demo docket: a director's last few months, for trying the reports")
    .option("--force", "replace a docket that already has content")
    .option("--seed <n>", "another seed gives another (equally realistic) history", wholeNumber, 1)
    .addHelpText(
      "after",
      "\nExamples:\n  ppppt --file /tmp/demo.txt demo\n  PPPPT_FILE=/tmp/demo.txt ppppt balance --quarter --role director",
    )
    .action(async (options: DemoOptions, command: Command) => {
      const ctx = contextOf(io, command);
      const seed = options.seed;
      const path = ctx.docketPath();
      const text = buildDemoDocket({ today: ctx.today(), seed });
      const created = await createDocketFile(path, text);
      if (!created) {
        const existing = (await readDocketBytes(path)).toString("utf8");
        if (existing.trim() !== "" && !options.force) {
          throw new PpppptError(`${path} already has items; the demo would replace them`, {
            hint: "Point --file (or PPPPT_FILE) at a new file, or add --force to replace it.",
          });
        }
        await updateDocketFile(path, () => ({ docket: parseDocket(text), result: undefined }));
      }
      const count = itemLines(parseDocket(text)).length;
      ctx.out(`Wrote a demo docket with ${count} items to ${path}`);
      // Pointed at with --file, the demo is not what a plain `ppppt balance` reads: say so.
      const { defaultDocketPath } = await import("../../store/paths.js");
      const ppppt = path === defaultDocketPath(ctx.env) ? "ppppt" : `ppppt -f ${shellWord(path)}`;
      ctx.out(
        ctx.style.dim(
          `Try: ${ppppt} balance --quarter --role director, ${ppppt} review, ${ppppt} next --explain`,
        ),
      );
    });
}

/** A path as one shell word, quoted only when it needs to be. */
function shellWord(path: string): string {
  return /^[\w./~+-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
}

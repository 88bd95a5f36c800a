import type { Command } from "commander";
import { buildDemoDocket } from "../../core/demo/demo-docket.js";
import { itemLines } from "../../core/docket/docket.js";
import { parseDocket } from "../../core/docket/parse.js";
import { PpppptError } from "../../core/errors.js";
import { createDocketFile, readDocketBytes, updateDocketFile } from "../../store/docket-file.js";
import { contextOf } from "../context.js";
import type { CliIO } from "../io.js";

interface DemoOptions {
  force?: boolean;
  seed: string;
}

export function registerDemo(program: Command, io: CliIO): void {
  program
    .command("demo")
    .description("write a demo docket: a director's last few months, for trying the reports")
    .option("--force", "replace a docket that already has content")
    .option("--seed <n>", "another seed gives another (equally realistic) history", "1")
    .addHelpText(
      "after",
      "\nExamples:\n  ppppt --file /tmp/demo.txt demo\n  PPPPT_FILE=/tmp/demo.txt ppppt balance --quarter --role director",
    )
    .action(async (options: DemoOptions, command: Command) => {
      const ctx = contextOf(io, command);
      const seed = Number(options.seed);
      if (!Number.isInteger(seed))
        throw new PpppptError(`--seed ${options.seed} is not a whole number`);
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
      ctx.out(
        ctx.style.dim(
          "Try: ppppt balance --quarter --role director, ppppt review, ppppt next --explain",
        ),
      );
    });
}

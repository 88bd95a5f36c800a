import { spawnSync } from "node:child_process";
import type { Command } from "commander";
import { invalidLines, replaceItem } from "../../core/docket/docket.js";
import { editItemText } from "../../core/docket/edit.js";
import { itemJson } from "../../core/docket/item-json.js";
import { PpppptError } from "../../core/errors.js";
import { plural } from "../../core/wording.js";
import { readDocketFile, updateDocketFile } from "../../store/docket-file.js";
import { contextOf } from "../context.js";
import type { CliIO } from "../io.js";
import { renderItem } from "../render.js";

export function registerEdit(program: Command, io: CliIO): void {
  program
    .command("edit")
    .description("replace an item's text, or open the whole docket in $EDITOR")
    .argument("[id]", "the item to change; without it, $VISUAL or $EDITOR opens the file")
    .argument(
      "[text...]",
      "the new wording; every tag, +project and @context it does not set is kept, as are the done mark, priority and dates",
    )
    .option("--replace", "the text is the whole new line: only the id is kept")
    .option("--json", "print the changed item as JSON")
    .addHelpText(
      "after",
      '\nExamples:\n  ppppt edit k3f9 "Write the Q1 promo packet for Dana"            # due:, rec:, +promo… stay\n  ppppt edit k3f9 "Promo packet due:2026-12-04"                  # sets a new due date\n  ppppt edit k3f9 --replace "(B) Promo packet cat:people"        # exactly this line\n  ppppt edit        # opens the docket in your editor',
    )
    .action(
      async (
        id: string | undefined,
        words: string[],
        options: { json?: boolean; replace?: boolean },
        command: Command,
      ) => {
        const ctx = contextOf(io, command);
        const path = ctx.docketPath();
        if (id === undefined) {
          await readDocketFile(path); // a clear error for a missing file before an editor opens
          const editor = ctx.env.VISUAL || ctx.env.EDITOR || "vi";
          const run = spawnSync(`${editor} "$PPPPT_EDIT_FILE"`, {
            shell: true,
            stdio: "inherit",
            env: { ...ctx.env, PPPPT_EDIT_FILE: path },
          });
          if (run.status !== 0)
            throw new PpppptError(`the editor (${editor}) exited with status ${run.status}`);
          const { docket } = await readDocketFile(path);
          const bad = invalidLines(docket);
          for (const line of bad) io.stderr(`${path}:${line.number}: ${line.problem}\n`);
          if (bad.length > 0)
            ctx.out(
              `Saved; ${plural(bad.length, "line is", "lines are")} kept as written but not read (see above).`,
            );
          return;
        }
        const text = words.join(" ").trim();
        // A missing argument, so a usage error (exit 2), though commander cannot tell: `edit`
        // alone is valid (it opens the editor).
        if (text === "")
          command.error('error: give the new text after the id: ppppt edit ID "new text"', {
            exitCode: 2,
            code: "ppppt.missingArgument",
          });
        const line = await updateDocketFile(path, (docket) => {
          const r = replaceItem(docket, id, (old) =>
            editItemText(old, text, options.replace ? "replace" : "keep"),
          );
          return { docket: r.docket, result: r.line };
        });
        if (options.json) ctx.json(itemJson(line));
        else ctx.out(`Edited ${renderItem(line, ctx.today(), ctx.style)}`);
      },
    );
}

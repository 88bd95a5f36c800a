import type { Command } from "commander";
import { CATEGORY_LABELS, parseCategory } from "../../core/category.js";
import { replaceItem } from "../../core/docket/docket.js";
import { setTag } from "../../core/docket/edit.js";
import { itemJson } from "../../core/docket/item-json.js";
import { PpppptError } from "../../core/errors.js";
import { updateDocketFile } from "../../store/docket-file.js";
import { contextOf } from "../context.js";
import type { CliIO } from "../io.js";

export function registerRecat(program: Command, io: CliIO): void {
  program
    .command("recat")
    .description("set an item's category, or confirm a guessed one; ppppt learns from both")
    .argument("<id>", "the item")
    .argument("[category]", "people, product, process, public or tech; omit to confirm the guess")
    .option("--json", "print the changed item as JSON")
    .addHelpText(
      "after",
      "\nExamples:\n  ppppt recat k3f9 people\n  ppppt recat k3f9        # keep the guessed category",
    )
    .action(
      async (
        id: string,
        name: string | undefined,
        options: { json?: boolean },
        command: Command,
      ) => {
        const ctx = contextOf(io, command);
        const category = name === undefined ? undefined : parseCategory(name);
        if (name !== undefined && !category) {
          throw new PpppptError(`"${name}" is not a category`, {
            hint: "Use people, product, process, public or tech.",
          });
        }
        const line = await updateDocketFile(ctx.docketPath(), (docket) => {
          const r = replaceItem(docket, id, (text) => {
            const current = category ?? readCategory(text);
            if (!current) {
              throw new PpppptError(`item ${id} has no category to confirm`, {
                hint: `Give one: ppppt recat ${id} CATEGORY`,
              });
            }
            return setTag(text, "cat", current);
          });
          return { docket: r.docket, result: r.line };
        });
        const stored = line.item.category;
        // Every fix and every confirmation teaches the classifier this user's words.
        if (stored) {
          const { appendCorrection } = await import("../../store/corrections-file.js");
          await appendCorrection(ctx.docketPath(), {
            date: ctx.today(),
            category: stored,
            text: line.item.title,
          });
        }
        if (options.json) ctx.json(itemJson(line));
        else {
          ctx.out(`${line.id} is ${CATEGORY_LABELS[stored ?? "people"]}: ${line.item.title}`);
          ctx.out(ctx.style.dim("  remembered: items with these words lean this way from now on"));
        }
      },
    );
}

function readCategory(text: string) {
  const m = /(?:^|\s)cat:([a-z]+)\??(?:\s|$)/.exec(text);
  return m ? parseCategory(m[1] as string) : undefined;
}

import type { Command } from "commander";
import { CATEGORY_LABELS, type Category, parseCategory } from "../../core/category.js";
import { findItem, replaceItem } from "../../core/docket/docket.js";
import { setTag } from "../../core/docket/edit.js";
import { itemJson } from "../../core/docket/item-json.js";
import { parseItem } from "../../core/docket/parse.js";
import { PpppptError } from "../../core/errors.js";
import { readDocketFile, updateDocketFile } from "../../store/docket-file.js";
import { loadGuesses } from "../categoriser.js";
import { type CliContext, contextOf } from "../context.js";
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
        // An item with no cat: is shown by `list` under the classifier's guess (`[people ?]`);
        // confirming it takes that same guess, from the same guess cache.
        const shownGuess = category === undefined ? await guessShownFor(ctx, id) : undefined;
        const line = await updateDocketFile(ctx.docketPath(), (docket) => {
          const r = replaceItem(docket, id, (text) => {
            const current = category ?? readCategory(text) ?? shownGuess?.(text);
            if (!current) {
              throw new PpppptError(`item ${id} has no category, nor a guess, to confirm`, {
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

/** For an item without a category, the guess `list` shows for it, by the item's title. */
async function guessShownFor(
  ctx: CliContext,
  id: string,
): Promise<((text: string) => Category | undefined) | undefined> {
  const { docket } = await readDocketFile(ctx.docketPath());
  const line = findItem(docket, id);
  if (line.item.category !== undefined) return undefined;
  const title = line.item.title;
  const guess = (await loadGuesses(ctx, [title]))(title);
  if (!guess) return undefined;
  // Applied only if the item still reads the same when the store re-reads the file.
  return (text) => {
    const now = parseItem(text);
    return typeof now !== "string" && now.title === title ? guess.category : undefined;
  };
}

function readCategory(text: string) {
  const m = /(?:^|\s)cat:([a-z]+)\??(?:\s|$)/.exec(text);
  return m ? parseCategory(m[1] as string) : undefined;
}

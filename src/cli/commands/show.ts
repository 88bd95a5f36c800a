import type { Command } from "commander";
import { CATEGORY_LABELS } from "../../core/category.js";
import { findItem } from "../../core/docket/docket.js";
import { itemJson } from "../../core/docket/item-json.js";
import { timeOfDay } from "../../core/docket/time-of-day.js";
import { formatDuration } from "../../core/duration.js";
import { readDocketFile } from "../../store/docket-file.js";
import { loadGuesses } from "../categoriser.js";
import { contextOf } from "../context.js";
import type { CliIO } from "../io.js";

export function registerShow(program: Command, io: CliIO): void {
  program
    .command("show")
    .description("show one item in full: every field and the line as stored")
    .argument("<id>", "the item")
    .option("--json", "print the item as JSON")
    .addHelpText("after", "\nExample:\n  ppppt show k3f9")
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      const ctx = contextOf(io, command);
      const { docket } = await readDocketFile(ctx.docketPath());
      const line = findItem(docket, id);
      if (options.json) {
        ctx.json(itemJson(line));
        return;
      }
      const it = line.item;
      let none = "none";
      if (!it.category) {
        // Only an item without a category pays for loading the classifier.
        const guess = (await loadGuesses(ctx, [it.title]))(it.title);
        if (guess) {
          none = `none; the classifier guesses ${CATEGORY_LABELS[guess.category]} (p=${guess.probability.toFixed(2)}): \`ppppt recat ${line.id} ${guess.category}\` keeps it`;
        }
      }
      const rows: [string, string | undefined][] = [
        [
          "id",
          line.id +
            (line.duplicateOf !== undefined
              ? ` (from the text: id:${it.ownId} is already used on line ${line.duplicateOf}; \`ppppt check --fix\` or the first change gives it its own)`
              : it.ownId
                ? ""
                : " (from the text; written down on the first change)"),
        ],
        ["title", it.title],
        ["status", it.done ? `done ${it.completed ?? ""}`.trim() : "open"],
        [
          "category",
          it.category
            ? `${CATEGORY_LABELS[it.category]}${it.categoryGuess ? " (a guess)" : ""}`
            : none,
        ],
        ["priority", it.priority],
        ["created", it.created],
        ["due", it.due],
        ["at", timeOfDay(line)],
        ["starts", it.threshold],
        [
          "repeats",
          it.rec
            ? `every ${it.rec.count}${it.rec.unit}${it.rec.strict ? " after the due date" : " after completion"}`
            : undefined,
        ],
        ["estimate", it.estimate === undefined ? undefined : formatDuration(it.estimate)],
        ["spent", it.spent === undefined ? undefined : formatDuration(it.spent)],
        ["projects", it.projects.map((p) => `+${p}`).join(" ") || undefined],
        ["contexts", it.contexts.map((c) => `@${c}`).join(" ") || undefined],
        ["hidden", it.hidden ? "yes (h:1)" : undefined],
        ["line", `${ctx.docketPath()}:${line.number}`],
        ["stored", line.text],
      ];
      for (const [label, value] of rows) {
        if (value !== undefined && value !== "")
          ctx.out(`${ctx.style.dim(label.padEnd(9))} ${value}`);
      }
    });
}

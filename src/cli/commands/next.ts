import type { Command } from "commander";
import { CATEGORY_LABELS } from "../../core/category.js";
import { itemJson } from "../../core/docket/item-json.js";
import { type NextItem, rankNext } from "../../core/lens/next.js";
import { contextOf } from "../context.js";
import { requireCount, wholeNumber } from "../count-option.js";
import type { CliIO } from "../io.js";
import { renderItem } from "../render.js";
import { ROLE_OPTION } from "../role-option.js";

interface NextOptions {
  number: number;
  explain?: boolean;
  role?: string;
  json?: boolean;
}

export function registerNext(program: Command, io: CliIO): void {
  program
    .command("next")
    .description("what to do now: open items ranked by due date, priority, age and category need")
    .option("-n, --number <n>", "how many items to show", wholeNumber, 5)
    .option("--explain", "show each item's score terms (factor × weight)")
    .option(...ROLE_OPTION)
    .option("--json", "print the ranking with every score term as JSON")
    .addHelpText(
      "after",
      "\nThe score is due + priority + age + category need, each a factor from 0 to 1 times a\nweight you can set under next.weights in the config file (docs/config.md).\n\nExamples:\n  ppppt next\n  ppppt next -n 10 --explain",
    )
    .action(async (options: NextOptions, command: Command) => {
      const ctx = contextOf(io, command);
      const n = requireCount(options.number);
      const { loadLensInput } = await import("../lens-context.js");
      const input = await loadLensInput(ctx, options.role);
      const result = rankNext(input.lines, input.today, {
        target: input.settings.target,
        starvingWeeks: input.settings.starvingWeeks,
        next: input.settings.next,
        categorise: input.categorise,
      });
      const shown = result.items.slice(0, n);
      if (options.json) {
        ctx.json({
          today: result.today,
          window: result.window,
          weights: input.settings.next.weights,
          needs: result.needs,
          items: shown.map(nextJson),
        });
        return;
      }
      if (shown.length === 0) {
        ctx.out("Nothing open. Add an item with `ppppt add`, or take up a practice: `ppppt plan`.");
        return;
      }
      shown.forEach((entry, i) => {
        const cat = entry.category
          ? ctx.style.cyan(`[${CATEGORY_LABELS[entry.category]}${entry.predicted ? "?" : ""}]`)
          : ctx.style.dim("[no category]");
        ctx.out(
          `${String(i + 1).padStart(2)}. ${ctx.style.bold(entry.score.toFixed(1).padStart(5))}  ${cat} ${renderItem(entry.line, input.today, ctx.style)}`,
        );
        if (options.explain) {
          for (const t of entry.terms) {
            ctx.out(
              ctx.style.dim(
                `      ${t.name.padEnd(8)} ${t.factor.toFixed(2)} × ${String(t.weight).padEnd(3)} = ${t.value.toFixed(2).padStart(5)}  ${t.why}`,
              ),
            );
          }
        }
      });
      if (!options.explain) ctx.out(ctx.style.dim("`ppppt next --explain` shows why."));
    });
}

function nextJson(entry: NextItem) {
  return {
    score: entry.score,
    category: entry.category ?? null,
    categoryPredicted: entry.predicted,
    terms: entry.terms,
    item: itemJson(entry.line),
  };
}

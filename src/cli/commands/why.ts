import type { Command } from "commander";
import { CATEGORY_LABELS } from "../../core/category.js";
import { findItem } from "../../core/docket/docket.js";
import { readDocketFile } from "../../store/docket-file.js";
import { loadClassifierFor } from "../categoriser.js";
import { contextOf } from "../context.js";
import { requireCount, wholeNumber } from "../count-option.js";
import type { CliIO } from "../io.js";

export function registerWhy(program: Command, io: CliIO): void {
  program
    .command("why")
    .description("explain an item's category: the words that weighed most")
    .argument("<id>", "the item")
    .option("-n, --words <count>", "how many words to show on each side", wholeNumber, 5)
    .option("--json", "print the explanation as JSON")
    .addHelpText("after", "\nExample:\n  ppppt why k3f9")
    .action(async (id: string, options: { json?: boolean; words: number }, command: Command) => {
      const ctx = contextOf(io, command);
      const { docket } = await readDocketFile(ctx.docketPath());
      const line = findItem(docket, id);
      const limit = requireCount(options.words);
      const classifier = await loadClassifierFor(ctx.docketPath());
      const why = classifier.explain(line.item.title, limit);
      const stored = line.item.category;
      if (options.json) {
        ctx.json({
          id: line.id,
          title: line.item.title,
          stored: stored ?? null,
          storedGuess: line.item.categoryGuess,
          category: why.category,
          probability: round(why.probability),
          runnerUp: why.runnerUp,
          runnerUpProbability: round(why.runnerUpProbability),
          for: why.for,
          against: why.against,
        });
        return;
      }
      const label = CATEGORY_LABELS;
      ctx.out(`${line.id} ${line.item.title}`);
      const model = `the model says ${label[why.category]} (${why.probability.toFixed(2)}), then ${label[why.runnerUp]} (${why.runnerUpProbability.toFixed(2)})`;
      if (!stored) ctx.out(`  no category stored; ${model}`);
      else if (line.item.categoryGuess) ctx.out(`  stored as ${label[stored]}, a guess; ${model}`);
      else ctx.out(`  stored as ${label[stored]}; ${model}`);
      const list = (words: { text: string; weight: number }[]) =>
        words.map((w) => `    ${w.text.padEnd(24)} ${w.weight.toFixed(2)}`);
      if (why.for.length === 0)
        ctx.out(`  no word speaks for ${label[why.category]} over ${label[why.runnerUp]}`);
      else {
        ctx.out(`  for ${label[why.category]} rather than ${label[why.runnerUp]}:`);
        for (const l of list(why.for)) ctx.out(l);
      }
      if (why.against.length > 0) {
        ctx.out(`  for ${label[why.runnerUp]}:`);
        for (const l of list(why.against)) ctx.out(l);
      }
      ctx.out(ctx.style.dim("  (weights in nats: +1 makes a category e ≈ 2.7 times likelier)"));
      if (stored && stored !== why.category && !line.item.categoryGuess) {
        ctx.out(
          ctx.style.dim(
            `  your category wins: \`ppppt recat ${line.id} ${stored}\` teaches the model`,
          ),
        );
      }
    });
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}

import type { Command } from "commander";
import { dueSnapshot, reviewJson, reviewMarkdown, weeklyReview } from "../../core/lens/review.js";
import { readAssessment, readDueSnapshot, writeReviewNote } from "../../store/lens-files.js";
import { loadPlaybooks } from "../../store/playbook-files.js";
import { contextOf } from "../context.js";
import type { CliIO } from "../io.js";
import { loadLensInput, ROLE_OPTION } from "../lens-context.js";

interface ReviewOptions {
  write?: boolean;
  role?: string;
  json?: boolean;
  md?: boolean;
}

export function registerReview(program: Command, io: CliIO): void {
  program
    .command("review")
    .description(
      "the weekly review: done per category, what slipped, the drift, what to take up next",
    )
    .option("-w, --write", "save it as reviews/YYYY-MM-DD.md beside the docket")
    .option(...ROLE_OPTION)
    .option("--json", "print the review as JSON")
    .option("--md", "print the review as Markdown (the same text --write saves)")
    .addHelpText(
      "after",
      "\nCovers the seven days ending today. Items whose due date moved later since the last\nwritten review are listed as pushed.\n\nExamples:\n  ppppt review\n  ppppt review --write",
    )
    .action(async (options: ReviewOptions, command: Command) => {
      const ctx = contextOf(io, command);
      const input = await loadLensInput(ctx, options.role);
      const review = weeklyReview({
        lines: input.lines,
        today: input.today,
        settings: input.settings,
        practices: await loadPlaybooks(ctx.env),
        answers: (await readAssessment(input.docketPath))?.answers,
        previousDue: await readDueSnapshot(input.docketPath),
        categorise: input.categorise,
      });
      const markdown = reviewMarkdown(review);
      let saved: string | undefined;
      if (options.write) {
        saved = await writeReviewNote(
          input.docketPath,
          input.today,
          markdown,
          dueSnapshot(input.lines),
        );
      }
      if (options.json) {
        ctx.json({ ...reviewJson(review), saved: saved ?? null });
        return;
      }
      if (options.md || !options.write) ctx.out(markdown.trimEnd());
      if (saved) ctx.out(`Saved ${saved}`);
    });
}

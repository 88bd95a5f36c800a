import type { Command } from "commander";
import { dueSnapshot, reviewJson, reviewMarkdown, weeklyReview } from "../../core/lens/review.js";
import { contextOf } from "../context.js";
import type { CliIO } from "../io.js";
import { ROLE_OPTION } from "../role-option.js";

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
      const { loadLensInput } = await import("../lens-context.js");
      const { readAssessment, readDueSnapshot, writeReviewNote } = await import(
        "../../store/lens-files.js"
      );
      const { loadPlaybooks } = await import("../../store/playbook-files.js");
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

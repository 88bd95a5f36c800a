import type { Command } from "commander";
import { contextOf } from "../context.js";
import type { CliIO } from "../io.js";
import { LAST_OPTION } from "../period-option.js";
import { ROLE_OPTION } from "../role-option.js";

interface ReviewOptions {
  write?: boolean;
  last?: string;
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
    .option("-w, --write", "save it in reviews/YYYY-MM-DD.md beside the docket, keeping your notes")
    .option(...LAST_OPTION)
    .option(...ROLE_OPTION)
    .option("--json", "print the review as JSON")
    .option("--md", "print the review as Markdown (the part --write saves)")
    .addHelpText(
      "after",
      "\nCovers the seven days ending today (--last 30d for longer). Items whose due date moved\nlater since the last written review are listed as pushed. --write updates only the part\nbetween <!-- ppppt:begin --> and <!-- ppppt:end --> in that day's note; anything you wrote\naround it is kept (a note without the markers is kept whole, the review appended).\n\nExamples:\n  ppppt review\n  ppppt review --write\n  ppppt review --last 30d --md",
    )
    .action(async (options: ReviewOptions, command: Command) => {
      const ctx = contextOf(io, command);
      const { loadLensInput } = await import("../lens-context.js");
      const { readAssessment, readDueSnapshot, writeReviewNote } = await import(
        "../../store/lens-files.js"
      );
      const { loadPlaybooks } = await import("../../store/playbook-files.js");
      const { buildReviewReport, dueSnapshot, reviewJson, reviewMarkdown } = await import(
        "../../core/lens/review.js"
      );
      const { lastDaysPeriod, parseLastDays } = await import("../../core/lens/period.js");
      const input = await loadLensInput(ctx, options.role);
      const review = buildReviewReport({
        // Every report reads the same input: the docket, the done file, settings, today, meetings.
        ...input,
        period:
          options.last === undefined
            ? undefined
            : lastDaysPeriod(parseLastDays(options.last), input.today),
        practices: await loadPlaybooks(ctx.env),
        answers: (await readAssessment(input.docketPath))?.answers,
        previousDue: await readDueSnapshot(input.docketPath),
      });
      const markdown = reviewMarkdown(review);
      let saved: Awaited<ReturnType<typeof writeReviewNote>> | undefined;
      if (options.write) {
        saved = await writeReviewNote(
          input.docketPath,
          input.today,
          markdown,
          dueSnapshot(input.lines),
        );
      }
      if (options.json) {
        ctx.json({ ...reviewJson(review), saved: saved?.path ?? null });
        return;
      }
      if (options.md || !options.write) ctx.out(markdown.trimEnd());
      if (saved) {
        const how =
          saved.merge === "created"
            ? "Saved"
            : saved.merge === "updated"
              ? "Updated the review in"
              : "Kept your text and added the review at the end of";
        ctx.out(`${how} ${saved.path}`);
      }
    });
}

import type { Command } from "commander";
import { contextOf } from "../context.js";
import type { CliIO } from "../io.js";
import { LAST_OPTION } from "../period-option.js";
import { ROLE_OPTION } from "../role-option.js";

interface DeckOptions {
  week?: boolean;
  month?: boolean;
  quarter?: boolean;
  last?: string;
  since?: string;
  out?: string;
  md?: boolean;
  json?: boolean;
  redact?: boolean;
  role?: string;
}

export function registerDeck(program: Command, io: CliIO): void {
  program
    .command("deck")
    .description(
      "the status update as an editable .pptx (or Markdown) that tells the period's story",
    )
    .option("--week", "this calendar week (Monday to today)")
    .option("--month", "this calendar month")
    .option("--quarter", "this calendar quarter")
    .option(...LAST_OPTION)
    .option("--since <date>", 'from this date to today (2026-09-01, "3 weeks ago")')
    .option(
      "-o, --out <file>",
      "where to write it (default: status-<today>.pptx, or .md with --md)",
    )
    .option("--md", "write the same story as Markdown (printed when --out is not given)")
    .option("--json", "print the story (slides, bullets, chart data, notes) as JSON")
    .option(
      "--redact",
      "turn people's names into initials (with: tags, people: in the config, 1:1s)",
    )
    .option(...ROLE_OPTION)
    .addHelpText(
      "after",
      "\nThe default period is the last 7 days. Items tagged private:1 never appear. Items tagged ask:1 are the deck's asks. The look comes\nfrom deck-theme.yaml in the config folder (docs/deck.md).\n\nExamples:\n  ppppt deck\n  ppppt deck --month --out november.pptx\n  ppppt deck --last 14d --md --redact",
    )
    .action(async (options: DeckOptions, command: Command) => {
      const ctx = contextOf(io, command);
      const { loadLensInput } = await import("../lens-context.js");
      const { readAssessment, readDueSnapshot } = await import("../../store/lens-files.js");
      const { loadPlaybooks } = await import("../../store/playbook-files.js");
      const { knownPeople, readDeckTheme, writeDeckOutput } = await import(
        "../../store/deck-files.js"
      );
      const { buildDeck, DECK_DAYS } = await import("../../core/deck/deck-report.js");
      const input = await loadLensInput(ctx, options.role);
      const { periodFromFlags } = await import("../period-option.js");
      const { lastDaysPeriod } = await import("../../core/lens/period.js");
      const period = await periodFromFlags(
        options,
        input.today,
        lastDaysPeriod(DECK_DAYS, input.today),
      );
      // Read the theme first: a broken theme file should fail before any work is done.
      const theme = options.md || options.json ? undefined : await readDeckTheme(ctx.env);
      const story = buildDeck({
        lines: input.lines,
        doneLines: input.doneLines,
        settings: input.settings,
        today: input.today,
        period,
        categorise: input.categorise,
        practices: await loadPlaybooks(ctx.env),
        answers: (await readAssessment(input.docketPath))?.answers,
        previousDue: await readDueSnapshot(input.docketPath),
        ...(options.redact ? { redact: { names: knownPeople(input.config) } } : {}),
      });
      if (options.json) {
        ctx.json(story);
        return;
      }
      if (options.md) {
        const { deckMarkdown } = await import("../../core/deck/markdown.js");
        const markdown = deckMarkdown(story);
        if (options.out === undefined) {
          ctx.out(markdown.trimEnd());
          return;
        }
        await writeDeckOutput(options.out, markdown);
        ctx.out(`Wrote ${options.out} (${story.slides.length} sections)`);
        return;
      }
      const { pptxOfStory } = await import("../../writers/pptx-deck.js");
      const out = options.out ?? `status-${input.today}.pptx`;
      const loaded = theme as NonNullable<typeof theme>;
      const bytes = await pptxOfStory(story, loaded.theme, loaded.logo);
      await writeDeckOutput(out, bytes);
      ctx.out(
        `Wrote ${out}: ${story.slides.length} slides, ${story.title}${story.nothingDone ? " (nothing done in this period)" : ""}${story.redacted ? ", names redacted" : ""}`,
      );
    });
}

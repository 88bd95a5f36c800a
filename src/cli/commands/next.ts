import type { Command } from "commander";
import { CATEGORIES, CATEGORY_LABELS } from "../../core/category.js";
import { itemJson } from "../../core/docket/item-json.js";
import { formatDuration } from "../../core/duration.js";
import type { NextEntry, NextReportInput } from "../../core/lens/next.js";
import { contextOf } from "../context.js";
import { requireCount, wholeNumber } from "../count-option.js";
import type { CliIO } from "../io.js";
import { LAST_OPTION } from "../period-option.js";
import { renderItem } from "../render.js";
import { ROLE_OPTION } from "../role-option.js";

interface NextOptions {
  number: number;
  explain?: boolean;
  last?: string;
  role?: string;
  json?: boolean;
}

export function registerNext(program: Command, io: CliIO): void {
  program
    .command("next")
    .description("what to do now: open items ranked by due date, priority, age and category need")
    .option("-n, --number <n>", "how many items to show", wholeNumber, 5)
    .option("--explain", "show each item's score terms (factor × weight)")
    .option(LAST_OPTION[0], "measure the category need over the last days: 7d, 30d, 90d")
    .option(...ROLE_OPTION)
    .option("--json", "print the ranking with every score term as JSON")
    .addHelpText(
      "after",
      "\nThe score is due + priority + age + category need, each a factor from 0 to 1 times a\nweight you can set under next.weights in the config file (docs/config.md). The top five\nalways hold one entry for the most starving category: its best open item, or the practice\nto take up for it.\n\nExamples:\n  ppppt next\n  ppppt next -n 10 --explain\n  ppppt next --last 90d",
    )
    .action(async (options: NextOptions, command: Command) => {
      const ctx = contextOf(io, command);
      const n = requireCount(options.number);
      const { loadLensInput } = await import("../lens-context.js");
      const { buildNextReport, starvingSlotWhy, topEntries } = await import(
        "../../core/lens/next.js"
      );
      const { lastDaysPeriod, parseLastDays } = await import("../../core/lens/period.js");
      const input = await loadLensInput(ctx, options.role);
      const reportInput: NextReportInput = {
        // Every report reads the same input: the docket, the done file, settings, today, meetings.
        ...input,
        period:
          options.last === undefined
            ? undefined
            : lastDaysPeriod(parseLastDays(options.last), input.today),
      };
      let report = buildNextReport(reportInput);
      if (report.starving && report.starving.itemId === null) {
        // Only a starving category with no open item needs the playbook (reading it costs
        // the YAML parser and the schema): its practice takes the slot.
        const { loadPlaybooks } = await import("../../store/playbook-files.js");
        const { readAssessment } = await import("../../store/lens-files.js");
        report = buildNextReport({
          ...reportInput,
          practices: await loadPlaybooks(ctx.env),
          answers: (await readAssessment(input.docketPath))?.answers,
        });
      }
      const shown = topEntries(report, n);
      if (options.json) {
        ctx.json({
          today: report.today,
          period: report.period,
          window: report.window,
          weights: report.weights,
          needs: report.needs,
          starving: report.starving,
          meetingHours: report.meetingHours,
          items: shown.flatMap((e) => (e.kind === "item" ? [entryJson(e)] : [])),
          entries: shown.map(entryJson),
        });
        return;
      }
      if (!shown.some((e) => e.kind === "item"))
        ctx.out("Nothing open. Add an item with `ppppt add`, or take up a practice: `ppppt plan`.");
      shown.forEach((e, i) => {
        const rank = `${String(i + 1).padStart(2)}.`;
        if (e.kind === "practice") {
          ctx.out(
            `${rank} ${"".padStart(5)}  ${ctx.style.cyan(`[${CATEGORY_LABELS[e.category]}]`)} take up a practice: ${ctx.style.bold(e.practice.title)} ${ctx.style.dim(`(\`ppppt plan --add ${e.practice.id}\`)`)}`,
          );
          if (options.explain && report.starving)
            ctx.out(ctx.style.dim(`      ${starvingSlotWhy(report.starving)}`));
          return;
        }
        const entry = e.entry;
        const cat = entry.category
          ? ctx.style.cyan(`[${CATEGORY_LABELS[entry.category]}${entry.predicted ? "?" : ""}]`)
          : ctx.style.dim("[no category]");
        ctx.out(
          `${rank} ${ctx.style.bold(entry.score.toFixed(1).padStart(5))}  ${cat} ${renderItem(entry.line, input.today, ctx.style)}`,
        );
        if (options.explain) {
          for (const t of entry.terms) {
            ctx.out(
              ctx.style.dim(
                `      ${t.name.padEnd(8)} ${t.factor.toFixed(2)} × ${String(t.weight).padEnd(3)} = ${t.value.toFixed(2).padStart(5)}  ${t.why}`,
              ),
            );
          }
          if (entry.keptForStarving && report.starving)
            ctx.out(ctx.style.dim(`      ${starvingSlotWhy(report.starving)}`));
        }
      });
      if (report.items.length > 0)
        ctx.out(
          ctx.style.dim(
            `Category need over the ${report.period.label}.${options.explain ? "" : " `ppppt next --explain` shows why."}`,
          ),
        );
      if (report.meetingHours && report.meetingHours.meetings > 0) {
        const h = report.meetingHours;
        const parts = CATEGORIES.filter((c) => h.minutes[c] > 0).map(
          (c) => `${CATEGORY_LABELS[c]} ${formatDuration(Math.round(h.minutes[c]))}`,
        );
        ctx.out(
          ctx.style.dim(
            `Meetings over the same days, beside the items: ${parts.join(", ") || "none categorised"} (ppppt calendar load).`,
          ),
        );
      }
    });
}

function entryJson(e: NextEntry) {
  if (e.kind === "practice") {
    return { kind: "practice" as const, category: e.category, practice: e.practice };
  }
  const entry = e.entry;
  return {
    kind: "item" as const,
    score: entry.score,
    category: entry.category ?? null,
    categoryPredicted: entry.predicted,
    keptForStarving: entry.keptForStarving === true,
    terms: entry.terms,
    item: itemJson(entry.line),
  };
}

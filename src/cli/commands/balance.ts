import type { Command } from "commander";
import { meetingTimeMarkdown } from "../../core/calendar/meeting-time.js";
import { CATEGORY_LABELS } from "../../core/category.js";
import { formatDuration } from "../../core/duration.js";
import type { BalanceResult } from "../../core/lens/balance.js";
import type { BalanceReport } from "../../core/lens/balance-report.js";
import { ROLE_LABELS } from "../../core/lens/roles.js";
import { signedPoints } from "../../core/lens/rounding.js";
import { plural } from "../../core/wording.js";
import { contextOf } from "../context.js";
import type { CliIO } from "../io.js";
import { LAST_OPTION } from "../period-option.js";
import { activityLines, balanceLines, trendLines } from "../render-lens.js";
import { ROLE_OPTION } from "../role-option.js";

interface BalanceOptions {
  week?: boolean;
  month?: boolean;
  quarter?: boolean;
  since?: string;
  last?: string;
  role?: string;
  json?: boolean;
  md?: boolean;
}

export function registerBalance(program: Command, io: CliIO): void {
  program
    .command("balance")
    .description("where effort went per category against your role's target mix")
    .option("--week", "this calendar week (Monday to today)")
    .option("--month", "this calendar month")
    .option("--quarter", "this calendar quarter")
    .option("--since <date>", 'from this date to today (2026-09-01, "3 weeks ago")')
    .option(...LAST_OPTION)
    .option(...ROLE_OPTION)
    .option("--json", "print the report as JSON")
    .option("--md", "print the report as Markdown")
    .addHelpText(
      "after",
      "\nThe default period is the last 30 days. Effort counts time spent (spent:), else the estimate\n(est:), else the period's average; with no times at all, each done item counts 1. The report\nsays which, and with fewer than 5 done items it says there is too little to judge.\nArchived items (the done file beside the docket) count too.\n\nExamples:\n  ppppt balance\n  ppppt balance --quarter --role director\n  ppppt balance --last 90d --json\n  ppppt balance --since 2026-09-01",
    )
    .action(async (options: BalanceOptions, command: Command) => {
      const ctx = contextOf(io, command);
      // The config reader brings the YAML parser and the schema library: loaded on use.
      const { loadLensInput } = await import("../lens-context.js");
      const input = await loadLensInput(ctx, options.role);
      const { periodFromFlags } = await import("../period-option.js");
      const { buildBalanceReport } = await import("../../core/lens/balance-report.js");
      const report = buildBalanceReport({
        // Every report reads the same input: the docket, the done file, settings, today, meetings.
        ...input,
        period: await periodFromFlags(options, input.today),
      });
      if (options.json) {
        ctx.json(report);
        return;
      }
      if (options.md) {
        ctx.out(balanceMarkdown(report).trimEnd());
        return;
      }
      const b = report.balance;
      ctx.out(
        ctx.style.bold(
          `Balance ${b.period.label} (${b.period.start} to ${b.period.end}), ${ROLE_LABELS[b.role]}`,
        ),
      );
      ctx.out(ctx.style.dim(effortLine(b)));
      for (const line of balanceLines(b, ctx.style)) ctx.out(line);
      ctx.out(b.judged ? b.judgement : ctx.style.yellow(b.judgement));
      notes(report).forEach((n) => {
        ctx.out(ctx.style.dim(n));
      });
      if (report.meetings) {
        ctx.out("");
        ctx.out(ctx.style.bold("Where the time went (meetings and items)"));
        for (const line of meetingTimeMarkdown(report.meetings)) ctx.out(`  ${line}`);
      }
      const starving = activityLines(report.activity, report.starvingWeeks);
      if (starving.length > 0) {
        ctx.out("");
        ctx.out(ctx.style.bold("Starving"));
        for (const line of starving) ctx.out(`  ${ctx.style.red(line)}`);
      }
      ctx.out("");
      ctx.out(
        ctx.style.bold(`Trend, share per ${report.trendKind} over the last ${report.trend.length}`),
      );
      for (const line of trendLines(report.trend)) ctx.out(`  ${line}`);
    });
}

function effortLine(b: BalanceResult): string {
  if (b.total === 0) return "Nothing done in this period.";
  return `Effort ${b.basisNote}; ${b.totalNote}.`;
}

function notes(report: BalanceReport): string[] {
  const b = report.balance;
  const out: string[] = [];
  if (report.sources.doneFile > 0)
    out.push(`${plural(report.sources.doneFile, "done item")} read from the done file (archived).`);
  if (b.predicted > 0)
    out.push(
      `${plural(b.predicted, "item has", "items have")} no cat: tag; their category is predicted.`,
    );
  if (b.uncategorised > 0)
    out.push(
      `${plural(b.uncategorised, "done item has", "done items have")} no category and are left out.`,
    );
  if (b.undated > 0)
    out.push(
      `${plural(b.undated, "done item has", "done items have")} no completion date and are left out.`,
    );
  return out;
}

export function balanceMarkdown(report: BalanceReport): string {
  const b = report.balance;
  const out = [
    `# Balance ${b.period.label}`,
    "",
    `${b.period.start} to ${b.period.end}, judged as ${ROLE_LABELS[b.role]}. ${effortLine(b)}`,
    "",
    "| category | items | effort | share | target | drift |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const r of b.categories) {
    const effort = b.basis === "time" ? formatDuration(r.effort) : String(r.effort);
    out.push(
      `| ${CATEGORY_LABELS[r.category]} | ${r.items} | ${effort} | ${r.sharePct}% | ${r.target}% | ${signedPoints(r.driftPts)} |`,
    );
  }
  out.push("", b.judgement);
  for (const n of notes(report)) out.push("", n);
  if (report.meetings) {
    out.push("", "## Where the time went", "", ...meetingTimeMarkdown(report.meetings));
  }
  const starving = activityLines(report.activity, report.starvingWeeks);
  if (starving.length > 0) out.push("", "## Starving", "", ...starving.map((s) => `- ${s}`));
  out.push(
    "",
    "## Trend",
    "",
    `| period | ${b.categories.map((r) => CATEGORY_LABELS[r.category]).join(" | ")} |`,
  );
  out.push(`| --- |${" ---: |".repeat(b.categories.length)}`);
  for (const p of report.trend) {
    out.push(
      `| ${p.label} | ${b.categories.map((r) => `${p.sharesPct[r.category]}%`).join(" | ")} |`,
    );
  }
  return `${out.join("\n")}\n`;
}

import type { Command } from "commander";
import { CATEGORY_LABELS } from "../../core/category.js";
import { formatDuration } from "../../core/duration.js";
import { PpppptError } from "../../core/errors.js";
import { type BalanceResult, balanceOfLensItems } from "../../core/lens/balance.js";
import { lensItems } from "../../core/lens/lens-items.js";
import { type Period, type PeriodKind, periodOf, sincePeriod } from "../../core/lens/period.js";
import { ROLE_LABELS } from "../../core/lens/roles.js";
import { activityOfLensItems, type CategoryActivity } from "../../core/lens/starving.js";
import { balanceTrend, type TrendPoint } from "../../core/lens/trend.js";
import { plural } from "../../core/wording.js";
import { contextOf } from "../context.js";
import type { CliIO } from "../io.js";
import { activityLines, balanceLines, signed, trendLines } from "../render-lens.js";
import { ROLE_OPTION } from "../role-option.js";

interface BalanceOptions {
  week?: boolean;
  month?: boolean;
  quarter?: boolean;
  since?: string;
  role?: string;
  json?: boolean;
  md?: boolean;
}

export interface BalanceReport {
  balance: BalanceResult;
  activity: CategoryActivity[];
  starvingWeeks: number;
  trend: TrendPoint[];
}

export function registerBalance(program: Command, io: CliIO): void {
  program
    .command("balance")
    .description("where effort went per category against your role's target mix")
    .option("--week", "this calendar week (Monday to today)")
    .option("--month", "this calendar month (the default)")
    .option("--quarter", "this calendar quarter")
    .option("--since <date>", 'from this date to today (2026-09-01, "3 weeks ago")')
    .option(...ROLE_OPTION)
    .option("--json", "print the report as JSON")
    .option("--md", "print the report as Markdown")
    .addHelpText(
      "after",
      "\nEffort counts time spent (spent:), else the estimate (est:), else the period's average;\nwith no times at all, each done item counts 1. The report says which.\n\nExamples:\n  ppppt balance\n  ppppt balance --quarter --role director\n  ppppt balance --since 2026-09-01 --json",
    )
    .action(async (options: BalanceOptions, command: Command) => {
      const ctx = contextOf(io, command);
      // The config reader brings the YAML parser and the schema library: loaded on use.
      const { loadLensInput } = await import("../lens-context.js");
      const input = await loadLensInput(ctx, options.role);
      const { today, settings } = input;
      const chosen = [options.week, options.month, options.quarter, options.since].filter(
        (x) => x !== undefined && x !== false,
      );
      if (chosen.length > 1) {
        throw new PpppptError("choose one of --week, --month, --quarter and --since");
      }
      let period: Period;
      let kind: PeriodKind = "month";
      if (options.since !== undefined) {
        const { requireNaturalDate } = await import("../../core/natural-date.js");
        const start = requireNaturalDate(options.since, today, "date for --since");
        if (start > today) throw new PpppptError(`--since ${start} is after today (${today})`);
        period = sincePeriod(start, today);
        kind = "week";
      } else {
        if (options.week) kind = "week";
        if (options.quarter) kind = "quarter";
        period = periodOf(kind, today, today);
      }
      const items = lensItems(input.lines, input.categorise);
      const report: BalanceReport = {
        balance: balanceOfLensItems(items, period, settings.target, today),
        activity: activityOfLensItems(items, today, settings.starvingWeeks),
        starvingWeeks: settings.starvingWeeks,
        trend: balanceTrend(input.lines, kind, settings.target, today, input.categorise),
      };
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
      ctx.out(`Off target by ${b.drift.toFixed(0)} points of the period's effort.`);
      notes(b).forEach((n) => {
        ctx.out(ctx.style.dim(n));
      });
      const starving = activityLines(report.activity, report.starvingWeeks);
      if (starving.length > 0) {
        ctx.out("");
        ctx.out(ctx.style.bold("Starving"));
        for (const line of starving) ctx.out(`  ${ctx.style.red(line)}`);
      }
      ctx.out("");
      ctx.out(ctx.style.bold(`Trend, share per ${kind} over the last ${report.trend.length}`));
      for (const line of trendLines(report.trend)) ctx.out(`  ${line}`);
    });
}

function effortLine(b: BalanceResult): string {
  if (b.total === 0) return "Nothing done in this period.";
  return `Effort ${b.basisNote}; total ${totalText(b)}.`;
}

function totalText(b: BalanceResult): string {
  return b.basis === "time" ? formatDuration(b.total) : plural(b.total, "item");
}

function notes(b: BalanceResult): string[] {
  const out: string[] = [];
  if (b.predicted > 0)
    out.push(`${b.predicted} items have no cat: tag; their category is predicted.`);
  if (b.uncategorised > 0)
    out.push(`${b.uncategorised} done items have no category and are left out.`);
  if (b.undated > 0) out.push(`${b.undated} done items have no completion date and are left out.`);
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
      `| ${CATEGORY_LABELS[r.category]} | ${r.items} | ${effort} | ${r.share.toFixed(0)}% | ${r.target}% | ${signed(r.drift)} |`,
    );
  }
  out.push("", `Off target by ${b.drift.toFixed(0)} points.`);
  for (const n of notes(b)) out.push("", n);
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
      `| ${p.label} | ${b.categories.map((r) => `${p.shares[r.category].toFixed(0)}%`).join(" | ")} |`,
    );
  }
  return `${out.join("\n")}\n`;
}

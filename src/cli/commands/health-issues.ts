import { resolve } from "node:path";
import { type Command, InvalidArgumentError } from "commander";
import type { IssueFigures } from "../../core/health/issues.js";
import type { Tracker } from "../../core/import/issue-record.js";
import { plural } from "../../core/wording.js";
import type { IssueIngestOutcome } from "../../store/health-issues.js";
import { contextOf, ExitStatus } from "../context.js";
import type { CliIO } from "../io.js";
import { asProgramDoes } from "../subcommand.js";
import { reportNow } from "./slo.js";

/** `ppppt health ingest-issues FILE...` and `ppppt health bugs`: bugs and tech debt from issue exports. */

function trackerArg(value: string): Tracker {
  const v = value.toLowerCase();
  if (v === "github" || v === "gitlab" || v === "jira") return v;
  throw new InvalidArgumentError("use github, gitlab or jira");
}

function outcomeLine(o: IssueIngestOutcome): string {
  if (o.error !== undefined) return `rejected ${o.error}`;
  const parts = [plural(o.issues ?? 0, "issue")];
  if (o.pullRequests) parts.push(`${plural(o.pullRequests, "pull request")} left out`);
  if (o.notPlanned) parts.push(`${o.notPlanned} closed as not planned left out`);
  parts.push(plural(o.bugs ?? 0, "bug"), `${o.techDebt ?? 0} tech debt`);
  const median =
    o.medianHoursToClose === null || o.medianHoursToClose === undefined
      ? ""
      : `, median ${o.medianHoursToClose} h to close`;
  return `${o.new ? "ingested" : "already ingested"} ${o.file} (${o.tracker} ${o.shape}): ${parts.join(", ")}${median}`;
}

function days(x: number | null): string {
  return x === null ? "-" : `${Math.round(x)} d`;
}

function hours(x: number | null): string {
  if (x === null) return "-";
  return x < 48 ? `${x.toFixed(1)} h` : `${(x / 24).toFixed(1)} d`;
}

function figureLines(f: IssueFigures): string[] {
  const b = f.bugs;
  const lines = [
    `${plural(b.open, "open bug")}, ${plural(b.closed, "closed bug")} (of ${plural(f.issues, "issue")})`,
  ];
  if (b.closedDateUnknown > 0) lines.push(`  ${b.closedDateUnknown} closed with no closing date`);
  if (b.stateUnknown > 0) lines.push(`  ${b.stateUnknown} with no state in the export`);
  for (const p of b.byPriority) {
    lines.push(
      `  ${p.priority} (target ${p.targetDays} d): ${p.open} open, median age ${days(p.medianOpenAgeDays)}, oldest ${days(p.oldestOpenAgeDays)}, ${p.openOverTarget} over target; ${p.resolved} resolved, median ${hours(p.medianHoursToResolve)}, ${p.resolvedWithinTarget} within target`,
    );
  }
  for (const o of b.oldestOpen) lines.push(`  oldest: ${o.key} ${o.title} (${days(o.ageDays)})`);
  const t = f.techDebt;
  lines.push(
    `${plural(t.open, "open tech-debt item")}: median age ${days(t.medianAgeDays)}, oldest ${days(t.oldestAgeDays)} (limit ${t.maxDays} d)`,
  );
  const weeks = t.overTime.map((p) => `${p.at.slice(0, 10)} ${p.open}`).join(", ");
  if (t.overTime.some((p) => p.open > 0)) lines.push(`  open by week: ${weeks}`);
  for (const o of t.oldestOpen) lines.push(`  oldest: ${o.key} ${o.title} (${days(o.ageDays)})`);
  return lines;
}

export function registerIssueCommands(health: Command, io: CliIO): void {
  asProgramDoes(
    health
      .command("ingest-issues")
      .description(
        "read issue-tracker exports (GitHub, GitLab, Jira) into the health database for bug and tech-debt figures; the same export twice counts once",
      )
      .argument("<file...>", "exports as `ppppt import github|gitlab|jira` reads them")
      .option(
        "--tracker <name>",
        "github, gitlab or jira (default: told from the file)",
        trackerArg,
      )
      .option(
        "--json",
        "print one object per file: file, tracker, shape, issues, bugs, techDebt, medianHoursToClose, new, error",
      )
      .addHelpText(
        "after",
        "\nPull requests and issues closed as not planned are left out. What counts as a bug or tech\ndebt, and each priority's target, come from the config's health: section (docs/health.md).",
      ),
    io,
  ).action(async (files: string[], options: { tracker?: Tracker; json?: boolean }, command) => {
    const ctx = contextOf(io, command);
    const store = await import("../../store/health-issues.js");
    const { healthPaths } = await import("../../store/health-db.js");
    const settings = await store.readIssueSettings(ctx.env);
    const outcomes = await store.ingestIssueExports(
      healthPaths(ctx.docketPath()),
      files.map((f) => resolve(f)),
      settings,
      options.tracker === undefined ? {} : { tracker: options.tracker },
    );
    if (options.json) ctx.json(outcomes);
    else for (const o of outcomes) (o.error ? io.stderr : io.stdout)(`${outcomeLine(o)}\n`);
    const rejected = outcomes.filter((o) => o.error !== undefined).length;
    if (rejected > 0) {
      if (options.json) for (const o of outcomes) if (o.error) io.stderr(`rejected ${o.error}\n`);
      io.stderr(`${rejected} of ${outcomes.length} exports rejected.\n`);
      throw new ExitStatus(1);
    }
  });

  asProgramDoes(
    health
      .command("bugs")
      .description(
        "bugs by priority (open age, time to resolve against the target) and tech debt (count and age by week)",
      )
      .option("--json", "print { bugs: {...}, techDebt: {...} }"),
    io,
  ).action(async (options: { json?: boolean }, command: Command) => {
    const ctx = contextOf(io, command);
    const now = reportNow(ctx, command, io);
    const { readHealthReport } = await import("../../store/health-report.js");
    const report = await readHealthReport(ctx.docketPath(), ctx.env, now);
    if (options.json) {
      ctx.json(report.issues);
      return;
    }
    if (report.issues.issues === 0) {
      ctx.out("No issue exports yet: run `ppppt health ingest-issues FILE...` first.");
      return;
    }
    for (const line of figureLines(report.issues)) ctx.out(line);
  });
}

import type { Command } from "commander";
import type { SloSpec, SloStatus } from "../../core/health/slo.js";
import { contextOf } from "../context.js";
import type { CliIO } from "../io.js";

function pct(x: number | null): string {
  return x === null ? "-" : `${Math.round(x * 1000) / 10}%`;
}

function rate(x: number | null): string {
  return x === null ? "-" : `${x.toFixed(1)}x`;
}

function statusLines(s: SloStatus): string[] {
  const lines = [
    `${s.displayName} (${s.name}): ${s.status}`,
    `  ${s.why}`,
    `  indicator ${pct(s.indicator)} (${s.good} of ${s.total} good, ${s.budgetingMethod.toLowerCase()}, ${s.window}), objective ${pct(s.objective)}`,
    `  error budget left ${pct(s.budgetLeft)}; burn rate ${rate(s.burnRate.short)} over ${s.burnRate.shortWindow}, ${rate(s.burnRate.long)} over ${s.burnRate.longWindow}`,
    `  trend: ${s.trend.word}${s.trend.change === null ? "" : ` (${pct(s.trend.previous)} the window before)`}`,
  ];
  if (s.worstOffenders.length > 0) {
    lines.push(`  worst: ${s.worstOffenders.map((w) => `${w.what} (${w.count})`).join(", ")}`);
  }
  return lines;
}

/** "Now" for a health report: the end of a pinned day (`--today`, PPPPT_TODAY, in UTC), else the clock. */
export function reportNow(ctx: ReturnType<typeof contextOf>, command: Command, io: CliIO): Date {
  const pinned = ctx.env.PPPPT_TODAY !== undefined || command.optsWithGlobals().today;
  return pinned ? new Date(`${ctx.today()}T23:59:59Z`) : io.now();
}

export function registerSlo(program: Command, io: CliIO): void {
  program
    .command("slo")
    .description(
      "service level objectives over engineering health: indicator, error budget, burn rates, trend",
    )
    .option("--json", "print { file, slos: [...] }")
    .option("--init", "write the default slos.yaml into the config folder, to edit")
    .addHelpText(
      "after",
      "\nThe SLOs are read from slos.yaml in the config folder (OpenSLO v1 shape); without it the\ndefaults apply. A breached SLO adds one Process item to the docket, tagged slo:NAME, once while\nthat item is open. docs/health.md has the maths.",
    )
    .action(async (options: { json?: boolean; init?: boolean }, command: Command) => {
      const ctx = contextOf(io, command);
      const sloFile = await import("../../store/slo-file.js");
      if (options.init) {
        ctx.out(`Wrote ${await sloFile.writeDefaultSlos(ctx.env)}`);
        return;
      }
      const today = ctx.today();
      const now = reportNow(ctx, command, io);
      const { readHealthReport } = await import("../../store/health-report.js");
      const report = await readHealthReport(ctx.docketPath(), ctx.env, now);
      const { slos, statuses } = report;
      const { addBreachItem } = await import("../../core/health/slo.js");
      const added = await recordBreaches(ctx.docketPath(), slos, statuses, today, addBreachItem);
      if (options.json) {
        ctx.json({ file: report.sloFile, slos: statuses, added });
        return;
      }
      const defaults = report.sloFile === null;
      if (defaults)
        ctx.out(
          ctx.style.dim(
            `No ${sloFile.sloFilePath(ctx.env)}: the default SLOs (\`ppppt slo --init\` writes them to edit).`,
          ),
        );
      for (const [i, s] of statuses.entries()) {
        if (i > 0 || defaults) ctx.out("");
        for (const line of statusLines(s)) ctx.out(line);
      }
      for (const a of added) ctx.out(`\nAdded to the docket: ${a}`);
    });
}

async function recordBreaches(
  docketPath: string,
  slos: readonly SloSpec[],
  statuses: readonly SloStatus[],
  today: string,
  addBreachItem: typeof import("../../core/health/slo.js").addBreachItem,
): Promise<string[]> {
  if (!statuses.some((s) => s.status === "breached")) return [];
  const { updateDocketFile } = await import("../../store/docket-file.js");
  return updateDocketFile(docketPath, (docket) => {
    const added: string[] = [];
    let next = docket;
    for (const [i, slo] of slos.entries()) {
      const r = addBreachItem(next, slo, statuses[i] as SloStatus, today);
      next = r.docket;
      if (r.added !== undefined) added.push(r.added);
    }
    return { docket: next, result: added };
  });
}

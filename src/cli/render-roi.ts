import type { RoiReport, ScoredProposal, StoppedProposal } from "../core/roi/report.js";
import type { Style } from "./style.js";

/** The ROI report for the terminal and as Markdown (for a doc or an email). */

function figure(n: number | null): string {
  return n === null ? "-" : String(n);
}

function weeks(n: number | null): string {
  return n === null ? "-" : `${n}w`;
}

function sensitivityText(p: ScoredProposal): string | undefined {
  const s = p.sensitivity;
  if (!s) return undefined;
  const one = (label: string, x: { rice: number; rank: number; stillWorthIt: boolean }) =>
    `${label}: rank ${x.rank}, RICE ${x.rice}${x.stillWorthIt ? "" : " (below the rest's median)"}`;
  return `${one("effort 2x", s.effortDoubled)}; ${one("impact half", s.impactHalved)}`;
}

function heading(report: RoiReport): string {
  const n = report.proposals.length;
  const m = report.portfolio;
  return `ROI check ${report.today}: ${n} open proposal${n === 1 ? "" : "s"}, median RICE ${figure(m.medianRice)}, median remaining effort ${weeks(m.medianEffort)}`;
}

export function stoppedLine(s: StoppedProposal): string {
  return `${s.id}  ${s.stopped}  ${s.title}: ${s.why}`;
}

export function roiLines(report: RoiReport, style: Style): string[] {
  const out = [style.bold(heading(report))];
  if (report.proposals.length === 0) {
    out.push(
      "No open proposals. Add one: ppppt roi add TITLE --reach N --impact N --confidence PCT --effort WEEKS",
    );
  } else {
    const rows = report.proposals.map((p) => [
      p.rank === null ? "-" : String(p.rank),
      p.id,
      figure(p.rice),
      figure(p.cd3),
      weeks(p.effort),
      weeks(p.spent),
    ]);
    const head = ["#", "id", "RICE", "CD3", "left", "spent"];
    const widths = head.map((h, i) =>
      Math.max(h.length, ...rows.map((r) => (r[i] as string).length)),
    );
    const pad = (cells: string[]) =>
      cells
        .map((c, i) => (i === 1 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number)))
        .join("  ");
    out.push(style.dim(`${pad(head)}  proposal`));
    report.proposals.forEach((p, i) => {
      const flags = p.flags.length > 0 ? `  ${style.red(p.flags.join(", "))}` : "";
      out.push(`${pad(rows[i] as string[])}  ${p.title}${flags}`);
      for (const flag of p.flags) out.push(style.dim(`      ${flag}: ${p.reasons[flag]}`));
      const s = sensitivityText(p);
      if (s) out.push(style.dim(`      ${s}`));
    });
  }
  if (report.stopped.length > 0) {
    out.push("", style.bold("Stopped"));
    for (const s of report.stopped) out.push(`  ${stoppedLine(s)}`);
  }
  return out;
}

/** A table cell: a pipe would end the cell early. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

export function roiMarkdown(report: RoiReport): string {
  const out = [`# ${heading(report)}`, ""];
  if (report.proposals.length > 0) {
    out.push(
      "| rank | id | proposal | RICE | CD3 | effort left | spent | flags |",
      "| ---: | --- | --- | ---: | ---: | ---: | ---: | --- |",
    );
    for (const p of report.proposals) {
      out.push(
        `| ${p.rank ?? "-"} | ${p.id} | ${cell(p.title)} | ${figure(p.rice)} | ${figure(p.cd3)} | ${weeks(p.effort)} | ${weeks(p.spent)} | ${p.flags.join(", ")} |`,
      );
    }
    const flagged = report.proposals.filter((p) => p.flags.length > 0);
    if (flagged.length > 0) {
      out.push("", "## Flags", "");
      for (const p of flagged) {
        for (const flag of p.flags)
          out.push(`- **${p.id}** ${cell(p.title)}, ${flag}: ${p.reasons[flag]}`);
      }
    }
    const sensitive = report.proposals.filter((p) => p.sensitivity);
    if (sensitive.length > 0) {
      out.push("", "## Sensitivity", "");
      for (const p of sensitive) out.push(`- **${p.id}** ${sensitivityText(p)}`);
    }
  } else out.push("No open proposals.");
  if (report.stopped.length > 0) {
    out.push("", "## What we stopped", "");
    for (const s of report.stopped) out.push(`- ${s.stopped}: **${cell(s.title)}**: ${s.why}`);
  }
  return `${out.join("\n")}\n`;
}

import { CATEGORY_LABELS } from "../core/category.js";
import type { BalanceResult } from "../core/lens/balance.js";
import { signedPoints } from "../core/lens/rounding.js";
import type { CategoryActivity } from "../core/lens/starving.js";
import type { TrendPoint } from "../core/lens/trend.js";
import type { Style } from "./style.js";

/** Terminal pictures for the lens reports: bars with a target mark, sparklines for trends. */

const BAR_WIDTH = 30;

/** A bar for `share` percent, with `┊` where the target falls, scaled so `max` fills the width. */
export function bar(share: number, target: number, max: number, style: Style): string {
  const scale = max > 0 ? BAR_WIDTH / max : 0;
  const filled = Math.round(share * scale);
  const mark = Math.min(BAR_WIDTH - 1, Math.round(target * scale));
  let out = "";
  for (let i = 0; i < BAR_WIDTH; i++) {
    if (i === mark && i >= filled) out += style.yellow("┊");
    else if (i < filled) out += i === mark ? style.yellow("█") : "█";
    else out += " ";
  }
  return out;
}

const SPARKS = "▁▂▃▄▅▆▇█";

export function sparkline(values: readonly number[], max: number): string {
  return values
    .map((v) => {
      if (v <= 0 || max <= 0) return " ";
      const i = Math.min(SPARKS.length - 1, Math.floor((v / max) * SPARKS.length));
      return SPARKS[i];
    })
    .join("");
}

export function balanceLines(b: BalanceResult, style: Style): string[] {
  const out: string[] = [];
  const max = Math.max(1, ...b.categories.flatMap((r) => [r.share, r.target]));
  out.push(
    style.dim(`${"".padEnd(9)}${"share (┊ target)".padEnd(BAR_WIDTH)}  share target  drift`),
  );
  for (const row of b.categories) {
    const drift = signedPoints(row.driftPts);
    const coloured =
      row.driftPts <= -5 ? style.red(drift) : row.driftPts >= 5 ? style.yellow(drift) : drift;
    out.push(
      `${CATEGORY_LABELS[row.category].padEnd(9)}${bar(row.share, row.target, max, style)}  ${`${row.sharePct}%`.padStart(5)} ${`${row.target}%`.padStart(6)}  ${coloured.padStart(5)}`,
    );
  }
  return out;
}

export function activityLines(activity: readonly CategoryActivity[], weeks: number): string[] {
  return activity
    .filter((a) => a.starving)
    .map((a) =>
      a.lastDone
        ? `${CATEGORY_LABELS[a.category]}: nothing done for ${a.idleDays} days (last ${a.lastDone}; starving after ${weeks} weeks)`
        : `${CATEGORY_LABELS[a.category]}: nothing ever done`,
    );
}

export function trendLines(trend: readonly TrendPoint[]): string[] {
  const first = trend[0];
  const last = trend[trend.length - 1];
  if (!first || !last) return [];
  const out = [`${"".padEnd(9)}${first.label} … ${last.label}`];
  const cats = Object.keys(first.shares) as (keyof TrendPoint["shares"])[];
  // One scale for every row, so a short bar means a small share in any category.
  const top = Math.max(1, ...trend.flatMap((p) => cats.map((c) => p.shares[c])));
  for (const c of cats) {
    const values = trend.map((p) => p.shares[c]);
    const shown = trend.map((p) => p.sharesPct[c]);
    const max = Math.max(...shown);
    const latest = shown[shown.length - 1] ?? 0;
    out.push(
      `${CATEGORY_LABELS[c].padEnd(9)}${sparkline(values, top)}  now ${latest}%, peak ${max}%`,
    );
  }
  return out;
}

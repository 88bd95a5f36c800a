import type { Categoriser } from "../capture.js";
import { CATEGORIES, type Category } from "../category.js";
import type { IsoDate } from "../dates.js";
import type { ItemLine } from "../docket/item.js";
import { formatDuration } from "../duration.js";
import { type LensItem, lensItems } from "./lens-items.js";
import { inPeriod, type Period } from "./period.js";
import { type Mix, type Role, targetMix } from "./roles.js";
import { roundHalfAway, wholePercents } from "./rounding.js";

/**
 * Where effort went in a period, against the role's target mix.
 *
 * The effort basis, for the whole period so every share is in the same unit:
 * - **time** when at least one done item in the period carries a time: each item counts its
 *   `spent:`, else its `est:`, else the average of the timed items of the period (so an item
 *   nobody timed still weighs like a typical one, rather than nothing);
 * - **count** when no item does: each done item counts 1.
 * The result says how many items were counted which way.
 */
export type EffortBasis = "time" | "count";

export interface RoleTarget {
  role: Role;
  mix: Mix;
}

export interface CategoryEffort {
  category: Category;
  /** Done items in the period. */
  items: number;
  /** Minutes when the basis is time, items when it is count. */
  effort: number;
  /** Percent of the period's effort, 0..100. */
  share: number;
  /** The role's target, percent. */
  target: number;
  /** share − target, in percentage points: negative means below target. */
  drift: number;
  /** The share as every report shows it: whole percents that add up to 100 (rounding.ts). */
  sharePct: number;
  /** The drift as every report shows it: sharePct − target. */
  driftPts: number;
  fromSpent: number;
  fromEstimate: number;
  fromAverage: number;
}

export interface BalanceResult {
  period: Period;
  role: Role;
  basis: EffortBasis;
  /** One sentence on how effort was counted, for every output format. */
  basisNote: string;
  /** Sum of effort over the five categories (minutes or items). */
  total: number;
  categories: CategoryEffort[];
  /**
   * Half the sum of |drift|: the share of the period's effort that would have to move to meet
   * the targets exactly (0 = on target, 100 = all of it in the wrong place).
   */
  drift: number;
  /** The overall drift as every report shows it: half the sum of |driftPts|, rounded. */
  driftPts: number;
  /**
   * Whether there is enough to judge the mix: at least MIN_ITEMS_TO_JUDGE done items in the
   * period. Below it a share is one or two items' worth, and "off target by 50 points" from a
   * single item would mislead; the reports say `judgement` instead.
   */
  judged: boolean;
  /** One sentence: the verdict ("off target by 12 points…") or why there is too little to judge. */
  judgement: string;
  /**
   * Where the minutes of a time basis came from: measured (`spent:`), estimated (`est:`) and
   * assumed (untimed items at the period's average); all 0 on a count basis.
   */
  minutes: { measured: number; estimated: number; assumed: number };
  /**
   * The total as every shell prints it, measured time told apart from estimated and assumed
   * ("total 8h: 30m measured, 2h estimated, 5h30m assumed"), or the item count.
   */
  totalNote: string;
  /** Done items in the period whose category neither the docket nor the categoriser knows. */
  uncategorised: number;
  /** Done items in the period counted under a category the categoriser predicted. */
  predicted: number;
  /** Done items with no completion date: they cannot be placed in any period. */
  undated: number;
}

/** Fewer done items than this in a period and the balance says "too little to judge". */
export const MIN_ITEMS_TO_JUDGE = 5;

export function roleTarget(role: Role | RoleTarget): RoleTarget {
  return typeof role === "string" ? { role, mix: targetMix(role) } : role;
}

export function balanceByCategory(
  items: readonly ItemLine[],
  period: Period,
  role: Role | RoleTarget,
  today: IsoDate,
  categorise?: Categoriser,
): BalanceResult {
  return balanceOfLensItems(lensItems(items, categorise), period, roleTarget(role), today);
}

/** The same report over items already categorised (trend and next reuse one categorisation). */
export function balanceOfLensItems(
  items: readonly LensItem[],
  period: Period,
  target: RoleTarget,
  today: IsoDate,
): BalanceResult {
  const end = period.end < today ? period.end : today;
  let undated = 0;
  let uncategorised = 0;
  let predicted = 0;
  const counted: LensItem[] = [];
  for (const li of items) {
    if (!li.item.done) continue;
    const completed = li.item.completed;
    if (completed === undefined) {
      undated++;
      continue;
    }
    if (!inPeriod(period, completed) || completed > end) continue;
    if (li.category === undefined) {
      uncategorised++;
      continue;
    }
    if (li.predicted) predicted++;
    counted.push(li);
  }

  const timed = counted
    .map((li) => li.item.spent ?? li.item.estimate)
    .filter((m): m is number => m !== undefined);
  const basis: EffortBasis = timed.length > 0 ? "time" : "count";
  const average = timed.length > 0 ? timed.reduce((a, b) => a + b, 0) / timed.length : 0;

  const rows = new Map<Category, CategoryEffort>();
  for (const category of CATEGORIES) {
    rows.set(category, {
      category,
      items: 0,
      effort: 0,
      share: 0,
      target: target.mix[category],
      drift: 0,
      fromSpent: 0,
      fromEstimate: 0,
      fromAverage: 0,
      sharePct: 0,
      driftPts: 0,
    });
  }
  for (const li of counted) {
    const row = rows.get(li.category as Category) as CategoryEffort;
    row.items++;
    if (basis === "count") {
      row.effort += 1;
    } else if (li.item.spent !== undefined) {
      row.effort += li.item.spent;
      row.fromSpent++;
    } else if (li.item.estimate !== undefined) {
      row.effort += li.item.estimate;
      row.fromEstimate++;
    } else {
      row.effort += average;
      row.fromAverage++;
    }
  }
  const categories = [...rows.values()];
  const total = categories.reduce((sum, r) => sum + r.effort, 0);
  const percents = wholePercents(categories.map((r) => r.effort));
  categories.forEach((row, i) => {
    row.share = total > 0 ? (100 * row.effort) / total : 0;
    row.drift = row.share - row.target;
    row.sharePct = percents[i] as number;
    row.driftPts = row.sharePct - row.target;
  });
  const drift = categories.reduce((sum, r) => sum + Math.abs(r.drift), 0) / 2;
  const driftPts = roundHalfAway(categories.reduce((sum, r) => sum + Math.abs(r.driftPts), 0) / 2);
  const judged = counted.length >= MIN_ITEMS_TO_JUDGE;
  const minutes = { measured: 0, estimated: 0, assumed: 0 };
  if (basis === "time") {
    for (const li of counted) {
      if (li.item.spent !== undefined) minutes.measured += li.item.spent;
      else if (li.item.estimate !== undefined) minutes.estimated += li.item.estimate;
      else minutes.assumed += average;
    }
  }
  return {
    period,
    role: target.role,
    basis,
    basisNote: basisNote(basis, categories, average, counted.length),
    total,
    categories,
    drift,
    driftPts,
    judged,
    judgement: judgementOf(judged, counted.length, driftPts, period),
    minutes,
    totalNote: totalNote(basis, total, minutes, counted.length),
    uncategorised,
    predicted,
    undated,
  };
}

function totalNote(
  basis: EffortBasis,
  total: number,
  minutes: BalanceResult["minutes"],
  items: number,
): string {
  if (items === 0) return "nothing done";
  if (basis === "count") return `total ${items} item${items === 1 ? "" : "s"}, none timed`;
  const parts: string[] = [];
  if (minutes.measured > 0) parts.push(`${formatDuration(minutes.measured)} measured`);
  if (minutes.estimated > 0) parts.push(`${formatDuration(minutes.estimated)} estimated`);
  if (minutes.assumed > 0) parts.push(`${formatDuration(minutes.assumed)} assumed`);
  if (minutes.measured === total) return `total ${formatDuration(total)}, all measured`;
  return `total ${formatDuration(total)}: ${parts.join(", ")}`;
}

function judgementOf(judged: boolean, items: number, points: number, period: Period): string {
  if (!judged) {
    const what = items === 0 ? "nothing done" : `only ${items} done item${items === 1 ? "" : "s"}`;
    return `Too little to judge: ${what} in ${periodPhrase(period)} (the balance needs at least ${MIN_ITEMS_TO_JUDGE}).`;
  }
  if (points === 0) return "On target.";
  return `Off target by ${points} point${points === 1 ? "" : "s"} of the period's effort.`;
}

/** "the last 30 days", "2026-W48", "since 2026-10-01". */
export function periodPhrase(period: Period): string {
  return period.kind === "last" ? `the ${period.label}` : period.label;
}

function basisNote(
  basis: EffortBasis,
  rows: CategoryEffort[],
  average: number,
  items: number,
): string {
  if (items === 0) return "no done items in this period";
  if (basis === "count") {
    return `by count: none of the ${items} done items has spent: or est:, so each counts 1`;
  }
  const spent = rows.reduce((s, r) => s + r.fromSpent, 0);
  const est = rows.reduce((s, r) => s + r.fromEstimate, 0);
  const avg = rows.reduce((s, r) => s + r.fromAverage, 0);
  const parts = [`${spent} by time spent`, `${est} by estimate`];
  if (avg > 0) parts.push(`${avg} untimed at the period's average (${formatDuration(average)})`);
  return `by time: ${parts.join(", ")}`;
}

/** The most under-served category by drift, when it is meaningfully under (a 5-point gap). */
export function mostUnderTarget(balance: BalanceResult, minGap = 5): Category | undefined {
  if (balance.total === 0) return undefined;
  let worst: CategoryEffort | undefined;
  for (const row of balance.categories) if (!worst || row.drift < worst.drift) worst = row;
  return worst && worst.drift <= -minGap ? worst.category : undefined;
}

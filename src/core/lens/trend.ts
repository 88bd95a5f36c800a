import type { Categoriser } from "../capture.js";
import { CATEGORIES, type Category } from "../category.js";
import type { IsoDate } from "../dates.js";
import type { ItemLine } from "../docket/item.js";
import { type BalanceResult, balanceOfLensItems, type RoleTarget } from "./balance.js";
import { lensItems } from "./lens-items.js";
import { type PeriodKind, recentPeriods } from "./period.js";

/** The share of each category over the last periods, oldest first: is the drift getting better? */
export interface TrendPoint {
  label: string;
  start: IsoDate;
  end: IsoDate;
  basis: BalanceResult["basis"];
  total: number;
  /** Percent per category, 0..100 (all 0 when nothing was done). */
  shares: Record<Category, number>;
  drift: number;
}

export const TREND_PERIODS = 12;

export function balanceTrend(
  items: readonly ItemLine[],
  kind: PeriodKind,
  target: RoleTarget,
  today: IsoDate,
  categorise?: Categoriser,
  count = TREND_PERIODS,
): TrendPoint[] {
  const categorised = lensItems(items, categorise);
  return recentPeriods(kind, today, count).map((period) => {
    const b = balanceOfLensItems(categorised, period, target, today);
    const shares = {} as Record<Category, number>;
    for (const c of CATEGORIES) shares[c] = b.categories.find((r) => r.category === c)?.share ?? 0;
    return {
      label: period.label,
      start: period.start,
      end: period.end,
      basis: b.basis,
      total: b.total,
      shares,
      drift: b.drift,
    };
  });
}

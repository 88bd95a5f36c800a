import type { Categoriser } from "../capture.js";
import { CATEGORIES, type Category } from "../category.js";
import type { IsoDate } from "../dates.js";
import type { ItemLine } from "../docket/item.js";
import { type BalanceResult, balanceOfLensItems, type RoleTarget } from "./balance.js";
import { type LensItem, lensItems } from "./lens-items.js";
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
  /** The same as whole percents, as every report shows them (rounding.ts). */
  sharesPct: Record<Category, number>;
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
  return trendOfLensItems(lensItems(items, categorise), kind, target, today, count);
}

/** The same trend over items already categorised (the balance report reuses one categorisation). */
export function trendOfLensItems(
  items: readonly LensItem[],
  kind: PeriodKind,
  target: RoleTarget,
  today: IsoDate,
  count = TREND_PERIODS,
): TrendPoint[] {
  return recentPeriods(kind, today, count).map((period) => {
    const b = balanceOfLensItems(items, period, target, today);
    const shares = {} as Record<Category, number>;
    const sharesPct = {} as Record<Category, number>;
    for (const c of CATEGORIES) {
      const row = b.categories.find((r) => r.category === c);
      shares[c] = row?.share ?? 0;
      sharesPct[c] = row?.sharePct ?? 0;
    }
    return {
      label: period.label,
      start: period.start,
      end: period.end,
      basis: b.basis,
      total: b.total,
      shares,
      sharesPct,
      drift: b.drift,
    };
  });
}

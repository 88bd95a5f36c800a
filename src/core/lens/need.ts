import { CATEGORIES, CATEGORY_LABELS, type Category } from "../category.js";
import type { IsoDate } from "../dates.js";
import { plural } from "../wording.js";
import { type BalanceResult, balanceOfLensItems } from "./balance.js";
import type { LensItem } from "./lens-items.js";
import { lastDaysPeriod, type Period } from "./period.js";
import type { LensSettings } from "./settings.js";
import { activityOfLensItems, type CategoryActivity } from "./starving.js";

/**
 * How much a category needs attention, 0..1: 1 when it is starving; otherwise how far below
 * its target it is, as a fraction of the target (half the target → 0.5); 0 at or above it.
 */
export interface CategoryNeed {
  category: Category;
  need: number;
  reason: string;
}

export function categoryNeeds(
  balance: BalanceResult,
  activity: readonly CategoryActivity[],
): Record<Category, CategoryNeed> {
  const out = {} as Record<Category, CategoryNeed>;
  for (const category of CATEGORIES) {
    const label = CATEGORY_LABELS[category];
    const act = activity.find((a) => a.category === category);
    const row = balance.categories.find((r) => r.category === category);
    if (act?.starving) {
      const reason =
        act.idleDays === undefined
          ? `${label}: nothing ever done`
          : `${label}: nothing done for ${plural(act.idleDays, "day")}`;
      out[category] = { category, need: 1, reason };
      continue;
    }
    if (!row || row.target <= 0 || balance.total === 0) {
      out[category] = { category, need: 0, reason: `${label}: no target gap` };
      continue;
    }
    const gap = (row.target - row.share) / row.target;
    const need = Math.min(1, Math.max(0, gap));
    out[category] = {
      category,
      need,
      reason:
        need > 0
          ? `${label}: ${round1(row.share)}% of recent effort, target ${row.target}%`
          : `${label}: at or above target`,
    };
  }
  return out;
}

/** The window need is measured over: `--last` when given, else `next.needWindowDays`. */
export function needWindow(settings: LensSettings, today: IsoDate, days?: number): Period {
  return lastDaysPeriod(days ?? settings.next.needWindowDays, today);
}

/** Each category's need over a window, with the activity it came from (next, review, plan). */
export function needsOver(
  items: readonly LensItem[],
  settings: LensSettings,
  today: IsoDate,
  window: Period,
): { needs: Record<Category, CategoryNeed>; activity: CategoryActivity[] } {
  const activity = activityOfLensItems(items, today, settings.starvingWeeks);
  const balance = balanceOfLensItems(items, window, settings.target, today);
  return { needs: categoryNeeds(balance, activity), activity };
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

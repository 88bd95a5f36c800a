import type { Categoriser } from "../capture.js";
import { CATEGORIES, type Category } from "../category.js";
import { daysBetween, type IsoDate } from "../dates.js";
import type { ItemLine } from "../docket/item.js";
import { type LensItem, lensItems } from "./lens-items.js";

/**
 * The danger the product exists for: a category that silently gets no work. A category starves
 * when no item in it was done in the last `weeks` weeks (or ever).
 */
export interface CategoryActivity {
  category: Category;
  /** The last completion date on or before today; undefined when never. */
  lastDone: IsoDate | undefined;
  /** Days since lastDone; undefined when never. */
  idleDays: number | undefined;
  starving: boolean;
}

export const DEFAULT_STARVING_WEEKS = 3;

export function categoryActivity(
  items: readonly ItemLine[],
  today: IsoDate,
  weeks = DEFAULT_STARVING_WEEKS,
  categorise?: Categoriser,
): CategoryActivity[] {
  return activityOfLensItems(lensItems(items, categorise), today, weeks);
}

export function activityOfLensItems(
  items: readonly LensItem[],
  today: IsoDate,
  weeks = DEFAULT_STARVING_WEEKS,
): CategoryActivity[] {
  const last = new Map<Category, IsoDate>();
  for (const li of items) {
    const done = li.item.completed;
    if (!li.item.done || !done || done > today || !li.category) continue;
    const prior = last.get(li.category);
    if (!prior || done > prior) last.set(li.category, done);
  }
  return CATEGORIES.map((category) => {
    const lastDone = last.get(category);
    const idleDays = lastDone ? daysBetween(lastDone, today) : undefined;
    return {
      category,
      lastDone,
      idleDays,
      starving: idleDays === undefined || idleDays >= weeks * 7,
    };
  });
}

/** The starving categories, the longest idle first (never-done before any dated one). */
export function starvingCategories(
  items: readonly ItemLine[],
  today: IsoDate,
  weeks = DEFAULT_STARVING_WEEKS,
  categorise?: Categoriser,
): CategoryActivity[] {
  return starvingOf(categoryActivity(items, today, weeks, categorise));
}

export function starvingOf(activity: readonly CategoryActivity[]): CategoryActivity[] {
  const idle = (a: CategoryActivity) => a.idleDays ?? Number.POSITIVE_INFINITY;
  return activity.filter((a) => a.starving).sort((a, b) => idle(b) - idle(a));
}

import type { Categoriser } from "../capture.js";
import type { Category } from "../category.js";
import type { Item, ItemLine } from "../docket/item.js";

/**
 * An item as the lens reads it: its category, taken from `cat:` (a guess `cat:tech?` counts as
 * written), else predicted by the categoriser for this report only; the docket is not changed.
 */
export interface LensItem {
  line: ItemLine;
  item: Item;
  category: Category | undefined;
  /** The category came from the categoriser, not the docket. */
  predicted: boolean;
}

export function lensItems(lines: readonly ItemLine[], categorise?: Categoriser): LensItem[] {
  return lines.map((line) => {
    const item = line.item;
    if (item.category !== undefined) {
      return { line, item, category: item.category, predicted: false };
    }
    const guess = categorise?.(item.title);
    return { line, item, category: guess?.category, predicted: guess !== undefined };
  });
}

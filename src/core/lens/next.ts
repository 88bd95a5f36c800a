import type { Categoriser } from "../capture.js";
import type { Category } from "../category.js";
import { addDays, daysBetween, type IsoDate } from "../dates.js";
import type { ItemLine } from "../docket/item.js";
import { ageText, plural } from "../wording.js";
import { balanceOfLensItems, type RoleTarget } from "./balance.js";
import { lensItems } from "./lens-items.js";
import { type CategoryNeed, categoryNeeds } from "./need.js";
import { sincePeriod } from "./period.js";
import type { NextSettings } from "./settings.js";
import { activityOfLensItems } from "./starving.js";

/**
 * What to do now. Each open item gets a score that is the sum of four terms, factor (0..1) ×
 * weight, so `--explain` can show exactly why one item outranks another:
 * - due: 1.0 at a week or more overdue, falling linearly to 0.2 at two weeks ahead and staying
 *   there; 0 without a due date (Taskwarrior's due curve);
 * - priority: A 1.0, B 0.65, C 0.3, lower letters or none 0 (Taskwarrior's H/M/L ratios);
 * - age: days since the creation date over ageMaxDays, at most 1;
 * - category: the need of the item's category (need.ts) over the last needWindowDays.
 * Done, hidden (h:1) and not-yet-started (t: ahead) items are left out.
 */
export type TermName = "due" | "priority" | "age" | "category";

export interface ScoreTerm {
  name: TermName;
  factor: number;
  weight: number;
  /** factor × weight. */
  value: number;
  why: string;
}

export interface NextItem {
  line: ItemLine;
  category: Category | undefined;
  predicted: boolean;
  score: number;
  terms: ScoreTerm[];
}

export interface NextResult {
  today: IsoDate;
  /** The window the category need was measured over. */
  window: { start: IsoDate; end: IsoDate };
  needs: Record<Category, CategoryNeed>;
  items: NextItem[];
}

export interface NextOptions {
  target: RoleTarget;
  starvingWeeks: number;
  next: NextSettings;
  categorise?: Categoriser;
}

export function dueFactor(due: IsoDate | undefined, today: IsoDate): number {
  if (due === undefined) return 0;
  const days = daysBetween(today, due);
  if (days <= -7) return 1;
  if (days >= 14) return 0.2;
  return 1 - ((days + 7) * 0.8) / 21;
}

const PRIORITY_FACTORS: Record<string, number> = { A: 1, B: 0.65, C: 0.3 };

export function priorityFactor(priority: string | undefined): number {
  return priority ? (PRIORITY_FACTORS[priority] ?? 0) : 0;
}

export function ageFactor(created: IsoDate | undefined, today: IsoDate, maxDays: number): number {
  if (created === undefined || maxDays <= 0) return 0;
  return Math.min(1, Math.max(0, daysBetween(created, today) / maxDays));
}

export function rankNext(
  items: readonly ItemLine[],
  today: IsoDate,
  options: NextOptions,
): NextResult {
  const categorised = lensItems(items, options.categorise);
  const window = sincePeriod(addDays(today, -(options.next.needWindowDays - 1)), today);
  const balance = balanceOfLensItems(categorised, window, options.target, today);
  const activity = activityOfLensItems(categorised, today, options.starvingWeeks);
  const needs = categoryNeeds(balance, activity);
  const w = options.next.weights;

  const ranked: NextItem[] = [];
  for (const li of categorised) {
    const it = li.item;
    if (it.done || it.hidden) continue;
    if (it.threshold !== undefined && it.threshold > today) continue;
    const due = dueFactor(it.due, today);
    const priority = priorityFactor(it.priority);
    const age = ageFactor(it.created, today, options.next.ageMaxDays);
    const need = li.category ? needs[li.category] : undefined;
    const terms: ScoreTerm[] = [
      term("due", due, w.due, dueWhy(it.due, today)),
      term("priority", priority, w.priority, it.priority ? `priority ${it.priority}` : "none"),
      term("age", age, w.age, it.created ? ageText(daysBetween(it.created, today)) : "no date"),
      term(
        "category",
        need?.need ?? 0,
        w.category,
        need ? need.reason : "no category, so no category need",
      ),
    ];
    const score = terms.reduce((s, t) => s + t.value, 0);
    ranked.push({ line: li.line, category: li.category, predicted: li.predicted, score, terms });
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      (a.line.item.due ?? "9999").localeCompare(b.line.item.due ?? "9999") ||
      a.line.number - b.line.number,
  );
  return { today, window: { start: window.start, end: window.end }, needs, items: ranked };
}

function term(name: TermName, factor: number, weight: number, why: string): ScoreTerm {
  return { name, factor, weight, value: factor * weight, why };
}

function dueWhy(due: IsoDate | undefined, today: IsoDate): string {
  if (due === undefined) return "no due date";
  const days = daysBetween(today, due);
  if (days < 0) return `${plural(-days, "day")} overdue`;
  if (days === 0) return "due today";
  return `due in ${plural(days, "day")}`;
}

import { CATEGORIES, type Category } from "../category.js";
import { addDays, daysBetween, type IsoDate, isIsoDate } from "../dates.js";
import type { ItemLine } from "../docket/item.js";
import { itemJson } from "../docket/item-json.js";
import { formatDuration } from "../duration.js";
import { PpppptError } from "../errors.js";
import { plural } from "../wording.js";
import { type Period, periodOf } from "./period.js";
import { type ReportInput, reportItems } from "./report-input.js";

/**
 * What was done in one calendar week, by category, with the time each item took: the
 * dashboard's done-history view (docs/dashboard.md). An item's time is, in this order, its
 * `spent:` (measured), its `est:` (estimated), or the days from its creation date to its
 * completion (elapsed: calendar time, not effort); an item with none of them says so. Measured
 * and estimated minutes are summed apart, as the balance report tells them apart; elapsed days
 * are never added to minutes.
 */

export type TookSource = "spent" | "estimate" | "elapsed" | "unknown";

export interface DoneEntry {
  item: ReturnType<typeof itemJson>;
  /** The category the lens counts it under; null when neither `cat:` nor the guess knows. */
  category: Category | null;
  predicted: boolean;
  took: TookSource;
  /** Minutes for `spent` and `estimate`, else null. */
  minutes: number | null;
  /** Days from creation to completion for `elapsed`, else null. */
  days: number | null;
  /** The time in words: "1h30m spent", "est. 30m", "3 days from creation to done". */
  tookText: string;
}

export interface DoneGroup {
  category: Category | null;
  items: DoneEntry[];
  /** Sum of `spent:` minutes in the group. */
  measuredMinutes: number;
  /** Sum of `est:` minutes of the items that have no `spent:`. */
  estimatedMinutes: number;
}

export interface DoneHistory {
  period: Period;
  /** The start of the week before, to page back. */
  previous: IsoDate;
  /** The start of the week after, or null when this week contains today. */
  next: IsoDate | null;
  total: number;
  /** The five categories in their order, then the uncategorised; empty groups left out. */
  groups: DoneGroup[];
}

/** The week `week` names: any date in it, or undefined for the week containing today. */
export function historyWeek(week: string | undefined, today: IsoDate): Period {
  if (week === undefined || week === "") return periodOf("week", today, today);
  if (!isIsoDate(week)) {
    throw new PpppptError(`"${week}" is not a date: give any day of the week as YYYY-MM-DD`);
  }
  if (week > today) throw new PpppptError(`${week} is after today (${today}): nothing done yet`);
  return periodOf("week", week, today);
}

export function doneHistory(
  input: Pick<ReportInput, "lines" | "doneLines" | "categorise" | "today">,
  period: Period,
): DoneHistory {
  const entries: DoneEntry[] = [];
  for (const li of reportItems(input)) {
    const completed = li.item.completed;
    if (!li.item.done || completed === undefined) continue;
    if (completed < period.start || completed > period.end) continue;
    entries.push(doneEntry(li.line, li.category ?? null, li.predicted));
  }
  // Most recent first, as `ppppt person` lists done items; line order breaks ties.
  entries.sort((a, b) => {
    const x = a.item.completed ?? "";
    const y = b.item.completed ?? "";
    return x === y ? 0 : x > y ? -1 : 1;
  });
  const groups: DoneGroup[] = [];
  for (const category of [...CATEGORIES, null]) {
    const items = entries.filter((e) => e.category === category);
    if (items.length === 0) continue;
    groups.push({
      category,
      items,
      measuredMinutes: sum(items.filter((e) => e.took === "spent")),
      estimatedMinutes: sum(items.filter((e) => e.took === "estimate")),
    });
  }
  const after = addDays(period.start, 7);
  return {
    period,
    previous: addDays(period.start, -7),
    next: after <= input.today ? after : null,
    total: entries.length,
    groups,
  };
}

function sum(entries: readonly DoneEntry[]): number {
  return entries.reduce((s, e) => s + (e.minutes ?? 0), 0);
}

export function doneEntry(
  line: ItemLine,
  category: Category | null,
  predicted: boolean,
): DoneEntry {
  const it = line.item;
  const base = { item: itemJson(line), category, predicted };
  if (it.spent !== undefined) {
    return {
      ...base,
      took: "spent",
      minutes: it.spent,
      days: null,
      tookText: `${formatDuration(it.spent)} spent`,
    };
  }
  if (it.estimate !== undefined) {
    return {
      ...base,
      took: "estimate",
      minutes: it.estimate,
      days: null,
      tookText: `est. ${formatDuration(it.estimate)}`,
    };
  }
  if (it.created !== undefined && it.completed !== undefined && it.created <= it.completed) {
    const days = daysBetween(it.created, it.completed);
    const tookText =
      days === 0 ? "created and done the same day" : `${plural(days, "day")} from creation to done`;
    return { ...base, took: "elapsed", minutes: null, days, tookText };
  }
  return { ...base, took: "unknown", minutes: null, days: null, tookText: "no time recorded" };
}

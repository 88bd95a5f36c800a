import { CATEGORIES, type Category } from "../category.js";
import type { Mix } from "../lens/roles.js";
import type { MeetingHours } from "./meeting-hours.js";

/**
 * "Where the time went": done items' effort and meeting time together, per category, against
 * the role's target mix. Both must be minutes to be added: when the period's items are timed
 * (balance's time basis) their minutes join the meetings'; when they are only counted, the
 * combined view is meetings alone and says so, rather than adding items to minutes.
 */
export interface TimeWentRow {
  category: Category;
  itemMinutes: number;
  meetingMinutes: number;
  minutes: number;
  /** Percent of the period's combined minutes. */
  share: number;
  target: number;
  drift: number;
}

export interface WhereTimeWent {
  /** Whether item effort is in the figures (it is when the items carry times). */
  itemsIncluded: boolean;
  note: string;
  rows: TimeWentRow[];
  total: number;
  /** Half the sum of |drift|, as balance has it. */
  drift: number;
  /** Meeting minutes no category was found for: left out of the shares. */
  uncategorisedMeetingMinutes: number;
}

export interface ItemEffort {
  basis: "time" | "count";
  categories: readonly { category: Category; effort: number }[];
}

export function whereTheTimeWent(
  items: ItemEffort,
  meetings: MeetingHours,
  mix: Mix,
): WhereTimeWent {
  const itemsIncluded = items.basis === "time";
  const itemMinutes = (c: Category) =>
    itemsIncluded ? (items.categories.find((r) => r.category === c)?.effort ?? 0) : 0;
  const rows = CATEGORIES.map((category): TimeWentRow => {
    const i = itemMinutes(category);
    const m = meetings.minutes[category];
    return {
      category,
      itemMinutes: i,
      meetingMinutes: m,
      minutes: i + m,
      share: 0,
      target: mix[category],
      drift: 0,
    };
  });
  const total = rows.reduce((s, r) => s + r.minutes, 0);
  for (const r of rows) {
    r.share = total > 0 ? (100 * r.minutes) / total : 0;
    r.drift = r.share - r.target;
  }
  const note = itemsIncluded
    ? `done items' time and ${meetings.meetings} meetings`
    : `${meetings.meetings} meetings only: the done items carry no spent: or est:, so they are counted, not timed`;
  return {
    itemsIncluded,
    note,
    rows,
    total,
    drift: total > 0 ? rows.reduce((s, r) => s + Math.abs(r.drift), 0) / 2 : 0,
    uncategorisedMeetingMinutes: meetings.uncategorised,
  };
}

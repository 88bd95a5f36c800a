import { CATEGORY_LABELS } from "../category.js";
import { formatDuration } from "../duration.js";
import type { Mix } from "../lens/roles.js";
import { signedPoints } from "../lens/rounding.js";
import { plural } from "../wording.js";
import type { LedgerEvent } from "./ledger.js";
import {
  costliestSeries,
  type DateSpan,
  type MeetingHours,
  meetingHoursByCategory,
  type SeriesCost,
} from "./meeting-hours.js";
import { type ItemEffort, type WhereTimeWent, whereTheTimeWent } from "./where-time-went.js";

/**
 * The calendar's part of a lens report over a period: meeting minutes per category (beside the
 * items' effort), both together as "where the time went" against the role's mix, and the
 * recurring series that cost the most. Null when no calendar was ever imported, so a report
 * can tell "no meetings" from "no calendar".
 */
export interface MeetingTime {
  hours: MeetingHours;
  whereTimeWent: WhereTimeWent;
  costliest: SeriesCost[];
}

export function meetingTimeIn(
  meetings: readonly LedgerEvent[] | undefined,
  span: DateSpan,
  items: ItemEffort,
  mix: Mix,
): MeetingTime | null {
  if (meetings === undefined) return null;
  const hours = meetingHoursByCategory(meetings, span);
  return {
    hours,
    whereTimeWent: whereTheTimeWent(items, hours, mix),
    costliest: costliestSeries(meetings, span, 3),
  };
}

/** "Staff sync: 3h a week, Process": a series as the review names it. */
export function seriesPhrase(s: SeriesCost): string {
  return `${s.title || "(untitled)"}: ${formatDuration(Math.round(s.perWeek))} a week, ${s.category ? CATEGORY_LABELS[s.category] : "no category"}`;
}

/**
 * The meeting time as Markdown: a table of meetings beside items and both against the target,
 * then the costliest series. `review --md` and `balance --md` print it; the terminal shows it too.
 */
export function meetingTimeMarkdown(m: MeetingTime): string[] {
  const w = m.whereTimeWent;
  const out = [
    `${plural(m.hours.meetings, "meeting")}, ${formatDuration(Math.round(m.hours.total))}; where the time went counts ${w.note}.`,
    "",
    "| category | meetings | items | together | target | drift |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const r of w.rows) {
    const items = w.itemsIncluded ? formatDuration(Math.round(r.itemMinutes)) : "-";
    out.push(
      `| ${CATEGORY_LABELS[r.category]} | ${formatDuration(Math.round(r.meetingMinutes))} | ${items} | ${Math.round(r.share)}% | ${r.target}% | ${signedPoints(Math.round(r.drift))} |`,
    );
  }
  if (w.uncategorisedMeetingMinutes > 0) {
    out.push(
      "",
      `${formatDuration(Math.round(w.uncategorisedMeetingMinutes))} of meetings have no category (\`ppppt calendar recat SERIES CATEGORY\`).`,
    );
  }
  if (m.costliest.length > 0) {
    out.push("", `Costliest series: ${m.costliest.map(seriesPhrase).join("; ")}.`);
  }
  return out;
}

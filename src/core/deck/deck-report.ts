import { CATEGORIES } from "../category.js";
import type { IsoDate } from "../dates.js";
import type { Answer } from "../lens/assessment.js";
import { buildBalanceReport } from "../lens/balance-report.js";
import type { Period } from "../lens/period.js";
import type { Practice } from "../lens/practice.js";
import type { ReportInput } from "../lens/report-input.js";
import { reportItems } from "../lens/report-input.js";
import { buildReviewReport } from "../lens/review.js";
import { ROLE_LABELS } from "../lens/roles.js";
import { roiReport } from "../roi/report.js";
import { type DeckStory, deckStory, type MeetingHours, type SloStatus } from "./story.js";

/**
 * The deck from what the shells gather (the docket's and the done file's lines, the settings,
 * today, the playbook), through the same report functions `balance --json`, `review --json`
 * and `roi --json` use, so the deck's chart and the balance report never disagree.
 */
export interface DeckInput extends ReportInput {
  period: Period;
  practices: readonly Practice[];
  answers?: Record<string, Answer>;
  previousDue?: Record<string, IsoDate>;
  slos?: readonly SloStatus[];
  /** Given: names become initials (the config's `people:` and attendees, beyond the items'). */
  redact?: { names: readonly string[] };
}

/** A weekly status covers the last seven days, whatever the weekday of the meeting. */
export const DECK_DAYS = 7;

export function buildDeck(input: DeckInput): DeckStory {
  const { settings, today, period } = input;
  const balance = buildBalanceReport(input);
  // The review's forward-looking half (overdue, pushed, the focus and its practice) over the
  // deck's own period.
  const review = buildReviewReport(input);
  return deckStory({
    today,
    period,
    roleLabel: ROLE_LABELS[settings.target.role],
    balance: balance.balance,
    activity: balance.activity,
    items: reportItems(input),
    review,
    roi: roiReport(input.lines, today),
    ...(balance.meetings && balance.meetings.hours.total > 0
      ? { meetings: meetingHoursOf(balance.meetings.hours.minutes) }
      : {}),
    ...(input.slos ? { slos: input.slos } : {}),
    ...(input.redact ? { redact: input.redact } : {}),
  });
}

/** The calendar's minutes per category (the balance report's, so the two agree) as hours. */
function meetingHoursOf(minutes: Record<(typeof CATEGORIES)[number], number>): MeetingHours[] {
  return CATEGORIES.map((category) => ({ category, hours: minutes[category] / 60 }));
}

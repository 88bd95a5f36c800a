import type { Categoriser } from "../capture.js";
import type { IsoDate } from "../dates.js";
import type { ItemLine } from "../docket/item.js";
import type { Answer } from "../lens/assessment.js";
import { balanceOfLensItems } from "../lens/balance.js";
import { lensItems } from "../lens/lens-items.js";
import type { Period } from "../lens/period.js";
import type { Practice } from "../lens/practice.js";
import { weeklyReview } from "../lens/review.js";
import { ROLE_LABELS } from "../lens/roles.js";
import type { LensSettings } from "../lens/settings.js";
import { activityOfLensItems } from "../lens/starving.js";
import { roiReport } from "../roi/report.js";
import { type DeckStory, deckStory, type MeetingHours, type SloStatus } from "./story.js";

/**
 * The deck from what the shells gather (the docket's lines, the settings, today, the playbook),
 * through the same report functions `balance --json`, `review --json` and `roi --json` use, so
 * the deck's chart and the balance report never disagree.
 */
export interface DeckInput {
  lines: readonly ItemLine[];
  settings: LensSettings;
  today: IsoDate;
  period: Period;
  categorise?: Categoriser;
  practices: readonly Practice[];
  answers?: Record<string, Answer>;
  previousDue?: Record<string, IsoDate>;
  meetings?: readonly MeetingHours[];
  slos?: readonly SloStatus[];
  /** Given: names become initials (the config's `people:` and attendees, beyond the items'). */
  redact?: { names: readonly string[] };
}

export function buildDeck(input: DeckInput): DeckStory {
  const { settings, today, period } = input;
  const items = lensItems(input.lines, input.categorise);
  const review = weeklyReview({
    lines: input.lines,
    today,
    settings,
    practices: input.practices,
    ...(input.answers ? { answers: input.answers } : {}),
    ...(input.previousDue ? { previousDue: input.previousDue } : {}),
    ...(input.categorise ? { categorise: input.categorise } : {}),
  });
  return deckStory({
    today,
    period,
    roleLabel: ROLE_LABELS[settings.target.role],
    balance: balanceOfLensItems(items, period, settings.target, today),
    activity: activityOfLensItems(items, today, settings.starvingWeeks),
    items,
    review,
    roi: roiReport(input.lines, today),
    ...(input.meetings ? { meetings: input.meetings } : {}),
    ...(input.slos ? { slos: input.slos } : {}),
    ...(input.redact ? { redact: input.redact } : {}),
  });
}

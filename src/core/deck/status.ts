import type { CategoryEffort } from "../lens/balance.js";
import type { CategoryActivity } from "../lens/starving.js";
import { plural } from "../wording.js";

/**
 * Red, amber or green per category (docs/deck.md), on the drift every report shows (the whole
 * share minus the target): green within 5 points of the target; red more than 15 points off,
 * or starving (nothing done in it for the starving window) while its target asks for some;
 * amber in between. With too few done items to judge the mix (the balance report's rule), a
 * category that is not starving is amber: not known to be fine.
 */
export type Status = "green" | "amber" | "red";

export const GREEN_WITHIN_POINTS = 5;
export const RED_BEYOND_POINTS = 15;

export interface CategoryStatus {
  status: Status;
  /** Why, in one phrase the slide shows beside the colour. */
  reason: string;
}

export function categoryStatus(
  row: CategoryEffort,
  activity?: CategoryActivity,
  judged = true,
): CategoryStatus {
  if (activity?.starving && row.target > 0) {
    const since =
      activity.lastDone === undefined
        ? "nothing ever done"
        : `nothing done since ${activity.lastDone}`;
    return { status: "red", reason: `starving: ${since}` };
  }
  if (!judged) return { status: "amber", reason: "too few done items to judge" };
  const off = Math.abs(row.driftPts);
  const side = row.driftPts < 0 ? "under" : "over";
  if (off > RED_BEYOND_POINTS)
    return { status: "red", reason: `${plural(off, "point")} ${side} target` };
  if (off <= GREEN_WITHIN_POINTS) {
    return {
      status: "green",
      reason: off === 0 ? "on target" : `within ${plural(off, "point")} of target`,
    };
  }
  return { status: "amber", reason: `${plural(off, "point")} ${side} target` };
}

import type { CategoryEffort } from "../lens/balance.js";
import type { CategoryActivity } from "../lens/starving.js";

/**
 * Red, amber or green per category (docs/deck.md): green when the share is within 5 points of
 * the target; red when it is more than 15 points off, or the category is starving (nothing
 * done in it for the starving window) while its target asks for some; amber in between.
 */
export type Status = "green" | "amber" | "red";

export const GREEN_WITHIN_POINTS = 5;
export const RED_BEYOND_POINTS = 15;

export interface CategoryStatus {
  status: Status;
  /** Why, in one phrase the slide shows beside the colour. */
  reason: string;
}

export function categoryStatus(row: CategoryEffort, activity?: CategoryActivity): CategoryStatus {
  const off = Math.abs(row.drift);
  const points = `${Math.round(off)} point${Math.round(off) === 1 ? "" : "s"}`;
  const side = row.drift < 0 ? "under" : "over";
  if (activity?.starving && row.target > 0) {
    const since =
      activity.lastDone === undefined
        ? "nothing ever done"
        : `nothing done since ${activity.lastDone}`;
    return { status: "red", reason: `starving: ${since}` };
  }
  if (off > RED_BEYOND_POINTS) return { status: "red", reason: `${points} ${side} target` };
  if (off <= GREEN_WITHIN_POINTS) {
    return { status: "green", reason: off < 0.5 ? "on target" : `within ${points} of target` };
  }
  return { status: "amber", reason: `${points} ${side} target` };
}

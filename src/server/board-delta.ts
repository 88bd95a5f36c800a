import type { CheckReport } from "../core/docket/check-report.js";
import type { ItemJson } from "../core/docket/item-json.js";

/**
 * The board as the page holds it, and the change from one docket version to the next: the
 * items whose line changed, the ids that left, and the new `next` order as ids. The page applies
 * a delta to the board it has (web/src/docket-state.ts) instead of fetching every item again, so
 * only the cards that changed are drawn again.
 */

export interface BoardTimer {
  item: ItemJson;
  /** The start, a UTC timestamp as the `timer:` tag holds it. */
  since: string;
}

/** Unreadable lines and repeated ids, as `ppppt check` reports them. */
export type BoardProblems = Pick<CheckReport, "unreadable" | "duplicates">;

/** What GET /api/items answers: every open item in `ppppt next` order. */
export interface BoardJson {
  today: string;
  version: string;
  items: ItemJson[];
  /** Categories the classifier predicts for items without a `cat:` tag, by id. */
  predicted: Record<string, string>;
  timers: BoardTimer[];
  /** The server's wall clock when it answered (a UTC timestamp). */
  now: string;
  problems: BoardProblems;
}

export interface BoardDelta {
  /** The version the delta applies to; the page reloads everything when it holds another. */
  from: string;
  version: string;
  today: string;
  /** Items new or changed (text or line number), whole. */
  changed: ItemJson[];
  removed: string[];
  /** Every open item's id, best first: the rank depends on the whole docket, not one item. */
  order: string[];
  /** Predictions that changed: a category, or null where the prediction went. */
  predicted: Record<string, string | null>;
  timers: BoardTimer[];
  now: string;
  problems: BoardProblems;
}

/** What is kept of an older board to diff against: each item's line, and the predictions. */
export interface BoardMark {
  version: string;
  lines: Map<string, string>;
  predicted: Record<string, string>;
}

/** Undefined when an id repeats: then a card cannot be named by its id, and the page reloads. */
export function boardMark(
  board: Pick<BoardJson, "version" | "items" | "predicted">,
): BoardMark | undefined {
  const lines = new Map<string, string>();
  for (const item of board.items) {
    if (lines.has(item.id)) return undefined;
    lines.set(item.id, signature(item));
  }
  return { version: board.version, lines, predicted: board.predicted };
}

export function boardDelta(before: BoardMark, after: BoardJson, afterMark: BoardMark): BoardDelta {
  const changed: ItemJson[] = [];
  for (const item of after.items) {
    if (before.lines.get(item.id) !== afterMark.lines.get(item.id)) changed.push(item);
  }
  const removed: string[] = [];
  for (const id of before.lines.keys()) if (!afterMark.lines.has(id)) removed.push(id);
  const predicted: Record<string, string | null> = {};
  for (const [id, category] of Object.entries(after.predicted)) {
    if (before.predicted[id] !== category) predicted[id] = category;
  }
  for (const id of Object.keys(before.predicted)) {
    if (!(id in after.predicted) && afterMark.lines.has(id)) predicted[id] = null;
  }
  return {
    from: before.version,
    version: after.version,
    today: after.today,
    changed,
    removed,
    order: after.items.map((i) => i.id),
    predicted,
    timers: after.timers,
    now: after.now,
    problems: after.problems,
  };
}

/** An item's JSON is a function of its line's text and number (duplicate ids aside). */
function signature(item: ItemJson): string {
  return `${item.line}\n${item.text}`;
}

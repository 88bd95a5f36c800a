import { invalidLines } from "./docket.js";
import type { Docket } from "./item.js";
import { readOnlyItemLines } from "./parse.js";
import { lineText } from "./print.js";

/**
 * What `ppppt check` reports and the dashboard warns about: lines ppppt keeps but cannot read,
 * and items that repeat an earlier line's `id:` (kept, shown and counted, but one id then
 * names two items until `check --fix` gives the later one its own).
 */
export interface UnreadableLine {
  line: number;
  problem: string;
  text: string;
}

export interface DuplicateId {
  line: number;
  /** The repeated `id:` value. */
  id: string;
  /** The earlier line that keeps it. */
  firstLine: number;
  /** The address the later item answers to until it gets an id of its own. */
  address: string;
}

export interface CheckReport {
  items: number;
  guessedCategories: number;
  unreadable: UnreadableLine[];
  duplicates: DuplicateId[];
}

export function checkDocket(docket: Docket): CheckReport {
  const items = readOnlyItemLines(docket);
  const duplicates: DuplicateId[] = [];
  let guessedCategories = 0;
  for (const l of items) {
    if (l.item.categoryGuess) guessedCategories++;
    if (l.duplicateOf === undefined) continue;
    duplicates.push({
      line: l.number,
      id: l.item.ownId as string,
      firstLine: l.duplicateOf,
      address: l.id,
    });
  }
  return {
    items: items.length,
    guessedCategories,
    unreadable: invalidLines(docket).map((l) => ({
      line: l.number,
      problem: l.problem ?? "not readable",
      text: lineText(l),
    })),
    duplicates,
  };
}

import { addDays, daysBetween, type IsoDate } from "../dates.js";
import { appendItem, itemLines, removeItem, replaceItem } from "./docket.js";
import { completeText, getTag, reopenText, setTag } from "./edit.js";
import type { Docket, ItemLine } from "./item.js";
import { parseItem } from "./parse.js";
import { advance } from "./recurrence.js";

export interface Completion {
  docket: Docket;
  done: ItemLine;
  /** The next occurrence of a recurring item (`rec:`), added as todo.txt apps do. */
  next: ItemLine | undefined;
}

export function completeItem(docket: Docket, id: string, today: IsoDate): Completion {
  const {
    docket: after,
    line: done,
    before,
  } = replaceItem(docket, id, (t) => completeText(t, today));
  if (!before.item.rec || before.item.done) return { docket: after, done, next: undefined };
  const spawned = appendItem(after, nextOccurrenceText(before, today));
  return { docket: spawned.docket, done, next: spawned.line };
}

/**
 * The next occurrence of an open recurring item completed on `today`, without an id: a new
 * item, with today's creation date and no time spent yet.
 */
function nextOccurrenceText(open: ItemLine, today: IsoDate): string {
  const rec = open.item.rec as NonNullable<ItemLine["item"]["rec"]>;
  const base = rec.strict && open.item.due ? open.item.due : today;
  const nextDue = advance(base, rec);
  let text = reopenText(open.text);
  text = setTag(text, "id", undefined);
  text = setTag(text, "spent", undefined);
  const created = parseItem(text);
  if (typeof created !== "string" && created.created) text = text.replace(created.created, today);
  text = setTag(text, "due", nextDue);
  const threshold = getTag(open.text, "t");
  if (threshold && open.item.threshold) {
    const lead = daysBetween(open.item.threshold, open.item.due ?? base);
    text = setTag(text, "t", addDays(nextDue, -lead));
  }
  return text;
}

export interface Reopening {
  docket: Docket;
  line: ItemLine;
  /** The occurrence completing it had added, taken out again (see reopenItem). */
  removed: ItemLine | undefined;
}

/**
 * Reopens a done item. Completing a recurring item added its next occurrence; undoing the
 * completion takes that occurrence out again, so `done` then `undo` leaves the docket as it
 * was. The occurrence is found by its text: an open item reading exactly as completing this
 * one on its completion date would have written it (id aside). One the user has since
 * changed, completed or logged time on no longer matches and stays: it is their work now.
 */
export function reopenItem(docket: Docket, id: string): Reopening {
  const { docket: after, line, before } = replaceItem(docket, id, reopenText);
  const completed = before.item.completed;
  if (!before.item.done || !line.item.rec || completed === undefined) {
    return { docket: after, line, removed: undefined };
  }
  const expected = nextOccurrenceText(line, completed);
  let spawned: ItemLine | undefined;
  for (const l of itemLines(after)) {
    if (l.id === line.id || l.item.done) continue;
    if (setTag(l.text, "id", undefined) === expected) spawned = l; // the last: appended last
  }
  if (!spawned) return { docket: after, line, removed: undefined };
  return { docket: removeItem(after, spawned.id).docket, line, removed: spawned };
}

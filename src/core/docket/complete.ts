import { addDays, daysBetween, type IsoDate } from "../dates.js";
import { appendItem, replaceItem } from "./docket.js";
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
  const rec = before.item.rec;
  if (!rec || before.item.done) return { docket: after, done, next: undefined };
  const base = rec.strict && before.item.due ? before.item.due : today;
  const nextDue = advance(base, rec);
  let text = reopenText(before.text);
  // The new occurrence is a new item: fresh id, today's creation date, no time spent yet.
  text = setTag(text, "id", undefined);
  text = setTag(text, "spent", undefined);
  const created = parseItem(text);
  if (typeof created !== "string" && created.created) text = text.replace(created.created, today);
  text = setTag(text, "due", nextDue);
  const threshold = getTag(before.text, "t");
  if (threshold && before.item.threshold) {
    const lead = daysBetween(before.item.threshold, before.item.due ?? base);
    text = setTag(text, "t", addDays(nextDue, -lead));
  }
  const spawned = appendItem(after, text);
  return { docket: spawned.docket, done, next: spawned.line };
}

export function reopenItem(docket: Docket, id: string): { docket: Docket; line: ItemLine } {
  const { docket: after, line } = replaceItem(docket, id, reopenText);
  return { docket: after, line };
}

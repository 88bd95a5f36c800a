import { CATEGORY_LABELS } from "../core/category.js";
import { daysBetween, type IsoDate, weekdayIndex } from "../core/dates.js";
import type { ItemLine } from "../core/docket/item.js";
import { timeOfDay } from "../core/docket/time-of-day.js";
import { formatDuration } from "../core/duration.js";
import type { Style } from "./style.js";

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** "2026-11-27 Fri", coloured by how close it is: overdue red, today or tomorrow yellow. */
export function renderDue(due: IsoDate, today: IsoDate, style: Style): string {
  const text = `due ${due} ${WEEKDAYS[weekdayIndex(due)]}`;
  const days = daysBetween(today, due);
  if (days < 0) return style.red(`${text} (${-days}d late)`);
  if (days <= 1) return style.yellow(`${text}${days === 0 ? " (today)" : " (tomorrow)"}`);
  return text;
}

/**
 * Renders items as one line each. Made once per command: a list of thousands of items has a
 * few hundred distinct due dates, and each is rendered once.
 */
export function itemRenderer(today: IsoDate, style: Style): (line: ItemLine) => string {
  const dues = new Map<IsoDate, string>();
  const dueText = (due: IsoDate): string => {
    let text = dues.get(due);
    if (text === undefined) {
      text = renderDue(due, today, style);
      dues.set(due, text);
    }
    return text;
  };
  return (line) => {
    const it = line.item;
    let out = style.dim(line.id.padEnd(6));
    if (it.done) out += ` ${style.green(it.completed ? `x ${it.completed}` : "x")}`;
    if (it.priority) out += ` ${style.yellow(`(${it.priority})`)}`;
    out += ` ${it.done ? style.dim(it.title) : it.title}`;
    if (it.due && !it.done) {
      out += ` ${dueText(it.due)}`;
      const time = timeOfDay(line);
      if (time !== undefined) out += ` ${time}`;
    }
    if (it.estimate !== undefined) out += ` ${style.dim(`est ${formatDuration(it.estimate)}`)}`;
    if (it.spent !== undefined) out += ` ${style.dim(`spent ${formatDuration(it.spent)}`)}`;
    if (it.rec)
      out += ` ${style.dim(`every ${it.rec.count}${it.rec.unit}${it.rec.strict ? " strict" : ""}`)}`;
    if (it.categoryGuess) out += ` ${style.magenta(`[${it.category} ?]`)}`;
    if (line.duplicateOf !== undefined)
      out += ` ${style.red(`[id:${it.ownId} also on line ${line.duplicateOf}]`)}`;
    return out;
  };
}

/** One item on one line: id, done mark, priority, title, due (and time), effort, recurrence, guess. */
export function renderItem(line: ItemLine, today: IsoDate, style: Style): string {
  return itemRenderer(today, style)(line);
}

export function categoryHeading(category: keyof typeof CATEGORY_LABELS | undefined): string {
  return category ? CATEGORY_LABELS[category] : "Uncategorised";
}

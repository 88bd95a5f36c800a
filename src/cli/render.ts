import { CATEGORY_LABELS } from "../core/category.js";
import { daysBetween, type IsoDate, weekdayIndex } from "../core/dates.js";
import type { ItemLine } from "../core/docket/item.js";
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

export function renderItem(line: ItemLine, today: IsoDate, style: Style): string {
  const it = line.item;
  const parts: string[] = [style.dim(line.id.padEnd(6))];
  if (it.done) parts.push(style.green(`x ${it.completed ?? ""}`.trimEnd()));
  if (it.priority) parts.push(style.yellow(`(${it.priority})`));
  parts.push(it.done ? style.dim(it.title) : it.title);
  if (it.due && !it.done) parts.push(renderDue(it.due, today, style));
  if (it.estimate !== undefined) parts.push(style.dim(`est ${formatDuration(it.estimate)}`));
  if (it.spent !== undefined) parts.push(style.dim(`spent ${formatDuration(it.spent)}`));
  if (it.rec)
    parts.push(style.dim(`every ${it.rec.count}${it.rec.unit}${it.rec.strict ? " strict" : ""}`));
  if (it.categoryGuess) parts.push(style.magenta(`[${it.category} ?]`));
  return parts.join(" ");
}

export function categoryHeading(category: keyof typeof CATEGORY_LABELS | undefined): string {
  return category ? CATEGORY_LABELS[category] : "Uncategorised";
}

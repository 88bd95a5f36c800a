/**
 * Counted words, in one place so every shell says "1 day" and "3 days" alike (the CLI, the
 * reports, the dashboard).
 */

/** "1 day", "3 days", "0 items": the count with its noun, singular only for exactly one. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 || n === -1 ? one : many}`;
}

/**
 * An item's age from the days since its creation date: "created today", "1 day old",
 * "12 days old"; a creation date after today (a clock or `--today` behind the file) says so
 * rather than "-3 days old".
 */
export function ageText(days: number): string {
  if (days === 0) return "created today";
  if (days < 0) return `created ${plural(-days, "day")} from now`;
  return `${plural(days, "day")} old`;
}

/** "a", "a or b", "a, b or c". */
export function orList(items: readonly string[]): string {
  if (items.length <= 2) return items.join(" or ");
  return `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}

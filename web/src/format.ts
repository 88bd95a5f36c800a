import type { ItemJson } from "./api.js";

/**
 * Dates as a leader reads them on a board: "today", "tomorrow", "Fri 27 Nov", and with the
 * year when it is not this year's ("Mon 4 Jan 2027"), so next January is not read as last.
 */
export function friendlyDate(date: string, today: string): string {
  if (date === today) return "today";
  const d = new Date(`${date}T12:00:00`);
  const t = new Date(`${today}T12:00:00`);
  const days = Math.round((d.getTime() - t.getTime()) / 86_400_000);
  if (days === 1) return "tomorrow";
  if (days === -1) return "yesterday";
  const shown = d.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short" });
  return date.slice(0, 4) === today.slice(0, 4) ? shown : `${shown} ${date.slice(0, 4)}`;
}

/**
 * What the edit box shows: the item's words and tags, without the parts an edit keeps anyway
 * (done mark, priority, dates at the head, id and category), as `ppppt edit` treats them.
 */
export function editableText(item: ItemJson): string {
  return item.text
    .replace(/^x \d{4}-\d{2}-\d{2} /, "")
    .replace(/^\([A-Z]\) /, "")
    .replace(/^\d{4}-\d{2}-\d{2} /, "")
    .replace(/(^|\s)(id|cat):\S+/g, "")
    .trim();
}

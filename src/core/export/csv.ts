import { stringify } from "csv-stringify/sync";
import type { ItemJson } from "../docket/item-json.js";

/**
 * The docket as CSV for a spreadsheet: one row per item, the columns of `--json` flattened
 * (lists joined with spaces, tags as `key:value` words), a header row, RFC 4180 quoting. Line
 * ends are LF, which every spreadsheet reads: the CLI's output escapes a bare carriage return
 * (see cli/terminal-text.ts), so RFC 4180's CRLF would not survive it.
 */
export const CSV_COLUMNS = [
  "id",
  "done",
  "priority",
  "completed",
  "created",
  "due",
  "threshold",
  "category",
  "category_guess",
  "title",
  "projects",
  "contexts",
  "estimate_minutes",
  "spent_minutes",
  "recurrence",
  "tags",
  "text",
] as const;

export function itemsCsv(items: readonly ItemJson[]): string {
  const rows = items.map((i) => [
    i.id,
    i.done ? "yes" : "no",
    i.priority ?? "",
    i.completed ?? "",
    i.created ?? "",
    i.due ?? "",
    i.threshold ?? "",
    i.category ?? "",
    i.categoryGuess ? "yes" : "no",
    i.title,
    i.projects.join(" "),
    i.contexts.join(" "),
    i.estimateMinutes ?? "",
    i.spentMinutes ?? "",
    i.recurrence ?? "",
    Object.entries(i.tags)
      .map(([k, v]) => `${k}:${v}`)
      .join(" "),
    i.text,
  ]);
  return stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: "unix" });
}

import { setTag } from "../docket/edit.js";
import type { Docket } from "../docket/item.js";

/**
 * The docket as plain todo.txt: the item lines, in file order (comments, blank and unreadable
 * lines left out). With `withoutOwnKeys`, the tags only ppppt reads go (`id:`, `est:`,
 * `spent:`, `pri:` and the import's `src:`); the category stays as a `cat:` tag (without the
 * guess mark), and todo.txt's common tags (`due:`, `t:`, `rec:`, `h:`) stay as they are.
 */
export const OWN_KEYS_DROPPED = ["id", "est", "spent", "pri", "src"] as const;

export function todoTxtLines(docket: Docket, withoutOwnKeys: boolean): string[] {
  const out: string[] = [];
  for (const line of docket.lines) {
    if (line.kind !== "item") continue;
    let text = line.text;
    if (withoutOwnKeys) {
      for (const key of OWN_KEYS_DROPPED) text = setTag(text, key, undefined);
      if (line.item.category) text = setTag(text, "cat", line.item.category);
    }
    out.push(text);
  }
  return out;
}

import type { IsoDate } from "../dates.js";
import type { ItemLine } from "../docket/item.js";
import { fnv1a } from "../fnv1a.js";
import { startOfDateIn } from "../import/timestamp.js";

/**
 * The docket as `task import` reads it: a JSON array of tasks. Dates are calendar dates in
 * the docket, moments in Taskwarrior: each becomes the start of that day in the user's zone,
 * so `task` shows the same date and a re-import gives it back. An item imported from
 * Taskwarrior keeps its uuid (from `src:tw:`); any other gets a uuid derived from its id, the
 * same on every export, so exporting twice and importing twice adds nothing in `task`.
 */

export interface TaskwarriorTask {
  uuid: string;
  description: string;
  status: "pending" | "completed";
  entry: string;
  end?: string;
  due?: string;
  scheduled?: string;
  until?: string;
  priority?: "H" | "M" | "L";
  project?: string;
  tags?: string[];
  depends?: string[];
}

/** Taskwarrior's basic ISO form, as `task export` writes it: 20261125T000000Z. */
function twTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, "0");
}

/** A version-4-shaped uuid from the item's id, stable across exports. */
export function derivedUuid(id: string): string {
  const h = [1, 2, 3, 4].map((k) => hex8(fnv1a(`ppppt:${k}:${id}`))).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[Number.parseInt(h[16] as string, 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const PRIORITY: Record<string, "H" | "M" | "L"> = { A: "H", B: "M", C: "L" };

/** Taskwarrior's tags and projects hold no spaces or commas; todo.txt's words hold none either. */
function taskTag(word: string): string {
  return word.replace(/[\s,]/g, "_");
}

export function taskwarriorTasks(
  lines: readonly ItemLine[],
  zone: string,
  createdFallback: IsoDate,
): TaskwarriorTask[] {
  const when = (d: IsoDate) => twTime(startOfDateIn(d, zone));
  const uuids = new Map<string, string>();
  for (const l of lines) {
    const src = l.item.tags.find((t) => t.key === "src")?.value;
    uuids.set(l.id, src?.startsWith("tw:") ? src.slice(3) : derivedUuid(l.id));
  }
  const all = [...uuids.values()];
  return lines.map((l) => {
    const it = l.item;
    const uuid = uuids.get(l.id) as string;
    const task: TaskwarriorTask = {
      uuid,
      description:
        it.title
          .replace(/(^|\s)[+@]\S+/g, "")
          .replace(/\s+/g, " ")
          .trim() || it.title,
      status: it.done ? "completed" : "pending",
      entry: when(it.created ?? it.completed ?? createdFallback),
    };
    if (it.done) task.end = when(it.completed ?? it.created ?? createdFallback);
    if (it.due) task.due = when(it.due);
    if (it.threshold) task.scheduled = when(it.threshold);
    const until = it.tags.find((t) => t.key === "until")?.value;
    if (until && /^\d{4}-\d{2}-\d{2}$/.test(until)) task.until = when(until);
    const letter = it.priority ?? it.tags.find((t) => t.key === "pri")?.value;
    const pri = letter ? PRIORITY[letter] : undefined;
    if (pri) task.priority = pri;
    const [project, ...more] = it.projects;
    if (project) task.project = taskTag(project);
    const tags = [...it.contexts, ...more].map(taskTag);
    if (tags.length > 0) task.tags = tags;
    const dep = it.tags.find((t) => t.key === "dep")?.value;
    if (dep) {
      const full = dep
        .split(",")
        .map((p) => all.find((u) => u.startsWith(p)))
        .filter((u): u is string => u !== undefined);
      if (full.length > 0) task.depends = full;
    }
    return task;
  });
}

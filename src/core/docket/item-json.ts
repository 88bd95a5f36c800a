import { peopleOf } from "../people.js";
import type { ItemLine } from "./item.js";

/** The shape an item has in every `--json` output and in the server's API. */
export interface ItemJson {
  id: string;
  line: number;
  text: string;
  title: string;
  done: boolean;
  priority: string | null;
  completed: string | null;
  created: string | null;
  due: string | null;
  threshold: string | null;
  category: string | null;
  categoryGuess: boolean;
  projects: readonly string[];
  contexts: readonly string[];
  /** The first of each tag; `people` has every `with:` handle. */
  tags: Record<string, string>;
  /** The people it is about: its `with:` handles, lower case (docs/people.md). */
  people: string[];
  estimateMinutes: number | null;
  spentMinutes: number | null;
  recurrence: string | null;
  hidden: boolean;
  /** The earlier line that has this item's `id:` too (see ItemLine.duplicateOf); else null. */
  duplicateOf: number | null;
}

export function itemJson(line: ItemLine): ItemJson {
  const it = line.item;
  const tags: Record<string, string> = {};
  for (const t of it.tags) if (!(t.key in tags)) tags[t.key] = t.value;
  return {
    id: line.id,
    line: line.number,
    text: line.text,
    title: it.title,
    done: it.done,
    priority: it.priority ?? null,
    completed: it.completed ?? null,
    created: it.created ?? null,
    due: it.due ?? null,
    threshold: it.threshold ?? null,
    category: it.category ?? null,
    categoryGuess: it.categoryGuess,
    projects: it.projects,
    contexts: it.contexts,
    tags,
    people: peopleOf(line),
    estimateMinutes: it.estimate ?? null,
    spentMinutes: it.spent ?? null,
    recurrence: tags.rec ?? null,
    hidden: it.hidden,
    duplicateOf: line.duplicateOf ?? null,
  };
}

import type { ItemJson } from "./api.js";

/**
 * The board's filter (the search and filter bar), kept in the page's query string so a
 * filtered board can be bookmarked or shared: `?q=rfc&project=platform&person=dana&due-from=…`.
 * Every field narrows; an empty filter shows everything. Matching follows `ppppt list`: words
 * and names case-insensitive, a person matches their handle and the handles under it
 * (`dana` matches `with:dana.k`).
 */
export interface BoardFilter {
  text: string;
  project: string;
  context: string;
  person: string;
  dueFrom: string;
  dueTo: string;
  /** A priority letter, or "none" for items without one. */
  priority: string;
}

export const NO_FILTER: BoardFilter = {
  text: "",
  project: "",
  context: "",
  person: "",
  dueFrom: "",
  dueTo: "",
  priority: "",
};

const PARAMS: Record<keyof BoardFilter, string> = {
  text: "q",
  project: "project",
  context: "context",
  person: "person",
  dueFrom: "due-from",
  dueTo: "due-to",
  priority: "pri",
};

export function filterFromQuery(search: string): BoardFilter {
  const params = new URLSearchParams(search);
  const filter = { ...NO_FILTER };
  for (const key of Object.keys(PARAMS) as (keyof BoardFilter)[]) {
    filter[key] = params.get(PARAMS[key])?.trim() ?? "";
  }
  return filter;
}

/** The query string for a filter, other parameters of `search` kept. */
export function queryWithFilter(search: string, filter: BoardFilter): string {
  const params = new URLSearchParams(search);
  for (const key of Object.keys(PARAMS) as (keyof BoardFilter)[]) {
    const value = filter[key].trim();
    if (value) params.set(PARAMS[key], value);
    else params.delete(PARAMS[key]);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function isFiltered(filter: BoardFilter): boolean {
  return Object.values(filter).some((v) => v.trim() !== "");
}

const bare = (value: string, sigil: string) =>
  (value.startsWith(sigil) ? value.slice(sigil.length) : value).trim().toLowerCase();

export function matchesFilter(item: ItemJson, filter: BoardFilter): boolean {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length) {
    const text = item.text.toLowerCase();
    for (const word of words) {
      if (word.startsWith("-") && word.length > 1) {
        if (text.includes(word.slice(1))) return false;
      } else if (!text.includes(word)) return false;
    }
  }
  const project = bare(filter.project, "+");
  if (project && !item.projects.some((p) => p.toLowerCase() === project)) return false;
  const context = bare(filter.context, "@");
  if (context && !item.contexts.some((c) => c.toLowerCase() === context)) return false;
  const person = bare(filter.person, "with:");
  if (person && !item.people.some((h) => h === person || h.startsWith(`${person}.`))) return false;
  if (filter.dueFrom && (!item.due || item.due < filter.dueFrom)) return false;
  if (filter.dueTo && (!item.due || item.due > filter.dueTo)) return false;
  const priority = filter.priority.trim().toUpperCase();
  if (priority === "NONE") {
    if (item.priority) return false;
  } else if (priority && item.priority !== priority) return false;
  return true;
}

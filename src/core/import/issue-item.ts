import { CATEGORIES, type Category, parseCategory } from "../category.js";
import type { IsoDate } from "../dates.js";
import { PpppptError } from "../errors.js";
import type { ImportedItem } from "./imported-item.js";
import type { IssueRecord } from "./issue-record.js";
import { timestampDate } from "./timestamp.js";

/** Which issues an import takes; every field unset takes them all. */
export interface IssueFilter {
  /** A login, user name or display name, compared without case. */
  assignee?: string;
  /** Any of the issue's labels, without case. */
  label?: string;
  state?: "open" | "closed" | "all";
  /** Pull requests come in only when asked. */
  pullRequests?: boolean;
}

/** Why a record was left out, as the summary counts it (undefined: it comes in). */
export function skipReason(r: IssueRecord, f: IssueFilter): string | undefined {
  if (r.isPullRequest && !f.pullRequests) return "pull request";
  if (f.assignee !== undefined) {
    const want = f.assignee.toLowerCase();
    if (!r.assignees.some((a) => a.toLowerCase() === want)) return "assignee";
  }
  if (f.label !== undefined) {
    const want = f.label.toLowerCase();
    if (!r.labels.some((l) => l.toLowerCase() === want)) return "label";
  }
  if (f.state && f.state !== "all") {
    if (r.state === "unknown") return "state unknown";
    if (r.state !== f.state) return "state";
  }
  return undefined;
}

/** Jira's priority names to todo.txt letters; GitHub-style `P0`–`P3` labels too. */
export function priorityLetter(priority: string | undefined): string | undefined {
  if (!priority) return undefined;
  const p = priority.toLowerCase().replace(/^priority[\s:/_-]*/, "");
  if (/^(highest|blocker|critical|urgent|p0)$/.test(p)) return "A";
  if (/^(high|p1)$/.test(p)) return "B";
  if (/^(medium|major|normal|p2)$/.test(p)) return "C";
  if (/^(low|minor|p3)$/.test(p)) return "D";
  if (/^(lowest|trivial|p4)$/.test(p)) return "E";
  return undefined;
}

/** The category the config's `labels:` map gives the first label it names. */
export function labelCategory(
  labels: readonly string[],
  map: ReadonlyMap<string, Category>,
): Category | undefined {
  for (const l of labels) {
    const c = map.get(l.toLowerCase());
    if (c) return c;
  }
  return undefined;
}

/**
 * An issue as an item: open → open item, closed → done on its closing date (in the user's
 * zone), the tracker's link as `url:`, its source id as `src:`.
 */
export function issueItem(
  r: IssueRecord,
  zone: string,
  labels: ReadonlyMap<string, Category>,
): ImportedItem {
  const date = (t: IssueRecord["created"]): IsoDate | undefined =>
    t ? timestampDate(t, zone) : undefined;
  const tags: [string, string][] = [];
  if (r.url && !/\s/.test(r.url)) tags.push(["url", r.url]);
  return {
    sourceId: r.sourceId,
    title: r.title || r.key,
    done: r.state === "closed",
    completed: r.state === "closed" ? date(r.closed) : undefined,
    created: date(r.created),
    due: r.due,
    threshold: undefined,
    priority: priorityLetter(r.priority ?? r.severity),
    projects: [],
    contexts: [],
    tags,
    category: labelCategory(r.labels, labels),
  };
}

/**
 * The config's `labels:` map (`labels: {bug: process, tech-debt: tech}`), checked: a label
 * mapped to something that is not a category stops the import with the config's name.
 */
export function labelMap(raw: unknown, configFile: string): Map<string, Category> {
  const out = new Map<string, Category>();
  if (raw === undefined || raw === null) return out;
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new PpppptError("labels: must map label names to categories", { file: configFile });
  }
  for (const [label, value] of Object.entries(raw as Record<string, unknown>)) {
    const category = typeof value === "string" ? parseCategory(value) : undefined;
    if (!category) {
      throw new PpppptError(
        `labels.${label}: "${String(value)}" is not a category (${CATEGORIES.join(", ")})`,
        {
          file: configFile,
        },
      );
    }
    out.set(label.toLowerCase(), category);
  }
  return out;
}

import { type IssueRecord, isObject, recordError, type Tracker } from "./issue-record.js";

/**
 * GrimoireLab Perceval items: `{backend_name: "GitHub", category: "issue", data: {…}}`. Returns
 * the wrapped issue when the item is one of `tracker`'s issues, null for an item of another
 * category (a pull request item, a comment) that is skipped, undefined when `v` is no Perceval
 * item; throws for another tracker's item.
 */
export function perceval(
  v: unknown,
  tracker: Tracker,
  file: string,
  record: number,
): Record<string, unknown> | null | undefined {
  if (!isObject(v) || typeof v.backend_name !== "string" || !("data" in v)) return undefined;
  const backend = v.backend_name.toLowerCase();
  if (!backend.startsWith(tracker)) {
    throw recordError(
      file,
      record,
      `a Perceval ${v.backend_name} item, not ${tracker}`,
      `Use \`ppppt import ${backend.replace(/[^a-z].*$/, "")}\`.`,
    );
  }
  if (v.category !== undefined && v.category !== "issue") return null;
  if (!isObject(v.data)) throw recordError(file, record, "a Perceval item without its data");
  return v.data;
}

/** "Use `ppppt import gitlab`" when a record is plainly another tracker's. */
export function foreignRecordHint(v: unknown): string | undefined {
  if (!isObject(v)) return undefined;
  if ("iid" in v && "project_id" in v)
    return "It looks like a GitLab issue: use `ppppt import gitlab`.";
  if ("fields" in v || (Array.isArray(v.issues) && "startAt" in v))
    return "It looks like Jira: use `ppppt import jira`.";
  if ("uuid" in v && "description" in v)
    return "It looks like Taskwarrior: use `ppppt import taskwarrior`.";
  if ("number" in v) return "It looks like GitHub: use `ppppt import github`.";
  return undefined;
}

export type { IssueRecord };

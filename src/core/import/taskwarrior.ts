import type { IsoDate } from "../dates.js";
import { type ImportedItem, tagWord } from "./imported-item.js";
import { isObject, recordError, text } from "./issue-record.js";
import { JsonExport } from "./json-values.js";
import { parseIsoTimestamp, type Timestamp, timestampDate } from "./timestamp.js";

/**
 * Taskwarrior's JSON: `task export` (an array, or one object per line with json.array=off),
 * Taskwarrior 2 and 3 alike, and 2.x's `backlog.data`, in which a task appears again each time
 * it changed: the last copy of a uuid wins, as `task import` would leave it.
 */

export interface TaskRecord {
  uuid: string;
  description: string;
  status: string;
  entry: Timestamp | undefined;
  end: Timestamp | undefined;
  due: Timestamp | undefined;
  scheduled: Timestamp | undefined;
  wait: Timestamp | undefined;
  until: Timestamp | undefined;
  priority: string | undefined;
  project: string | undefined;
  tags: string[];
  recur: string | undefined;
  /** A recurring task's instance names its template here. */
  parent: string | undefined;
  annotations: { entry: Timestamp | undefined; description: string }[];
  depends: string[];
  record: number;
}

export interface TaskFile {
  format: "array" | "lines";
  /** Objects in the file, repeats included. */
  objects: number;
  /** One per uuid, the last copy, in order of first appearance. */
  tasks: TaskRecord[];
}

function time(v: unknown, file: string, record: number, field: string): Timestamp | undefined {
  const s = text(v);
  if (s === undefined || s === "") return undefined;
  const t = parseIsoTimestamp(s);
  if (!t) throw recordError(file, record, `${field} "${s}" is not a Taskwarrior date`);
  return t;
}

function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
  // Taskwarrior 2 writes depends as one comma-separated string.
  if (typeof v === "string")
    return v
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
  return [];
}

export function taskRecord(x: unknown, file: string, record: number): TaskRecord {
  if (!isObject(x)) throw recordError(file, record, "not a Taskwarrior task (not an object)");
  const uuid = text(x.uuid);
  const description = text(x.description);
  if (!uuid || description === undefined) {
    throw recordError(file, record, "not a Taskwarrior task (it needs a uuid and a description)");
  }
  const annotations = Array.isArray(x.annotations)
    ? x.annotations.filter(isObject).map((a) => ({
        entry: time(a.entry, file, record, "annotation entry"),
        description: text(a.description) ?? "",
      }))
    : [];
  return {
    uuid,
    description,
    status: text(x.status) ?? "pending",
    entry: time(x.entry, file, record, "entry"),
    end: time(x.end, file, record, "end"),
    due: time(x.due, file, record, "due"),
    scheduled: time(x.scheduled, file, record, "scheduled"),
    wait: time(x.wait, file, record, "wait"),
    until: time(x.until, file, record, "until"),
    priority: text(x.priority),
    project: text(x.project),
    tags: list(x.tags),
    recur: text(x.recur),
    parent: text(x.parent),
    annotations,
    depends: list(x.depends),
    record,
  };
}

export class TaskwarriorReader {
  private readonly json: JsonExport;
  private readonly byUuid = new Map<string, TaskRecord>();
  private objects = 0;
  private format: TaskFile["format"] = "lines";

  constructor(file: string) {
    this.json = new JsonExport(file, (r) => {
      this.objects++;
      if (r.inArray) this.format = "array";
      const task = taskRecord(r.value, file, r.record);
      // A Map keeps a key where it was first set: the task keeps its first place in the list.
      this.byUuid.set(task.uuid, task);
    });
  }

  write(bytes: Uint8Array): void {
    this.json.write(bytes);
  }

  end(): TaskFile {
    this.json.end();
    return { format: this.format, objects: this.objects, tasks: [...this.byUuid.values()] };
  }
}

export function readTaskwarriorExport(bytes: Uint8Array, file: string): TaskFile {
  const r = new TaskwarriorReader(file);
  r.write(bytes);
  return r.end();
}

const PRIORITY: Record<string, string> = { H: "A", M: "B", L: "C" };

/** Taskwarrior's recurrence periods as `rec:` (todo.txt/Simpletask); undefined if none fits. */
export function recurrence(recur: string): string | undefined {
  const named: Record<string, string> = {
    daily: "1d",
    day: "1d",
    weekdays: "1b",
    weekly: "1w",
    week: "1w",
    biweekly: "2w",
    fortnight: "2w",
    monthly: "1m",
    month: "1m",
    bimonthly: "2m",
    quarterly: "3m",
    semiannual: "6m",
    annual: "1y",
    yearly: "1y",
    year: "1y",
    biannual: "2y",
    biyearly: "2y",
  };
  const r = recur.trim().toLowerCase();
  if (named[r]) return named[r];
  const m = /^(\d+)\s*(d|days?|w|wks?|weeks?|mo|mos|months?|q|quarters?|y|yrs?|years?)$/.exec(r);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2] as string;
  if (n < 1) return undefined;
  if (unit.startsWith("d")) return `${n}d`;
  if (unit.startsWith("w")) return `${n}w`;
  if (unit.startsWith("mo")) return `${n}m`;
  if (unit.startsWith("q")) return `${n * 3}m`;
  return `${n}y`;
}

export interface TaskSkip {
  reason: string;
}

/**
 * A task as an item, or why it is skipped. Tags become `@contexts` (todo.txt's word for "where
 * or with what"), the project `+project`; scheduled (else wait) is the threshold `t:`;
 * `until:` is kept as a tag; annotations and dependencies go to the import state.
 */
export function taskItem(t: TaskRecord, zone: string): ImportedItem | TaskSkip {
  if (t.status === "deleted") return { reason: "deleted" };
  if (t.status === "recurring") return { reason: "recurring template" };
  const date = (ts: Timestamp | undefined): IsoDate | undefined =>
    ts ? timestampDate(ts, zone) : undefined;
  const tags: [string, string][] = [];
  const rec = t.recur ? recurrence(t.recur) : undefined;
  if (rec) tags.push(["rec", rec]);
  if (t.until) tags.push(["until", date(t.until) as string]);
  // Dependencies by the first 8 characters of the uuid, as `task` itself shows them; the
  // export finds the full uuid again from the other items' `src:` tags.
  if (t.depends.length > 0) tags.push(["dep", t.depends.map((u) => u.slice(0, 8)).join(",")]);
  const done = t.status === "completed";
  return {
    sourceId: `tw:${t.uuid}`,
    title: t.description,
    done,
    completed: done ? date(t.end) : undefined,
    created: date(t.entry),
    due: date(t.due),
    threshold: date(t.scheduled ?? t.wait),
    priority: t.priority ? PRIORITY[t.priority.toUpperCase()] : undefined,
    projects: t.project ? [t.project] : [],
    contexts: t.tags.filter((g) => tagWord(g) !== ""),
    tags,
    category: undefined,
    extra:
      t.annotations.length > 0
        ? {
            annotations: t.annotations.map((a) => ({
              entry: a.entry ? new Date(a.entry.ms).toISOString() : null,
              description: a.description,
            })),
          }
        : undefined,
  };
}

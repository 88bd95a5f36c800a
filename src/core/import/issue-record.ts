import type { IsoDate } from "../dates.js";
import { PpppptError } from "../errors.js";
import type { Timestamp } from "./timestamp.js";

export type Tracker = "github" | "gitlab" | "jira";

/**
 * One issue as any tracker exports it, in one neutral shape: what `ppppt import` turns into an
 * item and what the engineering-health figures (bug age, time to resolution) read.
 */
export interface IssueRecord {
  tracker: Tracker;
  /** Stable across exports of the same issue: `github:owner/repo#12`, `gitlab:42#7`, `jira:ABC-1`. */
  sourceId: string;
  /** How the tracker names it to people: `#12`, `ABC-1`. */
  key: string;
  title: string;
  /** `unknown` when the export carries no state at all (`gh --json number,title`, plain RSS). */
  state: "open" | "closed" | "unknown";
  created: Timestamp | undefined;
  /** When it was closed (Jira: resolved); undefined when open or when the export omits it. */
  closed: Timestamp | undefined;
  /** Closed without doing it: GitHub's "not planned", Jira's Won't Do / Duplicate / … resolutions. */
  closedAsNotPlanned: boolean;
  labels: string[];
  assignees: string[];
  /** Jira's priority field, or a GitHub/GitLab label such as `P1` or `priority: high`. */
  priority: string | undefined;
  /** A severity label (`S2`, `severity: critical`) or GitLab's severity field. */
  severity: string | undefined;
  due: IsoDate | undefined;
  url: string | undefined;
  isPullRequest: boolean;
  /** Jira's issue type (Bug, Story, Sub-task); GitHub's issue type where given. */
  type: string | undefined;
  /** 1-based position of the record in its file, for messages. */
  record: number;
}

/** What a reader found in one file. */
export interface IssueFile {
  tracker: Tracker;
  /** Which export shape was recognised: `github-rest`, `jira-csv`, … (see docs/import.md). */
  shape: string;
  records: IssueRecord[];
}

export function recordError(
  file: string,
  record: number,
  message: string,
  hint?: string,
): PpppptError {
  return new PpppptError(`record ${record}: ${message}`, { file, hint });
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function text(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  return undefined;
}

/** Names from `[{name}]`, GraphQL's `{nodes: [{name}]}`, or plain strings (GitLab, Jira). */
export function names(v: unknown, key = "name"): string[] {
  let list = v;
  if (isObject(list) && Array.isArray(list.nodes)) list = list.nodes;
  if (!Array.isArray(list)) return [];
  const out: string[] = [];
  for (const x of list) {
    if (typeof x === "string") out.push(x);
    else if (isObject(x)) {
      const n = text(x[key]) ?? text(x.login) ?? text(x.username) ?? text(x.name);
      if (n !== undefined) out.push(n);
    }
  }
  return out;
}

const PRIORITY_LABEL = /^(?:p[0-4]|priority[\s:/_-]*.+|pri[\s:/_-]+.+)$/i;
const SEVERITY_LABEL = /^(?:s[0-4]|sev[0-4]|severity[\s:/_-]*.+|sev[\s:/_-]+.+)$/i;

/** A priority and a severity read from labels, where the tracker has no such field. */
export function labelRank(labels: readonly string[]): { priority?: string; severity?: string } {
  const out: { priority?: string; severity?: string } = {};
  for (const l of labels) {
    if (out.priority === undefined && PRIORITY_LABEL.test(l)) out.priority = l;
    else if (out.severity === undefined && SEVERITY_LABEL.test(l)) out.severity = l;
  }
  return out;
}

/** Tallies of records by state and pull requests, as the summaries and the fixture tests use. */
export function countRecords(records: readonly IssueRecord[]): {
  issues: number;
  pullRequests: number;
  open: number;
  closed: number;
  unknown: number;
} {
  let pullRequests = 0;
  let open = 0;
  let closed = 0;
  let unknown = 0;
  for (const r of records) {
    if (r.isPullRequest) pullRequests++;
    if (r.state === "open") open++;
    else if (r.state === "closed") closed++;
    else unknown++;
  }
  return { issues: records.length, pullRequests, open, closed, unknown };
}

/** A push reader of one tracker's export: bytes in, one call of `onIssue` per issue out. */
export interface IssueReader {
  /** The export shape recognised (known after the first record). */
  readonly shape: string | undefined;
  write(bytes: Uint8Array): void;
  end(): void;
}

export function readWholeExport(
  tracker: Tracker,
  make: (file: string, onIssue: (r: IssueRecord) => void) => IssueReader,
  bytes: Uint8Array,
  file: string,
): IssueFile {
  const records: IssueRecord[] = [];
  const reader = make(file, (r) => records.push(r));
  reader.write(bytes);
  reader.end();
  return { tracker, shape: reader.shape ?? "empty", records };
}

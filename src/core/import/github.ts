import {
  type IssueFile,
  type IssueReader,
  type IssueRecord,
  isObject,
  labelRank,
  names,
  readWholeExport,
  recordError,
  text,
} from "./issue-record.js";
import { JsonIssueReader, type JsonRecord } from "./json-values.js";
import { foreignRecordHint, perceval } from "./perceval.js";
import { parseIsoTimestamp } from "./timestamp.js";

/**
 * GitHub issue exports, in every shape people keep them: REST `/issues` lists (which mix pull
 * requests in), `gh issue list --json …` (camelCase, states in capitals), `gh api graphql`
 * responses (`data.repository.issues.nodes`, `data.search.nodes`), REST search results
 * (`{items}`) and GrimoireLab Perceval items (the issue under `data`).
 */

export function githubRecord(x: Record<string, unknown>, record: number): IssueRecord {
  const state = text(x.state);
  const url = text(x.html_url) ?? text(x.url);
  const repo = repoOf(x, url);
  const number = text(x.number) as string;
  const labels = names(x.labels);
  const assignees = names(x.assignees);
  if (assignees.length === 0 && isObject(x.assignee)) assignees.push(...names([x.assignee]));
  const reason = (text(x.state_reason) ?? text(x.stateReason) ?? "").toLowerCase();
  const closedAt = parseIsoTimestamp(text(x.closed_at) ?? text(x.closedAt) ?? "");
  const rank = labelRank(labels);
  const isPr =
    "pull_request" in x || x.__typename === "PullRequest" || /\/pull\/\d+$/.test(url ?? "");
  return {
    tracker: "github",
    sourceId: `github:${repo ?? ""}#${number}`,
    key: `#${number}`,
    title: (text(x.title) ?? "").trim(),
    state: state === undefined ? "unknown" : state.toLowerCase() === "closed" ? "closed" : "open",
    created: parseIsoTimestamp(text(x.created_at) ?? text(x.createdAt) ?? ""),
    closed: closedAt,
    closedAsNotPlanned: reason === "not_planned",
    labels,
    assignees,
    priority: rank.priority,
    severity: rank.severity,
    due: undefined,
    url: url && !url.startsWith("https://api.github.com/") ? url : htmlUrl(url),
    isPullRequest: isPr,
    type: isObject(x.type) ? text(x.type.name) : undefined,
    record,
  };
}

/** The REST API's `url` is the API's; people click the web page. */
function htmlUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return url.replace(/^https:\/\/api\.github\.com\/repos\//, "https://github.com/");
}

function repoOf(x: Record<string, unknown>, url: string | undefined): string | undefined {
  if (isObject(x.repository)) {
    const n = text(x.repository.nameWithOwner) ?? text(x.repository.full_name);
    if (n) return n;
  }
  const fromApi = /\/repos\/([^/]+\/[^/]+)$/.exec(text(x.repository_url) ?? "");
  if (fromApi) return fromApi[1];
  const fromWeb = /^https?:\/\/[^/]+\/([^/]+\/[^/]+)\/(?:issues|pull)\/\d+/.exec(url ?? "");
  return fromWeb?.[1];
}

export function isGithubIssue(x: unknown): x is Record<string, unknown> {
  return isObject(x) && "number" in x && !("iid" in x) && !("fields" in x);
}

/** The shape a GitHub record came in, named as in docs/import.md. */
function shapeOf(x: Record<string, unknown>): string {
  const camel = "createdAt" in x || /^[A-Z]+$/.test(text(x.state) ?? "");
  return camel ? "github-gh-json" : "github-rest";
}

/** Reads a GitHub export a chunk at a time, calling `onIssue` for each issue (and PR). */
export class GithubReader extends JsonIssueReader implements IssueReader {
  override end(): void {
    super.end();
    this.shape ??= "github-rest";
  }

  protected issuesIn(r: JsonRecord): IssueRecord[] {
    const v = r.value;
    const wrapped = perceval(v, "github", this.file, r.record);
    if (wrapped !== undefined) {
      this.shape ??= "perceval-items";
      return wrapped === null ? [] : [githubRecord(wrapped, r.record)];
    }
    if (r.inArray || isGithubIssue(v)) {
      if (!isGithubIssue(v)) {
        throw recordError(
          this.file,
          r.record,
          "not a GitHub issue (it has no number)",
          foreignRecordHint(v),
        );
      }
      this.shape ??= shapeOf(v);
      return [githubRecord(v, r.record)];
    }
    if (!isObject(v)) throw recordError(this.file, r.record, "not a GitHub issue export");
    if (Array.isArray(v.items)) {
      this.shape ??= "github-search";
      return v.items.filter(isGithubIssue).map((x, i) => githubRecord(x, i + 1));
    }
    if (isObject(v.data)) {
      this.shape ??= "github-graphql";
      const nodes: Record<string, unknown>[] = [];
      collectNodes(v.data, nodes);
      return nodes.map((x, i) => githubRecord(x, i + 1));
    }
    if (typeof v.message === "string") {
      throw recordError(this.file, r.record, `an API error, not issues: "${v.message}"`);
    }
    throw recordError(
      this.file,
      r.record,
      "not a GitHub issue export (expected an array of issues, a GraphQL response or a search result)",
      foreignRecordHint(v),
    );
  }
}

/** Issue nodes anywhere in a GraphQL response (labels' and assignees' nodes are not issues). */
function collectNodes(o: unknown, out: Record<string, unknown>[]): void {
  if (Array.isArray(o)) {
    for (const v of o) collectNodes(v, out);
    return;
  }
  if (!isObject(o)) return;
  for (const [k, v] of Object.entries(o)) {
    if (k === "labels" || k === "assignees") continue;
    if (k === "nodes" && Array.isArray(v) && v.length > 0 && v.every(isGithubIssue)) out.push(...v);
    else if (k === "edges" && Array.isArray(v)) {
      for (const e of v) if (isObject(e) && isGithubIssue(e.node)) out.push(e.node);
    } else collectNodes(v, out);
  }
}

/** A whole GitHub export at once (the health figures' entry point). */
export function readGithubExport(bytes: Uint8Array, file: string): IssueFile {
  return readWholeExport("github", (f, on) => new GithubReader(f, on), bytes, file);
}

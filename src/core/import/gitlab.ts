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

/** GitLab REST issue lists (`/projects/:id/issues`), plain or as Perceval items. */

export function isGitlabIssue(x: unknown): x is Record<string, unknown> {
  return isObject(x) && "iid" in x && "project_id" in x;
}

export function gitlabRecord(x: Record<string, unknown>, record: number): IssueRecord {
  const labels = names(x.labels);
  const assignees = names(x.assignees, "username");
  if (assignees.length === 0 && isObject(x.assignee))
    assignees.push(...names([x.assignee], "username"));
  const rank = labelRank(labels);
  const severity = text(x.severity);
  const due = text(x.due_date);
  const iid = text(x.iid) as string;
  const ref = text(isObject(x.references) ? x.references.full : undefined);
  return {
    tracker: "gitlab",
    sourceId: `gitlab:${ref ?? `${text(x.project_id) ?? ""}#${iid}`}`,
    key: `#${iid}`,
    title: (text(x.title) ?? "").trim(),
    state: text(x.state) === "closed" ? "closed" : x.state === undefined ? "unknown" : "open",
    created: parseIsoTimestamp(text(x.created_at) ?? ""),
    closed: parseIsoTimestamp(text(x.closed_at) ?? ""),
    closedAsNotPlanned: false,
    labels,
    assignees,
    priority: rank.priority,
    severity: severity && severity !== "UNKNOWN" ? severity : rank.severity,
    due: due && /^\d{4}-\d{2}-\d{2}$/.test(due) ? due : undefined,
    url: text(x.web_url),
    isPullRequest: false,
    type: text(x.issue_type) ?? text(x.type),
    record,
  };
}

export class GitlabReader extends JsonIssueReader implements IssueReader {
  protected issuesIn(r: JsonRecord): IssueRecord[] {
    const issue = this.issueIn(r);
    return issue ? [issue] : [];
  }

  private issueIn(r: JsonRecord): IssueRecord | undefined {
    const wrapped = perceval(r.value, "gitlab", this.file, r.record);
    if (wrapped !== undefined) {
      this.shape ??= "perceval-items";
      return wrapped === null ? undefined : gitlabRecord(wrapped, r.record);
    }
    if (!isGitlabIssue(r.value)) {
      throw recordError(
        this.file,
        r.record,
        "not a GitLab issue (expected an object with iid and project_id)",
        foreignRecordHint(r.value),
      );
    }
    this.shape ??= "gitlab-rest";
    return gitlabRecord(r.value, r.record);
  }
}

export function readGitlabExport(bytes: Uint8Array, file: string): IssueFile {
  return readWholeExport("gitlab", (f, on) => new GitlabReader(f, on), bytes, file);
}

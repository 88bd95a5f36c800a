import { parse as parseCsv } from "csv-parse/sync";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { PpppptError } from "../errors.js";
import { ExportDecoder } from "./decode.js";
import {
  type IssueFile,
  type IssueReader,
  type IssueRecord,
  isObject,
  names,
  readWholeExport,
  recordError,
  text,
} from "./issue-record.js";
import { JsonRecords } from "./json-values.js";
import { foreignRecordHint, perceval } from "./perceval.js";
import {
  parseIsoTimestamp,
  parseJiraCsvDate,
  parseRfc822,
  type Timestamp,
  timestampDate,
} from "./timestamp.js";

/**
 * Jira exports: the REST search JSON (`/rest/api/2/search`, and Perceval items wrapping its
 * issues), "Export CSV" (repeated columns for multi-value fields, dates without a zone, rows
 * with newlines inside quotes) and "Export XML" (RSS 2.0 with Jira's fields, read by a
 * streaming strict XML parser). Jira closes by resolution, not by status: an issue is closed
 * when it has a resolution date.
 */

/** Resolutions that close an issue without doing it. */
const NOT_PLANNED = new Set([
  "won't do",
  "won't fix",
  "wont fix",
  "duplicate",
  "cannot reproduce",
  "declined",
  "rejected",
  "incomplete",
  "obsolete",
  "invalid",
]);

function notPlanned(resolution: string | undefined): boolean {
  return resolution !== undefined && NOT_PLANNED.has(resolution.trim().toLowerCase());
}

/** A due date is a calendar date: its own date, whatever zone the time is in. */
function dueDate(t: Timestamp | undefined): string | undefined {
  return t ? timestampDate({ ...t, zoned: false }, "UTC") : undefined;
}

function browseUrl(self: string | undefined, key: string): string | undefined {
  const m = /^(https?:\/\/[^/]+(?:\/[^/]+)*?)\/rest\/api\//.exec(self ?? "");
  return m ? `${m[1]}/browse/${key}` : undefined;
}

export function jiraRestRecord(x: Record<string, unknown>, record: number): IssueRecord {
  const f = isObject(x.fields) ? x.fields : {};
  const key = text(x.key) ?? "";
  const resolved = parseIsoTimestamp(text(f.resolutiondate) ?? "");
  const resolution = isObject(f.resolution) ? text(f.resolution.name) : text(f.resolution);
  const assignee = isObject(f.assignee)
    ? (text(f.assignee.displayName) ?? text(f.assignee.name))
    : undefined;
  const hasResolutionDate = "resolutiondate" in f;
  const closed = hasResolutionDate
    ? resolved !== undefined
    : resolution !== undefined && resolution !== "Unresolved";
  return {
    tracker: "jira",
    sourceId: `jira:${key}`,
    key,
    title: (text(f.summary) ?? "").trim(),
    state: closed ? "closed" : "open",
    created: parseIsoTimestamp(text(f.created) ?? ""),
    closed: resolved,
    closedAsNotPlanned: closed && notPlanned(resolution),
    labels: names(f.labels),
    assignees: assignee ? [assignee] : [],
    priority: isObject(f.priority) ? text(f.priority.name) : text(f.priority),
    severity: undefined,
    due: dueDate(parseIsoTimestamp(text(f.duedate) ?? "")),
    url: browseUrl(text(x.self), key),
    isPullRequest: false,
    type: isObject(f.issuetype) ? text(f.issuetype.name) : undefined,
    record,
  };
}

function isJiraIssue(x: unknown): x is Record<string, unknown> {
  return isObject(x) && typeof x.key === "string" && isObject(x.fields);
}

type Format = "json" | "csv" | "xml";

/** Reads any Jira export, telling the format from its first character (and its name). */
export class JiraReader implements IssueReader {
  shape: string | undefined;
  private readonly file: string;
  private readonly onIssue: (r: IssueRecord) => void;
  private readonly decoder: ExportDecoder;
  private format: Format | undefined;
  private pending = "";
  private json: JsonRecords | undefined;
  private xml: RssReader | undefined;

  constructor(file: string, onIssue: (r: IssueRecord) => void) {
    this.file = file;
    this.onIssue = onIssue;
    this.decoder = new ExportDecoder(file);
  }

  write(bytes: Uint8Array): void {
    this.take(this.decoder.write(bytes));
  }

  end(): void {
    this.take(this.decoder.end());
    if (this.format === undefined) {
      if (this.pending.trim() === "")
        throw new PpppptError("the file is empty", { file: this.file });
      this.choose(this.pending);
      this.flushPending();
    }
    if (this.format === "json") (this.json as JsonRecords).end();
    else if (this.format === "xml") (this.xml as RssReader).end();
    else this.readCsv(this.pending);
  }

  private take(text: string): void {
    if (text === "") return;
    if (this.format === undefined) {
      this.pending += text;
      if (!/\S/.test(this.pending)) return;
      this.choose(this.pending);
      this.flushPending();
      return;
    }
    if (this.format === "json") (this.json as JsonRecords).write(text);
    else if (this.format === "xml") (this.xml as RssReader).write(text);
    // A Jira CSV export holds at most one search's results (Jira caps it at 1,000 rows), so it
    // is read whole: the CSV library's one-call form reports errors by line.
    else this.pending += text;
  }

  private choose(head: string): void {
    const at = head.search(/\S/);
    const first = head[at];
    if (first !== "<" && /\.xml$/i.test(this.file)) {
      const start = head.slice(at, at + 40).split(/\r?\n/)[0];
      throw new PpppptError(`text before the XML ("${start}…"): not an export as Jira writes it`, {
        file: this.file,
        line: 1 + (head.slice(0, at).match(/\n/g)?.length ?? 0),
        hint: "A browser's XML view adds prose when saved; save the export from Jira's own link.",
      });
    }
    if (first === "{" || first === "[") this.format = "json";
    else if (first === "<") this.format = "xml";
    else this.format = "csv";
    if (this.format === "json") {
      this.json = new JsonRecords(this.file, (r) => {
        for (const issue of this.jsonIssues(r.value, r.record, r.inArray)) this.onIssue(issue);
      });
    } else if (this.format === "xml") {
      this.shape = "jira-rss";
      this.xml = new RssReader(this.file, (issue, basic) => {
        if (basic) this.shape = "jira-rss-basic";
        this.onIssue(issue);
      });
    } else this.shape = "jira-csv";
  }

  private flushPending(): void {
    if (this.format === "csv") return;
    const text = this.pending;
    this.pending = "";
    this.take(text);
  }

  private jsonIssues(v: unknown, record: number, inArray: boolean): IssueRecord[] {
    const wrapped = perceval(v, "jira", this.file, record);
    if (wrapped !== undefined) {
      this.shape ??= "perceval-items";
      return wrapped === null ? [] : [jiraRestRecord(wrapped, record)];
    }
    if (inArray || isJiraIssue(v)) {
      if (!isJiraIssue(v)) {
        throw recordError(
          this.file,
          record,
          "not a Jira issue (expected key and fields)",
          foreignRecordHint(v),
        );
      }
      this.shape ??= "jira-rest-issues";
      return [jiraRestRecord(v, record)];
    }
    if (isObject(v) && Array.isArray(v.issues)) {
      this.shape ??= "jira-rest-search";
      return v.issues.map((x, i) => {
        if (!isJiraIssue(x))
          throw recordError(this.file, i + 1, "not a Jira issue (expected key and fields)");
        return jiraRestRecord(x, i + 1);
      });
    }
    if (isObject(v) && Array.isArray(v.errorMessages)) {
      throw recordError(
        this.file,
        record,
        `a Jira error response, not issues: ${v.errorMessages.join("; ")}`,
      );
    }
    throw recordError(
      this.file,
      record,
      "not a Jira export (expected a search response with issues)",
      foreignRecordHint(v),
    );
  }

  private readCsv(textIn: string): void {
    let rows: string[][];
    try {
      rows = parseCsv(textIn, { skip_empty_lines: true, relax_column_count: false }) as string[][];
    } catch (error) {
      const e = error as Error & { lines?: number; code?: string };
      const truncated =
        e.code === "CSV_QUOTE_NOT_CLOSED" || e.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH";
      throw new PpppptError(
        truncated
          ? `a CSV row is cut short or malformed: ${e.message.replace(/^[^:]*: /, "")}`
          : `not a readable CSV file: ${e.message}`,
        { file: this.file, line: e.lines },
      );
    }
    const header = (rows[0] ?? []).map((h) => h.trim());
    if (!header.includes("Issue key")) {
      throw new PpppptError('not a Jira CSV export: the first line has no "Issue key" column', {
        file: this.file,
        line: 1,
        hint: "Export from Jira with Export → CSV (all fields or current fields).",
      });
    }
    const cols = (name: string) => header.flatMap((h, i) => (h === name ? [i] : []));
    const [summary, key, created, resolved, resolution, priority, assignee, due, type, labels] = [
      "Summary",
      "Issue key",
      "Created",
      "Resolved",
      "Resolution",
      "Priority",
      "Assignee",
      "Due date",
      "Issue Type",
      "Labels",
    ].map(cols) as number[][];
    const one = (row: string[], ix: number[] | undefined) =>
      ix?.[0] !== undefined ? (row[ix[0]] ?? "").trim() : "";
    for (let i = 1; i < rows.length; i++) {
      const row = rows[i] as string[];
      const record = i;
      const k = one(row, key);
      if (k === "") throw recordError(this.file, record, "a row without an issue key");
      const createdText = one(row, created);
      const createdAt = parseJiraCsvDate(createdText);
      if (createdText !== "" && !createdAt) {
        throw recordError(this.file, record, `${k}: "${createdText}" is not a date Jira writes`);
      }
      const resolvedText = one(row, resolved);
      const resolvedAt = parseJiraCsvDate(resolvedText);
      const res = one(row, resolution);
      const closed =
        (resolved?.length ?? 0) > 0 ? resolvedText !== "" : res !== "" && res !== "Unresolved";
      const who = one(row, assignee);
      this.onIssue({
        tracker: "jira",
        sourceId: `jira:${k}`,
        key: k,
        title: one(row, summary),
        state: closed ? "closed" : "open",
        created: createdAt,
        closed: resolvedAt,
        closedAsNotPlanned: closed && notPlanned(res),
        labels: (labels ?? []).map((ix) => (row[ix] ?? "").trim()).filter((l) => l !== ""),
        assignees: who ? [who] : [],
        priority: one(row, priority) || undefined,
        severity: undefined,
        due: dueDate(parseJiraCsvDate(one(row, due)) ?? parseDateOnly(one(row, due))),
        url: undefined,
        isPullRequest: false,
        type: one(row, type) || undefined,
        record,
      });
    }
  }
}

function parseDateOnly(s: string): Timestamp | undefined {
  const m = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2,4})$/.exec(s);
  if (m) return parseJiraCsvDate(`${s} 12:00 AM`);
  return parseIsoTimestamp(s);
}

interface RssItem {
  fields: Map<string, string>;
  resolutionId: string | undefined;
  labels: string[];
}

/** Jira's "Export XML": rss > channel > item, each item one issue (sub-task references skipped). */
class RssReader {
  private readonly parser = new SaxesParser();
  private readonly stack: string[] = [];
  private item: RssItem | undefined;
  private textBuf = "";
  private records = 0;
  private error: PpppptError | undefined;

  constructor(file: string, onIssue: (r: IssueRecord, basic: boolean) => void) {
    this.parser.on("error", (e) => {
      // saxes prefixes its messages with "line:column: ", the position of the fault.
      const at = /^(?:[^:]*:)?(\d+):\d+: /.exec(e.message);
      this.error ??= new PpppptError(
        `not well-formed XML: ${e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, "")}`,
        {
          file,
          line: at ? Number(at[1]) : this.parser.line,
        },
      );
    });
    this.parser.on("opentag", (tag: SaxesTagPlain) => {
      if (this.stack.length === 0 && tag.name !== "rss") {
        this.error ??= new PpppptError(
          `not a Jira XML export: the root element is <${tag.name}>, not <rss>`,
          {
            file,
            line: this.parser.line,
          },
        );
      }
      this.stack.push(tag.name);
      const depth = this.stack.length;
      if (tag.name === "item" && this.stack[depth - 2] === "channel") {
        this.item = { fields: new Map(), resolutionId: undefined, labels: [] };
      } else if (this.item && this.inItem(1)) {
        if (tag.name === "resolution")
          this.item.resolutionId = tag.attributes.id as string | undefined;
        if (!this.item.fields.has(tag.name)) this.item.fields.set(tag.name, "");
      }
      this.textBuf = "";
    });
    this.parser.on("text", (t) => {
      this.textBuf += t;
    });
    this.parser.on("cdata", (t) => {
      this.textBuf += t;
    });
    this.parser.on("closetag", (tag: SaxesTagPlain) => {
      if (this.item) {
        if (tag.name === "item" && this.stack[this.stack.length - 2] === "channel") {
          this.records++;
          const { record, basic } = rssRecord(this.item, this.records);
          this.item = undefined;
          onIssue(record, basic);
        } else if (this.inItem(1)) {
          const f = this.item.fields;
          if (f.get(tag.name) === "") f.set(tag.name, this.textBuf.trim());
        } else if (
          this.inItem(2) &&
          tag.name === "label" &&
          this.stack[this.stack.length - 2] === "labels"
        ) {
          const l = this.textBuf.trim();
          if (l) this.item.labels.push(l);
        }
      }
      this.stack.pop();
      this.textBuf = "";
    });
  }

  /** The open element is `depth` levels under the current item. */
  private inItem(depth: number): boolean {
    const n = this.stack.length;
    return this.stack[n - 1 - depth] === "item" && this.stack[n - 2 - depth] === "channel";
  }

  write(text: string): void {
    this.parser.write(text);
    if (this.error) throw this.error;
  }

  end(): void {
    this.parser.close();
    if (this.error) throw this.error;
  }
}

function rssRecord(item: RssItem, record: number): { record: IssueRecord; basic: boolean } {
  const f = item.fields;
  const get = (k: string) => f.get(k) || undefined;
  const key = get("key") ?? /^\[([A-Z][A-Z0-9_]*-\d+)\]/.exec(get("title") ?? "")?.[1] ?? "";
  const resolved = parseRfc822(get("resolved") ?? "");
  const resolution = get("resolution");
  let state: IssueRecord["state"];
  if (f.has("resolved")) state = resolved ? "closed" : "open";
  else if (item.resolutionId !== undefined) state = item.resolutionId === "-1" ? "open" : "closed";
  else if (f.has("resolution"))
    state = resolution && resolution !== "Unresolved" ? "closed" : "open";
  else state = "unknown";
  const assignee = get("assignee");
  const title = get("summary") ?? (get("title") ?? "").replace(/^\[[^\]]+\]\s*/, "");
  return {
    basic: !f.has("key"),
    record: {
      tracker: "jira",
      sourceId: `jira:${key || (get("guid") ?? get("link") ?? String(record))}`,
      key,
      title: title.trim(),
      state,
      created: parseRfc822(get("created") ?? "") ?? parseRfc822(get("pubDate") ?? ""),
      closed: resolved,
      closedAsNotPlanned:
        state === "closed" && item.resolutionId !== "-1" && notPlanned(resolution),
      labels: item.labels,
      assignees: assignee && assignee !== "Unassigned" ? [assignee] : [],
      priority: get("priority"),
      severity: undefined,
      due: dueDate(parseRfc822(get("due") ?? "")),
      url: get("link"),
      isPullRequest: false,
      type: get("type"),
      record,
    },
  };
}

export function readJiraExport(bytes: Uint8Array, file: string): IssueFile {
  return readWholeExport("jira", (f, on) => new JiraReader(f, on), bytes, file);
}

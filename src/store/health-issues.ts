import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { DuckDBConnection } from "@duckdb/node-api";
import { PpppptError } from "../core/errors.js";
import {
  DEFAULT_ISSUE_SETTINGS,
  type ExportSummary,
  type IssueSettings,
  issueSettings,
  summarizeExport,
  trackerByName,
  trackerInHint,
} from "../core/health/issues.js";
import { readGithubExport } from "../core/import/github.js";
import { readGitlabExport } from "../core/import/gitlab.js";
import type { IssueFile, IssueRecord, Tracker } from "../core/import/issue-record.js";
import { readJiraExport } from "../core/import/jira.js";
import type { Timestamp } from "../core/import/timestamp.js";
import { type HealthPaths, recordInManifest, withHealthDb } from "./health-db.js";
import { configPath, type Env } from "./paths.js";

/**
 * Issue-tracker exports in the health database: each export's records (read by the shared
 * readers of src/core/import/) stored beside the JUnit results, one row per record, and a
 * manifest line so `ppppt health rebuild` reads the export again. Idempotent by the sha256 of
 * the file's bytes. When one issue is in several exports, the one ingested last is the one
 * the figures read (a newer export knows the issue's newer state).
 */

export interface IssueIngestOutcome extends Partial<ExportSummary> {
  file: string;
  tracker?: Tracker;
  shape?: string;
  new: boolean;
  error?: string;
}

const READERS: Record<Tracker, (bytes: Uint8Array, file: string) => IssueFile> = {
  github: readGithubExport,
  gitlab: readGitlabExport,
  jira: readJiraExport,
};

/**
 * Reads an export with the tracker given, else the one its name says (CSV, XML: Jira), else
 * GitHub's reader, falling back to the tracker that reader's error names (a GitLab or Jira
 * JSON file): one reader per format, never a guess at the records.
 */
export function readIssueExport(bytes: Uint8Array, file: string, tracker?: Tracker): IssueFile {
  const first = tracker ?? trackerByName(file) ?? "github";
  try {
    return READERS[first](bytes, file);
  } catch (error) {
    const other = error instanceof PpppptError ? trackerInHint(error.hint) : undefined;
    if (tracker !== undefined || other === undefined || other === first) throw error;
    return READERS[other](bytes, file);
  }
}

async function readExportFile(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PpppptError(code === "ENOENT" ? "no such file" : `cannot read: ${code ?? error}`, {
      file,
    });
  }
}

/** The config's `health:` settings (defaults when there is no config file). */
export async function readIssueSettings(env: Env): Promise<IssueSettings> {
  const path = configPath(env);
  const text = await readFile(path, "utf8").catch((error) => {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new PpppptError(`cannot read the config file: ${(error as Error).message}`, {
      file: path,
    });
  });
  return text === undefined ? DEFAULT_ISSUE_SETTINGS : issueSettings(text, path);
}

/**
 * Ingests issue exports: each read whole before anything of it is written, so an export that
 * does not read leaves nothing behind and is named, and the others go on.
 */
export async function ingestIssueExports(
  paths: HealthPaths,
  files: readonly string[],
  settings: IssueSettings,
  options: { tracker?: Tracker; record?: boolean } = {},
): Promise<IssueIngestOutcome[]> {
  return withHealthDb(paths, async (db) => {
    const out: IssueIngestOutcome[] = [];
    for (const file of files) {
      try {
        const bytes = await readExportFile(file);
        const hash = createHash("sha256").update(bytes).digest("hex");
        const read = readIssueExport(bytes, file, options.tracker);
        const seen = await db.runAndReadAll("select 1 from issue_exports where hash = $1", [hash]);
        const fresh = seen.currentRowCount === 0;
        if (fresh) {
          if (options.record !== false) {
            await recordInManifest(paths, hash, file, {}, "", read.tracker);
          }
          await storeExport(db, hash, file, read);
        }
        out.push({
          file,
          tracker: read.tracker,
          shape: read.shape,
          ...summarizeExport(read.records, settings),
          new: fresh,
        });
      } catch (error) {
        if (!(error instanceof PpppptError)) throw error;
        out.push({ file, new: false, error: error.describe().split("\n")[0] as string });
      }
    }
    return out;
  });
}

async function storeExport(
  db: DuckDBConnection,
  hash: string,
  file: string,
  read: IssueFile,
): Promise<void> {
  await db.run("begin transaction");
  try {
    await db.run(
      `insert into issue_exports
       select $1, $2, $3, $4, coalesce((select max(seq) from issue_exports), 0) + 1`,
      [hash, file, read.tracker, read.shape],
    );
    const appender = await db.createAppender("issues");
    const stamp = (t: Timestamp | undefined) => {
      if (t === undefined) {
        appender.appendNull();
        appender.appendNull();
        appender.appendNull();
      } else {
        appender.appendDouble(t.ms);
        appender.appendDouble(t.wallMs);
        appender.appendBoolean(t.zoned);
      }
    };
    const maybe = (s: string | undefined) => {
      if (s === undefined) appender.appendNull();
      else appender.appendVarchar(s);
    };
    for (const r of read.records) {
      appender.appendVarchar(hash);
      appender.appendInteger(r.record);
      appender.appendVarchar(r.tracker);
      appender.appendVarchar(r.sourceId);
      appender.appendVarchar(r.key);
      appender.appendVarchar(r.title);
      appender.appendVarchar(r.state);
      stamp(r.created);
      stamp(r.closed);
      appender.appendBoolean(r.closedAsNotPlanned);
      appender.appendBoolean(r.isPullRequest);
      appender.appendVarchar(JSON.stringify(r.labels));
      maybe(r.priority);
      maybe(r.severity);
      maybe(r.type);
      maybe(r.url);
      appender.endRow();
    }
    appender.closeSync();
    await db.run("commit");
  } catch (error) {
    await db.run("rollback");
    throw error;
  }
}

function stampOf(ms: unknown, wall: unknown, zoned: unknown): Timestamp | undefined {
  if (ms === null || ms === undefined) return undefined;
  return { ms: ms as number, wallMs: wall as number, zoned: zoned as boolean };
}

/** Every issue the exports hold, each once: its copy from the export ingested last. */
export async function readIssueRecords(db: DuckDBConnection): Promise<IssueRecord[]> {
  const rows = await db.runAndReadAll(`
    select i.record, i.tracker, i.source_id, i.key, i.title, i.state,
      i.created_ms, i.created_wall, i.created_zoned, i.closed_ms, i.closed_wall, i.closed_zoned,
      i.not_planned, i.is_pr, i.labels, i.priority, i.severity, i.type, i.url
    from issues i join issue_exports e using (hash)
    qualify row_number() over (partition by i.source_id order by e.seq desc, i.record desc) = 1
    order by e.seq, i.record`);
  return rows.getRows().map((r) => ({
    record: r[0] as number,
    tracker: r[1] as Tracker,
    sourceId: r[2] as string,
    key: r[3] as string,
    title: r[4] as string,
    state: r[5] as IssueRecord["state"],
    created: stampOf(r[6], r[7], r[8]),
    closed: stampOf(r[9], r[10], r[11]),
    closedAsNotPlanned: r[12] as boolean,
    isPullRequest: r[13] as boolean,
    labels: JSON.parse(r[14] as string) as string[],
    priority: (r[15] as string | null) ?? undefined,
    severity: (r[16] as string | null) ?? undefined,
    type: (r[17] as string | null) ?? undefined,
    due: undefined,
    url: (r[18] as string | null) ?? undefined,
    assignees: [],
  }));
}

import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  openSync,
  readSync,
  rmSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { appendFile, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { PpppptError } from "../core/errors.js";
import { fnv1a } from "../core/fnv1a.js";
import type { RunFacts, TestInRun } from "../core/health/flaky.js";
import {
  countResult,
  emptyCounts,
  JunitReader,
  type ReportCounts,
  ReportDecoder,
  type TestResult,
} from "../core/health/junit.js";

/**
 * The health database (DuckDB) and the manifest it is rebuilt from, beside the docket:
 * `health.duckdb` and `health-reports.tsv` for `todo.txt`, `<name>.health.duckdb` for another
 * docket name. The database holds only what the reports (and issue exports) say, so losing it
 * loses nothing: `ppppt health rebuild` reads the manifest's paths again (docs/health.md).
 */
export interface HealthPaths {
  database: string;
  manifest: string;
}

export function healthPaths(docketPath: string): HealthPaths {
  const base = basename(docketPath);
  const stem = base === "todo.txt" ? "" : `${base.replace(/\.txt$/, "")}.`;
  return {
    database: join(dirname(docketPath), `${stem}health.duckdb`),
    manifest: join(dirname(docketPath), `${stem}health-reports.tsv`),
  };
}

const SCHEMA = `
create table if not exists reports (
  hash varchar primary key, path varchar, run_key varchar, commit_sha varchar, branch varchar,
  job varchar, run_time timestamptz, tests integer, failures integer, errors integer,
  skipped integer, flaky integer, seconds double);
create table if not exists tests (
  test_key bigint, test_id varchar, suite varchar, classname varchar, name varchar,
  file varchar);
create table if not exists results (
  hash varchar, run_key varchar, test_key bigint, outcome varchar, seconds double,
  reruns integer, seq integer);
create table if not exists issue_exports (
  hash varchar primary key, path varchar, tracker varchar, shape varchar, seq integer);
create table if not exists issues (
  hash varchar, record integer, tracker varchar, source_id varchar, key varchar, title varchar,
  state varchar, created_ms double, created_wall double, created_zoned boolean,
  closed_ms double, closed_wall double, closed_zoned boolean, not_planned boolean,
  is_pr boolean, labels varchar, priority varchar, severity varchar, type varchar, url varchar);
`;

/** How long a command waits for another process (an ingest, the server) to close the database. */
const OPEN_WAIT_MS = 15_000;

/**
 * Runs `work` with the database open, then closes it. DuckDB lets one process at a time open
 * a file for writing, so every command and every server request opens it for as long as it
 * needs and no longer; a second opener waits for the first rather than failing.
 */
export async function withHealthDb<T>(
  paths: HealthPaths,
  work: (db: DuckDBConnection) => Promise<T>,
  options: { waitMs?: number; config?: Record<string, string> } = {},
): Promise<T> {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const deadline = Date.now() + (options.waitMs ?? OPEN_WAIT_MS);
  let instance: DuckDBInstance | undefined;
  for (;;) {
    try {
      instance = await DuckDBInstance.create(paths.database, options.config);
      break;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!/lock/i.test(message)) {
        throw new PpppptError(`cannot open the health database: ${message.split("\n")[0]}`, {
          file: paths.database,
          hint: "It holds nothing of yours: remove it and run `ppppt health rebuild`.",
        });
      }
      if (Date.now() > deadline) {
        throw new PpppptError("the health database is held by another ppppt process", {
          file: paths.database,
          hint: "Wait for the other ingest to finish, then run this again.",
        });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const connection = await instance.connect();
  try {
    await connection.run(SCHEMA);
    const shape = await connection.runAndReadAll(
      "select count(*)::integer from information_schema.columns where table_name = 'results' and column_name = 'test_key'",
    );
    if (shape.getRows()[0]?.[0] !== 1) {
      throw new PpppptError("the health database was written by an older ppppt", {
        file: paths.database,
        hint: "Run `ppppt health rebuild`: it reads the reports again (the database holds nothing of yours).",
      });
    }
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** What the reports of one run have in common, from the flags or the report itself. */
export interface RunFlags {
  commit?: string;
  branch?: string;
  job?: string;
  /** An ISO instant. */
  time?: string;
}

export interface IngestOutcome {
  file: string;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  flaky: number;
  /** False when a report with the same content was already ingested. */
  new: boolean;
  error?: string;
}

export interface ReadReport {
  hash: string;
  counts: ReportCounts;
  timestamp: string | undefined;
  /** The results, one tab-separated row each, in a temporary file the store loads in bulk. */
  rowsFile: string;
  /** The tests this thread had not written out before in this ingest (none: no file). */
  testsFile: string | undefined;
}

/**
 * A test's key: the first 64 bits of the sha1 of its id. Results carry the key, and each test's
 * names are stored once (the `tests` table): DuckDB loads and compresses a few integers a
 * result at a quarter of the CPU that five strings cost.
 */
const keys = new Map<string, string>();
function testKeyOf(testId: string): string {
  let key = keys.get(testId);
  if (key === undefined) {
    key = createHash("sha1").update(testId).digest().readBigInt64LE(0).toString();
    if (keys.size > 1_000_000) keys.clear();
    keys.set(testId, key);
  }
  return key;
}

/** A text field of a rows file: always quoted (DuckDB reads an unquoted empty field as NULL). */
function rowText(s: string): string {
  return s.includes('"') ? `"${s.replaceAll('"', '""')}"` : `"${s}"`;
}

/** The rows file's text buffered up to this many characters before it is written out. */
const ROWS_FLUSH = 1 << 18;
/** Bytes of a report read at a time. */
const READ_CHUNK = 1 << 20;

/**
 * Reads one report whole (streaming: 64 KiB at a time through the strict parser), hashes its
 * bytes on the way, and writes its results to `rowsFile` as tab-separated rows (the columns
 * of ROWS_COLUMNS), which the main thread loads with one statement for many reports: DuckDB
 * reads such a file at native speed, where appending row by row through N-API costs ~10 us a
 * result. Throws a PpppptError with the line when the report is not well-formed, leaving no
 * rows file behind.
 */
export async function readReportFile(
  path: string,
  rowsFile: string,
  testsFile: string,
  written: Set<string>,
): Promise<ReadReport> {
  const hash = createHash("sha256");
  const counts = emptyCounts();
  let rows: string[] = [];
  let pending = 0;
  let seq = 0;
  let out: number | undefined;
  let input: number | undefined;
  // New to this ingest's `written` only once the report has read whole.
  const fresh = new Map<string, string>();
  const reader = new JunitReader(path, (r) => {
    countResult(counts, r);
    const testId = testIdOf(r);
    const key = testKeyOf(testId);
    if (!written.has(key) && !fresh.has(key)) {
      fresh.set(
        key,
        `${key}\t${rowText(testId)}\t${rowText(r.suite)}\t${rowText(r.classname)}\t${rowText(r.name)}\t${rowText(r.file)}\n`,
      );
    }
    const seconds = r.time === null || !Number.isFinite(r.time) ? "" : String(r.time);
    const row = `${key}\t${r.outcome}\t${seconds}\t${r.reruns}\t${seq++}\n`;
    rows.push(row);
    pending += row.length;
    if (pending >= ROWS_FLUSH) {
      writeSync(out as number, rows.join(""));
      rows = [];
      pending = 0;
    }
  });
  const decoder = new ReportDecoder();
  try {
    out = openSync(rowsFile, "w");
    input = openSync(path, "r");
    // Synchronous reads a chunk at a time: memory stays flat, and a worker thread has nothing
    // else to do meanwhile (a stream's per-chunk promises cost more than the reads).
    const chunk = Buffer.allocUnsafe(READ_CHUNK);
    for (;;) {
      const n = readSync(input, chunk, 0, READ_CHUNK, null);
      if (n === 0) break;
      const bytes = chunk.subarray(0, n);
      hash.update(bytes);
      // The decoder keeps a piece shorter than a byte-order mark: a copy, as `chunk` is reused.
      reader.write(decoder.decode(n < 2 ? Uint8Array.from(bytes) : bytes));
    }
    reader.write(decoder.end());
    reader.close();
    writeSync(out, rows.join(""));
    if (fresh.size > 0) writeFileSync(testsFile, [...fresh.values()].join(""));
  } catch (error) {
    if (out !== undefined) closeSync(out);
    rmSync(rowsFile, { force: true });
    rmSync(testsFile, { force: true });
    if (error instanceof PpppptError) {
      throw error.file ? error : new PpppptError(error.message, { file: path });
    }
    const code = (error as NodeJS.ErrnoException).code;
    throw new PpppptError(code === "ENOENT" ? "no such file" : `cannot read: ${code ?? error}`, {
      file: path,
    });
  } finally {
    if (input !== undefined) closeSync(input);
  }
  closeSync(out);
  for (const key of fresh.keys()) written.add(key);
  return {
    hash: hash.digest("hex"),
    counts,
    timestamp: reader.facts.timestamp,
    rowsFile,
    testsFile: fresh.size > 0 ? testsFile : undefined,
  };
}

/** A rows file's columns (hash and run key are added on loading). */
const ROWS_COLUMNS = `{'test_key': 'BIGINT', 'outcome': 'VARCHAR', 'seconds': 'DOUBLE',
  'reruns': 'INTEGER', 'seq': 'INTEGER'}`;
/** A tests file's columns. */
const TESTS_COLUMNS = `{'test_key': 'BIGINT', 'test_id': 'VARCHAR', 'suite': 'VARCHAR',
  'classname': 'VARCHAR', 'name': 'VARCHAR', 'file': 'VARCHAR'}`;
/**
 * A rows file's lines are a key, an outcome and three numbers (under 100 bytes), so DuckDB's
 * CSV reader needs no 32 MiB buffer (its default, 16 lines of the 2 MiB longest line) per file
 * it reads at once: under the ingest's memory limit those buffers are most of what it holds.
 */
const ROWS_BUFFER = "buffer_size = 262144, max_line_size = 4096";
/** How DuckDB reads the files: tab-separated, every text quoted (an empty one stays empty). */
const CSV_FORMAT = `delim = '\t', quote = '"', escape = '"', new_line = '\\n', header = false,
  auto_detect = false`;

function sqlText(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/** A test's identity: suite, class and name (the same class and name recur across suites). */
export function testIdOf(r: Pick<TestResult, "suite" | "classname" | "name">): string {
  return [r.suite, r.classname, r.name].filter((p) => p !== "").join(" › ");
}

function runKeyOf(flags: RunFlags, hash: string): string {
  if (flags.commit === undefined && flags.branch === undefined && flags.job === undefined) {
    return hash.slice(0, 16);
  }
  const key = [flags.commit ?? "", flags.branch ?? "", flags.job ?? "", flags.time ?? ""].join("|");
  return `r${fnv1a(key).toString(16).padStart(8, "0")}`;
}

/** `kind` is empty for a JUnit report (manifests written before issue exports have no such column). */
const MANIFEST_HEADER = "hash\tpath\tcommit\tbranch\tjob\ttime\trun_time\tkind\n";

/**
 * Ingests reports: each is read whole before any of it is written, so a report that is not
 * well-formed leaves nothing behind (no row, no manifest line) and is named, and the others go
 * on. Writes are committed every COMMIT_EVERY reports; a database error rolls back the
 * uncommitted ones and ends the command. A report whose content was ingested before counts once.
 */
export async function ingestReports(
  paths: HealthPaths,
  files: readonly string[],
  flags: RunFlags,
): Promise<IngestOutcome[]> {
  return ingestEntries(
    paths,
    files.map((file) => ({ file, flags })),
    true,
  );
}

interface IngestEntry {
  file: string;
  flags: RunFlags;
  /** The run's time as first ingested (a rebuild keeps it; the file's mtime may have moved). */
  runTime?: string;
}

async function ingestEntries(
  paths: HealthPaths,
  entries: readonly IngestEntry[],
  record: boolean,
): Promise<IngestOutcome[]> {
  const rowsDir = await mkdtemp(join(tmpdir(), "ppppt-ingest-"));
  try {
    return await withHealthDb(paths, (db) => ingestInto(db, paths, entries, record, rowsDir), {
      config: { ...INGEST_DUCKDB, temp_directory: rowsDir },
    });
  } finally {
    await rm(rowsDir, { recursive: true, force: true });
  }
}

/**
 * DuckDB's settings for an ingest. Unbounded, DuckDB keeps every block of the tables it has
 * written cached (up to 80% of RAM): peak memory grew with the reports ingested in one command
 * (docs/health.md). The limit makes it evict them (they are on disk already); spills, if any,
 * go to the ingest's temporary folder. Two threads are enough for one writer loading small
 * files, and keep the limit valid on any machine: each thread reading CSV holds buffers of its
 * own.
 */
export const INGEST_DUCKDB = { memory_limit: "128MB", threads: "2" } as const;

interface Stored {
  report: ReadReport;
  file: string;
  flags: RunFlags;
  time: string;
}

async function ingestInto(
  db: DuckDBConnection,
  paths: HealthPaths,
  entries: readonly IngestEntry[],
  record: boolean,
  rowsDir: string,
): Promise<IngestOutcome[]> {
  const out: IngestOutcome[] = [];
  const known = new Set(
    (await db.runAndReadAll("select hash from reports")).getRows().map((r) => r[0] as string),
  );
  const reads = readInParallel(
    entries.map((e, i) => ({
      path: e.file,
      rowsFile: join(rowsDir, `${i}.tsv`),
      testsFile: join(rowsDir, `${i}.tests.tsv`),
    })),
  );
  let batch: Stored[] = [];
  // Every tests file written is loaded: a thread writes a test out once per ingest, and a
  // report already stored brings only tests stored with it (loading those again adds none).
  let testsFiles: string[] = [];
  try {
    for (const [i, { file, flags, runTime }] of entries.entries()) {
      try {
        const report = await reads.get(i);
        if (report.testsFile !== undefined) testsFiles.push(report.testsFile);
        const outcome: IngestOutcome = {
          file,
          tests: report.counts.tests,
          failures: report.counts.failures,
          errors: report.counts.errors,
          skipped: report.counts.skipped,
          flaky: report.counts.flaky,
          new: !known.has(report.hash),
        };
        if (outcome.new) {
          known.add(report.hash);
          const time =
            runTime ?? flags.time ?? report.timestamp ?? (await stat(file)).mtime.toISOString();
          if (record) await recordInManifest(paths, report.hash, file, flags, time);
          batch.push({ report, file, flags, time });
          if (batch.length >= COMMIT_EVERY) {
            await storeBatch(db, batch, testsFiles);
            batch = [];
            testsFiles = [];
          }
        } else await rm(report.rowsFile, { force: true });
        out.push(outcome);
      } catch (error) {
        if (!(error instanceof PpppptError)) throw error;
        out.push({
          file,
          tests: 0,
          failures: 0,
          errors: 0,
          skipped: 0,
          flaky: 0,
          new: false,
          error: error.describe().split("\n")[0] as string,
        });
      }
    }
    await storeBatch(db, batch, testsFiles);
  } finally {
    await reads.close();
  }
  return out;
}

/**
 * Reports written per transaction. A report that is not well-formed never reaches the
 * database (it is read whole first), so transactions need not be per report; one commit per
 * report cost half of an ingest's time.
 */
const COMMIT_EVERY = 64;

/** Reports read ahead of the one being stored, per worker: enough to keep the cores busy, few enough to keep memory flat. */
const READ_AHEAD = 4;
/** Fewer files than this are read on the main thread: starting workers costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 8;

interface Reads {
  get(index: number): Promise<ReadReport>;
  close(): Promise<void>;
}

/**
 * Reads the files in worker threads (one per core, at most 4) when running from the bundle,
 * where dist/report-worker.cjs sits beside it; else on this thread. Results come back by
 * index, in any order; the caller stores them in file order.
 */
interface ReadJob {
  path: string;
  rowsFile: string;
  testsFile: string;
}

function readInParallel(files: readonly ReadJob[]): Reads {
  const workerFile = bundledWorkerFile();
  if (workerFile === undefined || files.length < MIN_FILES_FOR_WORKERS) {
    const written = new Set<string>();
    return {
      get: (i) => {
        const job = files[i] as ReadJob;
        return readReportFile(job.path, job.rowsFile, job.testsFile, written);
      },
      close: async () => undefined,
    };
  }
  return workerReads(files, workerFile);
}

function bundledWorkerFile(): string | undefined {
  const here = import.meta.url;
  if (!here.endsWith(".cjs")) return undefined;
  const file = join(dirname(fileURLToPath(here)), "report-worker.cjs");
  return existsSync(file) ? file : undefined;
}

interface Pending {
  promise: Promise<ReadReport>;
  resolve: (r: ReadReport) => void;
  reject: (e: Error) => void;
}

function pending(): Pending {
  let resolve!: (r: ReadReport) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<ReadReport>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Marked handled here; the caller awaits it in file order and sees the rejection then.
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

type WorkerReply = {
  id: number;
  report?: ReadReport;
  error?: { message: string; file?: string; line?: number; hint?: string };
};

function workerReads(files: readonly ReadJob[], workerFile: string): Reads {
  const count = Math.max(1, Math.min(4, availableParallelism()));
  const workers = Array.from({ length: count }, () => new Worker(workerFile));
  const reads = new Map<number, Pending>();
  const readOf = (i: number): Pending => {
    const known = reads.get(i);
    if (known !== undefined) return known;
    const fresh = pending();
    reads.set(i, fresh);
    return fresh;
  };
  const idle = [...workers];
  let next = 0;
  let taken = 0;
  // Hands files to idle workers, never more than READ_AHEAD per worker beyond what is taken.
  const pump = () => {
    while (idle.length > 0 && next < files.length && next < taken + count * READ_AHEAD) {
      const id = next++;
      readOf(id);
      (idle.pop() as Worker).postMessage({ id, ...files[id] });
    }
  };
  for (const worker of workers) {
    worker.on("message", (m: WorkerReply) => {
      const read = readOf(m.id);
      if (m.report !== undefined) read.resolve(m.report);
      else {
        const e = m.error ?? { message: "the reader stopped" };
        const where: { file?: string; line?: number; hint?: string } = {};
        if (e.file !== undefined) where.file = e.file;
        if (e.line !== undefined) where.line = e.line;
        if (e.hint !== undefined) where.hint = e.hint;
        read.reject(new PpppptError(e.message, where));
      }
      idle.push(worker);
      pump();
    });
    worker.on("error", (error) => {
      for (const read of reads.values()) read.reject(error);
    });
  }
  pump();
  return {
    get: (index) => {
      taken = Math.max(taken, index + 1);
      pump();
      const read = readOf(index);
      return read.promise.finally(() => reads.delete(index));
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/**
 * Stores reports in one transaction: their rows in `reports` by the appender (a few a batch),
 * their results with one statement over their rows files. A database error rolls the batch
 * back and ends the command.
 */
async function storeBatch(
  db: DuckDBConnection,
  batch: readonly Stored[],
  testsFiles: readonly string[],
): Promise<void> {
  if (batch.length === 0 && testsFiles.length === 0) return;
  await db.run("begin transaction");
  try {
    if (testsFiles.length > 0) {
      await db.run(`
        insert into tests
        select distinct on (t.test_key) t.test_key, t.test_id, t.suite, t.classname, t.name, t.file
        from read_csv([${testsFiles.map(sqlText).join(", ")}], ${CSV_FORMAT},
          columns = ${TESTS_COLUMNS},
          force_not_null = ['test_id', 'suite', 'classname', 'name', 'file']) t
        where t.test_key not in (select test_key from tests)`);
    }
    if (batch.length > 0) {
      const keys: string[] = [];
      const rows: string[] = [];
      const text = (v: string | undefined) => (v === undefined ? "null" : sqlText(v));
      for (const { report, file, flags, time } of batch) {
        const runKey = runKeyOf(flags, report.hash);
        keys.push(`(${sqlText(report.rowsFile)}, ${sqlText(report.hash)}, ${sqlText(runKey)})`);
        const c = report.counts;
        const counts = [c.tests, c.failures, c.errors, c.skipped, c.flaky].map((n) => n.toFixed(0));
        rows.push(
          `(${[report.hash, file, runKey].map(sqlText).join(", ")}, ${[flags.commit, flags.branch, flags.job].map(text).join(", ")}, ${sqlText(time)}::timestamptz, ${counts.join(", ")}, ${Number.isFinite(c.time) ? c.time : 0}::double)`,
        );
      }
      await db.run(`insert into reports values ${rows.join(", ")}`);
      const files = batch.map((b) => sqlText(b.report.rowsFile)).join(", ");
      await db.run(`
        insert into results
        select m.hash, m.run_key, r.test_key, r.outcome, r.seconds, r.reruns, r.seq
        from read_csv([${files}], ${CSV_FORMAT}, ${ROWS_BUFFER}, filename = true, columns = ${ROWS_COLUMNS},
          force_not_null = ['outcome']) r
        join (values ${keys.join(", ")}) m(rows_file, hash, run_key) on r.filename = m.rows_file`);
    }
    await db.run("commit");
  } catch (error) {
    await db.run("rollback");
    throw error;
  }
  for (const b of batch) rmSync(b.report.rowsFile, { force: true });
  for (const f of testsFiles) rmSync(f, { force: true });
}

/**
 * One line per ingested report, written before the database is: the database can always be
 * rebuilt from the files it names. Appended while the database is open, so under its lock.
 */
export async function recordInManifest(
  paths: HealthPaths,
  hash: string,
  file: string,
  flags: RunFlags,
  time: string,
  kind = "",
): Promise<void> {
  const exists = await stat(paths.manifest).then(
    () => true,
    () => false,
  );
  const cell = (s: string | undefined) => (s ?? "").replace(/[\t\n\r]/g, " ");
  const line = [hash, file, flags.commit, flags.branch, flags.job, flags.time, time, kind]
    .map(cell)
    .join("\t");
  await appendFile(paths.manifest, `${exists ? "" : MANIFEST_HEADER}${line}\n`);
}

export interface ManifestEntry {
  hash: string;
  path: string;
  flags: RunFlags;
  runTime: string;
  /** `github`, `gitlab` or `jira` for an issue export; undefined for a JUnit report. */
  tracker?: "github" | "gitlab" | "jira";
}

export async function readManifest(paths: HealthPaths): Promise<ManifestEntry[]> {
  const text = await readFile(paths.manifest, "utf8").catch((error) => {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
    throw error;
  });
  const entries: ManifestEntry[] = [];
  for (const line of text.split("\n").slice(1)) {
    if (line === "") continue;
    const [hash = "", path = "", commit, branch, job, time, runTime = "", kind] = line.split("\t");
    const flags: RunFlags = {};
    if (commit) flags.commit = commit;
    if (branch) flags.branch = branch;
    if (job) flags.job = job;
    if (time) flags.time = time;
    const entry: ManifestEntry = { hash, path, flags, runTime };
    if (kind === "github" || kind === "gitlab" || kind === "jira") entry.tracker = kind;
    entries.push(entry);
  }
  return entries;
}

export interface RebuildOutcome {
  ingested: IngestOutcome[];
  /** Issue exports read again (their outcomes, as `ingest-issues` reports them). */
  issueExports: number;
  /** Manifest entries whose file is gone or now has other content: their results are lost. */
  missing: { path: string; reason: string }[];
}

/**
 * Builds the database again from the manifest (after it was lost or damaged): every report
 * it names, read again, with the run facts it was first ingested with. A file that is gone or
 * whose content changed is named, not guessed at.
 */
export async function rebuildHealthDb(paths: HealthPaths): Promise<RebuildOutcome> {
  const { rm } = await import("node:fs/promises");
  const entries = await readManifest(paths);
  await rm(paths.database, { force: true });
  await rm(`${paths.database}.wal`, { force: true });
  const missing: RebuildOutcome["missing"] = [];
  const usable: IngestEntry[] = [];
  const exports: ManifestEntry[] = [];
  for (const e of entries) {
    const bytes = await readFile(e.path).catch(() => undefined);
    if (bytes === undefined) missing.push({ path: e.path, reason: "no such file" });
    else if (createHash("sha256").update(bytes).digest("hex") !== e.hash) {
      missing.push({ path: e.path, reason: "its content changed since it was ingested" });
    } else if (e.tracker !== undefined) exports.push(e);
    else usable.push({ file: e.path, flags: e.flags, runTime: e.runTime });
  }
  const ingested = await ingestEntries(paths, usable, false);
  const { ingestIssueExports } = await import("./health-issues.js");
  const { DEFAULT_ISSUE_SETTINGS } = await import("../core/health/issues.js");
  // In manifest order, one tracker at a time as first read: the last export of an issue wins again.
  for (const e of exports) {
    await ingestIssueExports(paths, [e.path], DEFAULT_ISSUE_SETTINGS, {
      tracker: e.tracker,
      record: false,
    });
  }
  return { ingested, issueExports: exports.length, missing };
}

/** The rows flaky detection reads: one per run, one per (test, run). */
export async function readFlakyInputs(
  db: DuckDBConnection,
): Promise<{ runs: RunFacts[]; results: TestInRun[] }> {
  const runRows = await db.runAndReadAll(`
    select p.run_key, any_value(p.commit_sha), any_value(p.branch), any_value(p.job),
      strftime(min(p.run_time) at time zone 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ'),
      sum(p.tests)::integer, sum(p.failures + p.errors)::integer,
      coalesce((select sum(greatest(r.seconds, 0)) from results r where r.run_key = p.run_key), 0)::double
    from reports p group by p.run_key`);
  const runs: RunFacts[] = runRows.getRows().map((r) => ({
    runKey: r[0] as string,
    commit: (r[1] as string | null) ?? undefined,
    branch: (r[2] as string | null) ?? undefined,
    job: (r[3] as string | null) ?? undefined,
    time: r[4] as string,
    results: r[5] as number,
    failed: r[6] as number,
    seconds: r[7] as number,
  }));
  const testRows = await db.runAndReadAll(`
    with histories as (
      select test_key, run_key,
        count(*) filter (where outcome in ('passed', 'flaky'))::integer as passes,
        count(*) filter (where outcome in ('failed', 'error'))::integer as fails,
        count(*) filter (where outcome = 'flaky')::integer as rerun_passes,
        coalesce(sum(greatest(seconds, 0)) filter (where outcome in ('failed', 'error')), 0)::double as fail_seconds,
        coalesce(sum(greatest(seconds, 0)), 0)::double as seconds
      from results
      -- A test that never failed can carry no flag: only the others' histories are read.
      where test_key in (select distinct test_key from results where outcome in ('failed', 'error', 'flaky'))
      group by test_key, run_key)
    select t.test_id, h.run_key, h.passes, h.fails, h.rerun_passes, h.fail_seconds, h.seconds,
      case when t.file <> '' then t.file else replace(t.classname, '.', '/') end
    from histories h join tests t using (test_key)`);
  const results: TestInRun[] = testRows.getRows().map((r) => ({
    testId: r[0] as string,
    runKey: r[1] as string,
    passes: r[2] as number,
    fails: r[3] as number,
    rerunPasses: r[4] as number,
    failSeconds: r[5] as number,
    seconds: r[6] as number,
    path: r[7] as string,
  }));
  return { runs, results };
}

/** Reads a CODEOWNERS file the user names; a missing one is an error naming it. */
export async function readCodeownersFile(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PpppptError(code === "ENOENT" ? "no such file" : `cannot read: ${code}`, {
      file: path,
    });
  }
}

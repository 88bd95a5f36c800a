import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { healthPaths, ingestReports, rebuildHealthDb, withHealthDb } from "./health-db.js";

/** Text as XML would carry it in an attribute. */
function attr(s: string): string {
  return s
    .replaceAll("&", "&amp;")
    .replaceAll('"', "&quot;")
    .replaceAll("<", "&lt;")
    .replaceAll("\t", "&#9;")
    .replaceAll("\n", "&#10;")
    .replaceAll("\r", "&#13;");
}

describe("results loaded in bulk from the rows files", () => {
  it("keep every name byte for byte: quotes, tabs, line breaks, empty and NULL-looking text", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ppppt-health-rows-"));
    const paths = healthPaths(join(dir, "todo.txt"));
    // XML allows no control characters but tab, LF and CR; attribute values normalise none
    // of them when written as character references.
    const name = fc.string({
      unit: fc.constantFrom("a", '"', "\t", "\n", "\r", "\\", ",", "é", "NULL", " ", "'"),
    });
    const cases = fc.sample(fc.tuple(name, name), { numRuns: 40, seed: 16 });
    cases.push(["", ""], ['"', '""'], ["NULL", "\\N"]);
    const xml = `<testsuite name="s">${cases
      .map(
        ([c, n], i) =>
          `<testcase classname="${attr(c)}" name="${attr(n)}" time="${i % 3 === 0 ? "" : i}"/>`,
      )
      .join("")}</testsuite>`;
    const file = join(dir, "r.xml");
    writeFileSync(file, xml);
    const [outcome] = await ingestReports(paths, [file], {});
    expect(outcome?.error).toBeUndefined();
    const rows = await withHealthDb(paths, async (db) =>
      (
        await db.runAndReadAll(
          "select t.classname, t.name, r.seconds, r.seq from results r join tests t using (test_key) order by r.seq",
        )
      ).getRows(),
    );
    expect(rows).toEqual(cases.map(([c, n], i) => [c, n, i % 3 === 0 ? null : i, i]));
  });
});

describe("an ingest's memory", () => {
  it("is bounded in DuckDB: unbounded, its cache of the blocks written grew with the reports", async () => {
    const { DuckDBConnection } = await import("@duckdb/node-api");
    const run = DuckDBConnection.prototype.run;
    const seen: string[][] = [];
    // Read at each commit, on the ingest's own connection.
    const spy = vi.spyOn(DuckDBConnection.prototype, "run").mockImplementation(async function (
      this: InstanceType<typeof DuckDBConnection>,
      sql: string,
      ...rest: unknown[]
    ) {
      const result = await (run as (...a: unknown[]) => ReturnType<typeof run>).call(
        this,
        sql,
        ...rest,
      );
      if (sql === "commit") {
        const r = await this.runAndReadAll(
          "select current_setting('memory_limit'), current_setting('threads')::varchar",
        );
        seen.push((r.getRows()[0] ?? []).map(String));
      }
      return result;
    });
    try {
      const dir = mkdtempSync(join(tmpdir(), "ppppt-health-memory-"));
      const paths = healthPaths(join(dir, "todo.txt"));
      const file = join(dir, "r.xml");
      writeFileSync(file, `<testsuite name="s"><testcase classname="c" name="t"/></testsuite>`);
      const [outcome] = await ingestReports(paths, [file], {});
      expect(outcome?.tests).toBe(1);
      rmSync(dir, { recursive: true, force: true });
    } finally {
      spy.mockRestore();
    }
    expect(seen.length).toBeGreaterThan(0);
    for (const [limit = "", threads] of seen) {
      // DuckDB prints the limit in its own units (e.g. "122.0 MiB").
      const m = /^([\d.]+) (KiB|MiB|GiB)$/.exec(limit);
      expect(m, limit).not.toBeNull();
      const mib = Number(m?.[1]) * { KiB: 1 / 1024, MiB: 1, GiB: 1024 }[m?.[2] as "MiB"];
      expect(mib).toBeLessThanOrEqual(256);
      expect(threads).toBe("2");
    }
  });
});

describe("tests stored once, results by key", () => {
  it("through the worker threads, each test is stored once and every result finds its names", async () => {
    const { spawnSync } = await import("node:child_process");
    const root = join(import.meta.dirname, "../..");
    expect(existsSync(join(root, "dist", "report-worker.cjs")), "run `npm run build` first").toBe(
      true,
    );
    const dir = mkdtempSync(join(tmpdir(), "ppppt-health-keys-"));
    const files = Array.from({ length: 12 }, (_, i) => {
      const file = join(dir, `r${String(i).padStart(2, "0")}.xml`);
      const t = `<testcase classname="c" name="t${i % 3}" time="${i}"/>`;
      writeFileSync(file, `<testsuite name="s">${t}<testcase name="same"/></testsuite>`);
      return file;
    });
    const env = { ...process.env, PPPPT_FILE: join(dir, "todo.txt"), NO_COLOR: "1" };
    writeFileSync(env.PPPPT_FILE, "");
    const ingest = (paths: string[]) =>
      spawnSync(process.execPath, [join(root, "bin", "ppppt.cjs"), "health", "ingest", ...paths], {
        env,
        encoding: "utf8",
      });
    // The first 8 alone (workers from 8 files on), then all 12: each worker writes a test out
    // once, whichever report it meets it in first, stored already or new.
    expect(ingest(files.slice(0, 8)).status).toBe(0);
    expect(ingest(files).status).toBe(0);
    const paths = healthPaths(env.PPPPT_FILE);
    const [orphans, results, tests] = await withHealthDb(paths, async (db) => {
      const r = await db.runAndReadAll(`select
        (select count(*) from results r where not exists (select 1 from tests t where t.test_key = r.test_key))::integer,
        (select count(*) from results)::integer,
        (select count(*) from tests)::integer`);
      return r.getRows()[0] as number[];
    });
    expect([orphans, results, tests]).toEqual([0, 24, 4]);
  }, 60_000);

  it("a database of the older shape is named, and rebuilt", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ppppt-health-old-"));
    const paths = healthPaths(join(dir, "todo.txt"));
    const report = join(dir, "r.xml");
    writeFileSync(report, '<testsuite name="s"><testcase name="t"/></testsuite>');
    await ingestReports(paths, [report], {});
    const { DuckDBInstance } = await import("@duckdb/node-api");
    rmSync(paths.database);
    const old = await DuckDBInstance.create(paths.database);
    const c = await old.connect();
    await c.run(`create table results (hash varchar, run_key varchar, test_id varchar, suite varchar,
      classname varchar, name varchar, file varchar, outcome varchar, seconds double, reruns integer, seq integer)`);
    c.closeSync();
    old.closeSync();
    await expect(withHealthDb(paths, async () => 1)).rejects.toThrow(/older ppppt/);
    const rebuilt = await rebuildHealthDb(paths);
    expect(rebuilt.ingested.map((o) => o.tests)).toEqual([1]);
    expect(await withHealthDb(paths, async () => 1)).toBe(1);
  });
});

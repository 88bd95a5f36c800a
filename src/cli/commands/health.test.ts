import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { healthPaths, type IngestOutcome, withHealthDb } from "../../store/health-db.js";
import { runPpppt, tempDocket } from "../fake-io.js";

const FIXTURES = join(import.meta.dirname, "../../../../shared/fixtures/junit");

type Row = IngestOutcome;

function expected(): { file: string; wellformed: boolean; counts: number[] }[] {
  const lines = readFileSync(join(FIXTURES, "EXPECTED.tsv"), "utf8").trim().split("\n").slice(1);
  return lines.map((line) => {
    const [file = "", wellformed, ...rest] = line.split("\t");
    return { file, wellformed: wellformed === "yes", counts: rest.slice(0, 5).map(Number) };
  });
}

describe.skipIf(!existsSync(FIXTURES))("ppppt health ingest, on every fixture report", () => {
  it("ingests each with exactly EXPECTED.tsv's counts, rejects the malformed by name and line, and counts a report twice once", async () => {
    const { env } = tempDocket("");
    const first = await runPpppt(["health", "ingest", FIXTURES, "--json"], env);
    expect(first.code).toBe(1);
    const rows = JSON.parse(first.stdout) as Row[];
    const want = expected();
    expect(rows.map((r) => r.file.replace(/^.*\//, ""))).toEqual(want.map((w) => w.file));
    for (const [i, w] of want.entries()) {
      const row = rows[i] as Row;
      if (w.wellformed) {
        expect(row.error, w.file).toBeUndefined();
        expect([row.tests, row.failures, row.errors, row.skipped, row.flaky], w.file).toEqual(
          w.counts,
        );
        expect(row.new, w.file).toBe(true);
      } else {
        expect(row.error, w.file).toMatch(
          new RegExp(`${w.file.replace(/[.]/g, "\\.")}:\\d+: not well-formed XML`),
        );
        expect(row.new).toBe(false);
      }
    }
    const malformed = want.filter((w) => !w.wellformed).length;
    expect(malformed).toBe(3);
    expect(first.stderr).toContain(`${malformed} of ${want.length} reports rejected`);

    const paths = healthPaths(env.PPPPT_FILE);
    const stored = async () =>
      withHealthDb(paths, async (db) => {
        const r = await db.runAndReadAll(
          "select (select count(*) from reports)::integer, (select count(*) from results)::integer",
        );
        return r.getRows()[0];
      });
    const totalTests = want.reduce((n, w) => n + (w.wellformed ? (w.counts[0] as number) : 0), 0);
    expect(await stored()).toEqual([want.length - malformed, totalTests]);

    const again = await runPpppt(["health", "ingest", join(FIXTURES, "*.xml"), "--json"], env);
    const againRows = JSON.parse(again.stdout) as Row[];
    expect(againRows.filter((r) => r.new)).toEqual([]);
    expect(await stored()).toEqual([want.length - malformed, totalTests]);

    // Lost: rebuilt from the manifest, to the same figures.
    rmSync(paths.database);
    const rebuilt = await runPpppt(["health", "rebuild"], env);
    expect(rebuilt.stdout).toContain(`Rebuilt from ${want.length - malformed} reports`);
    expect(await stored()).toEqual([want.length - malformed, totalTests]);
  }, 60_000);
});

describe.skipIf(!existsSync(FIXTURES))("the bundled ppppt health ingest", () => {
  it("reads the fixtures in its worker threads to the same counts", async () => {
    const { spawnSync } = await import("node:child_process");
    const root = join(import.meta.dirname, "../../..");
    expect(existsSync(join(root, "dist", "report-worker.cjs")), "run `npm run build` first").toBe(
      true,
    );
    const { env } = tempDocket("");
    const run = spawnSync(
      process.execPath,
      [join(root, "bin", "ppppt.cjs"), "health", "ingest", FIXTURES, "--json"],
      { env: { ...process.env, ...env, NO_COLOR: "1" }, encoding: "utf8" },
    );
    expect(run.status).toBe(1);
    const rows = JSON.parse(run.stdout) as Row[];
    const want = expected();
    expect(rows).toHaveLength(want.length);
    for (const [i, w] of want.entries()) {
      const row = rows[i] as Row;
      if (w.wellformed) {
        expect([row.tests, row.failures, row.errors, row.skipped, row.flaky], w.file).toEqual(
          w.counts,
        );
      } else expect(row.error, w.file).toContain(`${w.file}:`);
    }
  }, 60_000);
});

describe("ppppt health ingest", () => {
  it("a malformed file is named with its line and rolled back; the others go on", async () => {
    const { dir, env } = tempDocket("");
    writeFileSync(join(dir, "good one.xml"), '<testsuite><testcase name="a"/></testsuite>');
    writeFileSync(join(dir, "bad.xml"), '<testsuite>\n<testcase name="a">\n<failure><![CDATA[x');
    const run = await runPpppt(
      ["health", "ingest", join(dir, "bad.xml"), join(dir, "good one.xml")],
      env,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`rejected ${join(dir, "bad.xml")}:3: not well-formed XML`);
    expect(run.stdout).toContain("ingested");
    expect(run.stdout).toContain("good one.xml: 1 test, 1 passed, 0 failed");
    const n = await withHealthDb(healthPaths(env.PPPPT_FILE), async (db) =>
      (await db.runAndReadAll("select count(*)::integer from results")).getRows(),
    );
    expect(n).toEqual([[1]]);
  });

  it("a path that matches nothing is an error naming it", async () => {
    const { dir, env } = tempDocket("");
    const run = await runPpppt(["health", "ingest", join(dir, "nope-*.xml")], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("nope-*.xml: no such file");
  });

  it("documents the run flags in --help and rejects a bad --time", async () => {
    const help = await runPpppt(["health", "ingest", "--help"]);
    for (const flag of ["--commit", "--branch", "--job", "--time", "--json"]) {
      expect(help.stdout).toContain(flag);
    }
    const bad = await runPpppt(["health", "ingest", "x.xml", "--time", "soon"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"soon" is not a time');
  });
});

function report(dir: string, name: string, cases: Record<string, "pass" | "fail">): string {
  const body = Object.entries(cases)
    .map(
      ([test, v]) =>
        `<testcase classname="com.acme.CartTest" name="${test}" time="12">${v === "fail" ? "<failure/>" : ""}</testcase>`,
    )
    .join("");
  const path = join(dir, name);
  // The timestamp keeps two runs' reports apart: the same bytes are the same report.
  writeFileSync(path, `<testsuite name="cart" timestamp="${name}">${body}</testsuite>`);
  return path;
}

describe("ppppt health flaky", () => {
  it("names the flaky test, why, its owner, and prints the quarantine list", async () => {
    const { dir, env } = tempDocket("");
    const others = { a: "pass", b: "pass", c: "pass" } as const;
    const plan = [
      ["1.xml", "abc1234", "2026-11-01T10:00:00Z", "fail"],
      ["2.xml", "abc1234", "2026-11-01T11:00:00Z", "pass"],
      ["3.xml", "def5678", "2026-11-02T10:00:00Z", "pass"],
    ] as const;
    for (const [name, commit, time, v] of plan) {
      const file = report(dir, name, { ...others, total: v });
      const r = await runPpppt(
        [
          "health",
          "ingest",
          file,
          "--commit",
          commit,
          "--branch",
          "main",
          "--job",
          "unit",
          "--time",
          time,
        ],
        env,
      );
      expect(r.code, r.stderr).toBe(0);
    }
    writeFileSync(join(dir, "CODEOWNERS"), "* @all\ncom/acme/ @cart-team\n");
    const text = await runPpppt(["health", "flaky", "--codeowners", join(dir, "CODEOWNERS")], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("1 flaky test, 0 broken tests over 3 runs.");
    expect(text.stdout).toContain("cart › com.acme.CartTest › total  @cart-team");
    expect(text.stdout).toContain("same-commit: passed and failed on abc1234 in runs 1 and 2");
    // 12 s failed attempt + the job's rerun on abc1234 (4 tests x 12 s) for its 1 failed test.
    expect(text.stdout).toContain("1.0 CI minutes lost");
    const q = await runPpppt(["health", "flaky", "--quarantine"], env);
    expect(q.stdout).toBe("cart › com.acme.CartTest › total\n");
    const json = JSON.parse((await runPpppt(["health", "flaky", "--json"], env)).stdout);
    expect(json.tests[0]).toMatchObject({ status: "flaky", runsAffected: 1, runs: 3 });
  });

  it("says so when nothing was ingested", async () => {
    const { env } = tempDocket("");
    const r = await runPpppt(["health", "flaky"], env);
    expect(r.stdout).toContain("No test reports yet");
  });
});

describe("one writer at a time", () => {
  it("an ingest waits for another process holding the database, then goes on", async () => {
    const { spawn } = await import("node:child_process");
    const { dir, env } = tempDocket("");
    const paths = healthPaths(env.PPPPT_FILE);
    const holder = spawn(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `import { DuckDBInstance } from "@duckdb/node-api";
         const db = await DuckDBInstance.create(${JSON.stringify(paths.database)});
         console.log("open");
         setTimeout(() => { db.closeSync(); process.exit(0); }, 1500);`,
      ],
      { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise<void>((resolveOpen) => holder.stdout.once("data", () => resolveOpen()));
    const file = report(dir, "r.xml", { a: "pass" });
    const r = await runPpppt(["health", "ingest", file], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("ingested");
  }, 30_000);
});

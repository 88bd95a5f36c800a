import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { healthPaths, withHealthDb } from "../../store/health-db.js";
import { runPpppt, tempDocket } from "../fake-io.js";

const FIXTURES = join(import.meta.dirname, "../../../../shared/fixtures/junit");

interface Row {
  file: string;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  flaky: number;
  new: boolean;
  error?: string;
}

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

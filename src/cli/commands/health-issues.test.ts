import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { healthPaths } from "../../store/health-db.js";
import type { IssueIngestOutcome } from "../../store/health-issues.js";
import { runPpppt, tempDocket } from "../fake-io.js";

const FIXTURES = join(import.meta.dirname, "../../../../shared/fixtures/issues");

describe.skipIf(!existsSync(FIXTURES))("ppppt health ingest-issues, on the fixture exports", () => {
  it("reads each by its tracker, rejects the unreadable one, counts an export twice once, and rebuilds", async () => {
    const { env } = tempDocket("");
    const files = readdirSync(FIXTURES)
      .filter((f) => /\.(json|csv|xml)$/.test(f))
      .sort()
      .map((f) => join(FIXTURES, f));
    const first = await runPpppt(["health", "ingest-issues", ...files, "--json"], env);
    expect(first.code).toBe(1);
    const rows = JSON.parse(first.stdout) as IssueIngestOutcome[];
    const expected = readFileSync(join(FIXTURES, "EXPECTED.tsv"), "utf8").trim().split("\n");
    const cols = (expected[0] as string).split("\t");
    const want = new Map(
      expected.slice(1).map((l) => {
        const r = Object.fromEntries(l.split("\t").map((v, i) => [cols[i], v]));
        return [r.file, r];
      }),
    );
    expect(rows.length).toBe(files.length);
    for (const row of rows) {
      const w = want.get(row.file.replace(/^.*\//, "")) as Record<string, string>;
      if (w.parsed === "no") {
        expect(row.error).toMatch(/SearchRequest\.xml:1: text before the XML/);
        expect(row.new).toBe(false);
        continue;
      }
      expect(row.error, row.file).toBeUndefined();
      expect([row.tracker, row.shape, row.records], row.file).toEqual([
        w.tracker,
        w.shape,
        Number(w.issues),
      ]);
      expect(row.issues).toBe(Number(w.issues) - Number(w.pull_requests));
      expect(row.new).toBe(true);
    }
    expect(first.stderr).toContain("1 of 13 exports rejected");

    const figures = async () => {
      const r = await runPpppt(["health", "bugs", "--json"], { ...env, PPPPT_TODAY: "2026-11-29" });
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    const before = await figures();
    // 164 issues in the files; cli--cli's issueList and issueSearch hold the same 3.
    expect(before.issues).toBe(161);
    // ColinEberhardt's two open `bug` issues and perceval's closed one (1277.24 h).
    expect(before.bugs).toMatchObject({ open: 2, closed: 1 });
    expect(before.bugs.byPriority[0]).toMatchObject({
      priority: "none",
      resolved: 1,
      medianHoursToResolve: 1277.24,
    });

    const again = await runPpppt(["health", "ingest-issues", ...files.slice(0, 3), "--json"], env);
    expect((JSON.parse(again.stdout) as IssueIngestOutcome[]).map((r) => r.new)).toEqual([
      false,
      false,
      false,
    ]);
    expect(await figures()).toEqual(before);

    rmSync(healthPaths(env.PPPPT_FILE).database);
    const rebuilt = await runPpppt(["health", "rebuild"], env);
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(rebuilt.stdout).toContain("0 reports and 12 issue exports");
    expect(await figures()).toEqual(before);
  });
});

/** A GitHub REST issue, opened and closed the given days before 2026-11-29. */
function restIssue(n: number, opened: number, closed: number | null, labels: string[]) {
  const at = (d: number) => new Date(Date.parse("2026-11-29T12:00:00Z") - d * 86_400_000);
  return {
    number: n,
    title: `issue ${n}`,
    html_url: `https://github.com/acme/app/issues/${n}`,
    state: closed === null ? "open" : "closed",
    created_at: at(opened).toISOString(),
    closed_at: closed === null ? null : at(closed).toISOString(),
    labels: labels.map((name) => ({ name })),
  };
}

describe("bugs and tech debt feed their SLOs", () => {
  it("breaches the bug SLO with the late bugs named, and adds one Process item", async () => {
    const { dir, env } = tempDocket("", "health:\n  bugTargets:\n    P2: 10\n");
    const issues = [
      // 20 P2 bugs resolved in 2 days, 3 in 15 (over the config's 10): 20 of 23 good, 87%.
      ...Array.from({ length: 20 }, (_, i) => restIssue(i + 1, i + 3, i + 1, ["bug", "P2"])),
      ...Array.from({ length: 3 }, (_, i) => restIssue(30 + i, 16, 1, ["bug", "P2"])),
      { ...restIssue(40, 100, 1, ["bug"]), state_reason: "not_planned" },
      { ...restIssue(41, 100, 1, ["bug"]), pull_request: {} },
      restIssue(50, 200, null, ["tech-debt"]),
    ];
    const file = join(dir, "issues.json");
    writeFileSync(file, JSON.stringify(issues));
    const ingest = await runPpppt(["health", "ingest-issues", file, "--json"], env);
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(JSON.parse(ingest.stdout)[0]).toMatchObject({
      records: 26,
      pullRequests: 1,
      notPlanned: 1,
      issues: 24,
      bugs: 23,
      techDebt: 1,
    });
    const pinned = { ...env, PPPPT_TODAY: "2026-11-29" };
    const slo = await runPpppt(["slo", "--json"], pinned);
    expect(slo.code, slo.stderr).toBe(0);
    const body = JSON.parse(slo.stdout);
    const bugs = body.slos.find((s: { name: string }) => s.name === "bugs-resolved-in-time");
    expect(bugs).toMatchObject({ good: 20, total: 23, status: "breached" });
    expect(bugs.worstOffenders.map((w: { what: string }) => w.what)).toEqual([
      "#30 issue 30",
      "#31 issue 31",
      "#32 issue 32",
    ]);
    // The tech-debt item opened 200 days before noon of the 29th: 180 days old from the
    // middle of the 9th of November on; of the 28 days, 20 bad.
    const debt = body.slos.find((s: { name: string }) => s.name === "tech-debt-fresh");
    expect(debt).toMatchObject({ good: 8, total: 28, status: "breached" });
    expect(body.added.length).toBe(2);
    const docket = readFileSync(env.PPPPT_FILE, "utf8");
    expect(docket).toContain("slo:bugs-resolved-in-time");
    const twice = await runPpppt(["slo", "--json"], pinned);
    expect(JSON.parse(twice.stdout).added).toEqual([]);
  });

  it("names a wrong tracker and a missing file", async () => {
    const { dir, env } = tempDocket("");
    const file = join(dir, "issues.json");
    writeFileSync(file, JSON.stringify([restIssue(1, 3, 1, ["bug"])]));
    const wrong = await runPpppt(["health", "ingest-issues", file, "--tracker", "gitlab"], env);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/issues\.json: record 1: not a GitLab issue/);
    const missing = await runPpppt(["health", "ingest-issues", join(dir, "nope.json")], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.json: no such file/);
    const bad = await runPpppt(["health", "ingest-issues", file, "--tracker", "trello"], env);
    expect(bad.code).toBe(2);
  });
});

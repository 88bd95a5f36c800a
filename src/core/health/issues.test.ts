import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PpppptError } from "../errors.js";
import { readGithubExport } from "../import/github.js";
import { readGitlabExport } from "../import/gitlab.js";
import type { IssueRecord } from "../import/issue-record.js";
import { readJiraExport } from "../import/jira.js";
import {
  bugResolvedEvents,
  bugTarget,
  DEFAULT_ISSUE_SETTINGS,
  issueFigures,
  issueSettings,
  rankKey,
  summarizeExport,
  techDebtEvents,
} from "./issues.js";
import { DEFAULT_SLOS_YAML, parseSlos, type SloSpec, sloStatus } from "./slo.js";

const NOW = new Date("2026-11-29T00:00:00Z");
const DAY = 86_400_000;
const [, BUGS, DEBT] = parseSlos(DEFAULT_SLOS_YAML, "slos.yaml") as [SloSpec, SloSpec, SloSpec];
const S = DEFAULT_ISSUE_SETTINGS;

let n = 0;
/** An issue opened `openedDaysAgo` before NOW and, when given, closed `closedDaysAgo` before it. */
function issue(
  openedDaysAgo: number,
  closedDaysAgo: number | undefined,
  more: Partial<IssueRecord> = {},
): IssueRecord {
  n++;
  const at = (d: number) => {
    const ms = NOW.getTime() - d * DAY;
    return { ms, wallMs: ms, zoned: true };
  };
  return {
    tracker: "github",
    sourceId: `github:acme/app#${n}`,
    key: `#${n}`,
    title: `issue ${n}`,
    state: closedDaysAgo === undefined ? "open" : "closed",
    created: at(openedDaysAgo),
    closed: closedDaysAgo === undefined ? undefined : at(closedDaysAgo),
    closedAsNotPlanned: false,
    labels: ["bug"],
    assignees: [],
    priority: undefined,
    severity: undefined,
    due: undefined,
    url: undefined,
    isPullRequest: false,
    type: undefined,
    record: n,
    ...more,
  };
}

describe("priorities and targets", () => {
  it("maps GitLab's, Jira's and the usual label spellings onto 30/60/90/120 days", () => {
    const days = (priority: string) => bugTarget(issue(1, undefined, { priority }), S).days;
    expect(["P1", "priority::1", "Highest", "Blocker", "severity: critical"].map(days)).toEqual([
      30, 30, 30, 30, 30,
    ]);
    expect(["P2", "High", "S2", "Sev 2"].map(days)).toEqual([60, 60, 60, 60]);
    expect(["P3", "Medium", "Major"].map(days)).toEqual([90, 90, 90]);
    expect(["P4", "Low", "Trivial", "whenever"].map(days)).toEqual([120, 120, 120, 120]);
    expect(bugTarget(issue(1, undefined, { severity: "S1" }), S)).toEqual({
      priority: "S1",
      days: 30,
    });
    expect(bugTarget(issue(1, undefined), S)).toEqual({ priority: "none", days: 120 });
  });

  it("reads the same rank whatever the prefix, separator and case", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("priority", "Priority", "PRIORITY", "severity", "sev", "pri"),
        fc.constantFrom("::", ": ", ":", "/", "_", "-", " ", ""),
        fc.constantFrom("1", "2", "high", "Critical", "3"),
        (prefix, sep, rank) => {
          expect(rankKey(`${prefix}${sep}${rank}`)).toBe(rankKey(rank));
        },
      ),
    );
  });

  it("takes the config's health: section over the defaults, and names a wrong value's line", () => {
    const s = issueSettings(
      "role: manager\nhealth:\n  bugTargets:\n    P1: 7\n    default: 45\n  techDebtLabels: [Refactor]\n",
      "config.yaml",
    );
    expect(bugTarget(issue(1, undefined, { priority: "priority: 1" }), s).days).toBe(7);
    expect(bugTarget(issue(1, undefined, { priority: "High" }), s).days).toBe(60);
    expect(bugTarget(issue(1, undefined), s).days).toBe(45);
    expect(s.techDebtLabels).toEqual(["refactor"]);
    expect(issueSettings("role: manager\n", "config.yaml")).toBe(DEFAULT_ISSUE_SETTINGS);
    try {
      issueSettings("health:\n  bugTargets:\n    P1: soon\n", "config.yaml");
      throw new Error("accepted");
    } catch (e) {
      expect(e).toBeInstanceOf(PpppptError);
      expect((e as PpppptError).describe()).toMatch(/^config\.yaml:3: health\.bugTargets\.P1/);
    }
  });
});

describe("the bug SLO against hand-computed figures", () => {
  it("Occurrences: 25 bugs resolved in the window, 3 late", () => {
    // 22 P1 bugs open 10 days, closed 1..22 days ago: within 30 days, good.
    // 3 P1 bugs open 40 days, closed 2 days ago: 38 days > 30, bad.
    // A P3 bug closed 5 days ago after 80 days: within 90, good (26 events).
    // Left out: a pull request, a bug closed as not planned, an open bug, an issue that is no
    // bug, a GitLab bug closed with no closed_at, and a bug closed 40 days ago (outside 28d).
    const records = [
      ...Array.from({ length: 22 }, (_, i) => issue(10 + i + 1, i + 1, { priority: "P1" })),
      ...Array.from({ length: 3 }, () => issue(40, 2, { priority: "P1" })),
      issue(85, 5, { priority: "P3" }),
      issue(50, 3, { priority: "P1", isPullRequest: true }),
      issue(50, 3, { priority: "P1", closedAsNotPlanned: true }),
      issue(50, undefined, { priority: "P1" }),
      issue(50, 3, { labels: ["enhancement"] }),
      { ...issue(50, 3, { tracker: "gitlab" }), closed: undefined },
      issue(45, 40, { priority: "P1" }),
    ];
    const events = bugResolvedEvents(records, S);
    expect(events.length).toBe(27);
    const s = sloStatus(BUGS, events, NOW);
    // 23 good of 26 in 28 days: indicator 0.8846; allowed bad 0.1 x 26 = 2.6; budget left
    // 1 - 3/2.6 = -0.1538: breached. Last 7 days: 6 P1 (1..6 days ago) + 3 bad + the P3 = 10,
    // 3 bad: (3/10)/0.1 = 3.0. Whole 28 days: (3/26)/0.1 = 1.154.
    expect([s.good, s.total]).toEqual([23, 26]);
    expect(s.indicator).toBeCloseTo(23 / 26, 10);
    expect(s.budgetLeft).toBeCloseTo(1 - 3 / 2.6, 10);
    expect(s.status).toBe("breached");
    expect(s.burnRate.short).toBeCloseTo(3, 10);
    expect(s.burnRate.long).toBeCloseTo(3 / 26 / 0.1, 10);
    expect(s.worstOffenders.map((w) => w.count)).toEqual([1, 1, 1]);
    // The bug closed 40 days ago is in the window before: 1 event, good.
    expect(s.trend.previous).toBe(1);
  });
});

describe("the tech-debt SLO against hand-computed figures", () => {
  it("Timeslices: one item crossing 180 days, one closed", () => {
    // Item A open since 200 days ago: at the middle of day k (k+0.5 days before now) it is
    // 199.5 - k days old, >= 180 for k <= 19: 20 bad days of 28. Item B was 190 days old when
    // closed 30 days ago: outside the window. Indicator 8/28; allowed 0.01 x 28 = 0.28 bad
    // slices; budget left 1 - 20/0.28.
    const a = issue(200, undefined, { labels: ["tech-debt"] });
    const b = issue(220, 30, { labels: ["Tech Debt"] });
    const events = techDebtEvents([a, b], S, NOW, 56);
    const s = sloStatus(DEBT, events, NOW);
    expect([s.good, s.total]).toEqual([8, 28]);
    expect(s.budgetLeft).toBeCloseTo(1 - 20 / 0.28, 8);
    expect(s.status).toBe("breached");
    expect(s.worstOffenders).toEqual([{ what: `${a.key} ${a.title}`, count: 20 }]);
    // The window before (days 28..55): A is 144.5..171.5 days old (good) but B, open until
    // 30 days ago, was 190 - ... old: B's age at day k is 219.5 - k (>= 180 for all k <= 39),
    // open for k >= 30: days 30..39 bad, 18 good of 28.
    expect(s.trend.previous).toBeCloseTo(18 / 28, 10);
    // Short burn (7 days, all bad): (7/7)/0.01 = 100.
    expect(s.burnRate.short).toBeCloseTo(100, 8);
  });

  it("gives no events without tech debt, and none before the first issue", () => {
    expect(techDebtEvents([issue(300, undefined)], S, NOW, 28)).toEqual([]);
    const young = techDebtEvents([issue(10, undefined, { labels: ["debt"] })], S, NOW, 28);
    expect(young.length).toBe(10);
    expect(young.every((e) => e.good)).toBe(true);
  });
});

describe("issueFigures", () => {
  it("bug age by priority, time to resolve, tech debt by week", () => {
    const records = [
      issue(100, undefined, { priority: "P1" }),
      issue(20, undefined, { priority: "P1" }),
      issue(40, 10, { priority: "P1" }),
      issue(5, undefined, { priority: "Low" }),
      { ...issue(9, undefined, { priority: "Low" }), created: undefined },
      issue(400, undefined, { labels: ["tech-debt"] }),
      issue(30, 3, { labels: ["tech-debt"] }),
    ];
    const f = issueFigures(records, S, NOW);
    expect(f.bugs.byPriority).toEqual([
      {
        priority: "P1",
        targetDays: 30,
        open: 2,
        openAgeUnknown: 0,
        medianOpenAgeDays: 60,
        oldestOpenAgeDays: 100,
        openOverTarget: 1,
        closed: 1,
        resolved: 1,
        medianHoursToResolve: 720,
        resolvedWithinTarget: 1,
      },
      {
        priority: "Low",
        targetDays: 120,
        open: 2,
        openAgeUnknown: 1,
        medianOpenAgeDays: 5,
        oldestOpenAgeDays: 5,
        openOverTarget: 0,
        closed: 0,
        resolved: 0,
        medianHoursToResolve: null,
        resolvedWithinTarget: 0,
      },
    ]);
    expect(f.techDebt.open).toBe(1);
    expect(f.techDebt.overTime.length).toBe(12);
    // Now: only the 400-day item; 4 weeks ago (28 days): both (the other opened 30 days ago).
    expect(f.techDebt.overTime.at(-1)).toMatchObject({ open: 1, oldestAgeDays: 400 });
    expect(f.techDebt.overTime.at(-5)).toMatchObject({ open: 2, olderThanMax: 1 });
    expect(f.techDebt.overTime.at(-6)).toMatchObject({ open: 1 });
  });
});

/** The issue exports of ../shared/fixtures/issues/, against the reference's EXPECTED.tsv. */
const DIR = join(import.meta.dirname, "../../../../shared/fixtures/issues");

/**
 * Where our figures differ from the reference's, and why: the reference counts pull requests
 * among a GitHub REST list's records; the bug figures leave them out. Each difference is the
 * reference's figure over the pull requests too: asserted, not skipped.
 */
const DIFFERENCES: Record<
  string,
  { issues: number; open: number; closed: number; median: string }
> = {
  // 24 records, 7 of them (open) pull requests.
  "ColinEberhardt--github-organisation-aggregate-view--issues.json": {
    issues: 17,
    open: 17,
    closed: 0,
    median: "-",
  },
  // Its one record is a closed pull request (the reference's 5.05 h is that PR's).
  "chaoss--grimoirelab-perceval--github_request.json": {
    issues: 0,
    open: 0,
    closed: 0,
    median: "-",
  },
};

describe.skipIf(!existsSync(DIR))("bug figures of the fixture exports against EXPECTED.tsv", () => {
  const lines = existsSync(DIR)
    ? readFileSync(join(DIR, "EXPECTED.tsv"), "utf8").trimEnd().split("\n")
    : [];
  const cols = (lines[0] ?? "").split("\t");
  const rows = lines
    .slice(1)
    .map((l) => Object.fromEntries(l.split("\t").map((v, i) => [cols[i], v])))
    .filter((r) => r.parsed === "yes");
  const read = (tracker: string, file: string) => {
    const bytes = readFileSync(join(DIR, file));
    if (tracker === "github") return readGithubExport(bytes, file);
    if (tracker === "gitlab") return readGitlabExport(bytes, file);
    return readJiraExport(bytes, file);
  };

  for (const row of rows) {
    const file = row.file as string;
    it(`${file}: median time to close ${row.median_hours_to_close} h`, () => {
      const got = summarizeExport(read(row.tracker as string, file).records, S);
      const diff = DIFFERENCES[file];
      expect(Number(row.pull_requests) > 0).toBe(diff !== undefined);
      const want = diff ?? {
        issues: Number(row.issues),
        open: row.open === "-" ? 0 : Number(row.open),
        closed: row.closed === "-" ? 0 : Number(row.closed),
        median: row.median_hours_to_close as string,
      };
      expect(got.issues).toBe(want.issues);
      expect(got.open).toBe(want.open);
      expect(got.closed).toBe(want.closed);
      // No state in the export (GraphQL without `state`): neither open nor closed.
      expect(got.stateUnknown).toBe(row.closed === "-" ? got.issues : 0);
      expect(got.medianHoursToClose === null ? "-" : got.medianHoursToClose.toFixed(2)).toBe(
        want.median,
      );
      if (diff === undefined) expect(got.closedWithDates).toBe(Number(row.closed_with_dates));
      // Older GitLab closes without closed_at: closed, but in no time figure.
      if (row.tracker === "gitlab") expect([got.closed, got.closedWithDates]).toEqual([2, 0]);
    });
  }
});

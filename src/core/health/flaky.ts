/**
 * Flaky-test detection over many CI runs. Pure: the store hands in one row per run and one per
 * (test, run); every threshold is in FLAKY_RULES and docs/health.md ("Flaky tests").
 */

export interface RunFacts {
  runKey: string;
  commit: string | undefined;
  branch: string | undefined;
  job: string | undefined;
  /** ISO instant. */
  time: string;
  /** Results in the run, and how many of them failed or errored. */
  results: number;
  failed: number;
  /** Sum of the run's test times (seconds, negatives as 0). */
  seconds: number;
}

/** One test's results within one run (a retry makes several). */
export interface TestInRun {
  testId: string;
  runKey: string;
  /** Results that passed, including those that passed only after a rerun child. */
  passes: number;
  /** Results with a failure or error. */
  fails: number;
  /** Results that passed after a rerun (Surefire `flakyFailure`, nextest retries). */
  rerunPasses: number;
  /** Seconds of the failed results, and of all results. */
  failSeconds: number;
  seconds: number;
  /** The `file` attribute or class name, for CODEOWNERS. */
  path: string;
}

export const FLAKY_RULES = {
  /** A run is infrastructure trouble, left out, when more than this share of its results failed. */
  infraShare: 0.5,
  /** ... and it had at least this many results (a 2-test run half failing is not an outage). */
  infraMinResults: 10,
  /** Flip rate: at least this many runs on one branch, and flips / (runs - 1) at least this. */
  flipMinRuns: 5,
  flipRate: 0.3,
  /** Failure rate over the last `rateWindow` runs, once there are `rateMinSample` of them. */
  rateWindow: 30,
  rateMinSample: 10,
  /** Flagged when the rate reaches `rateEnter`; cleared only once it falls below `rateExit`. */
  rateEnter: 0.05,
  rateExit: 0.02,
  /** Broken: failed (no pass, not even on a retry) in at least this many runs in a row, to the latest. */
  brokenMinRuns: 3,
} as const;

export type FlagKind = "same-commit" | "retry" | "flip-rate" | "failure-rate";

export interface Flag {
  kind: FlagKind;
  /** One sentence: "passed and failed on abc123 in runs 12 and 14". */
  why: string;
}

export interface TestHealth {
  testId: string;
  status: "flaky" | "broken";
  flags: Flag[];
  /** For a broken test: since when, in words ("failing in every run since abc123 (run 40)"). */
  broken: string | undefined;
  /** Runs in which it failed at least once (outside a broken streak) over runs it ran in. */
  flakeRate: number;
  runsAffected: number;
  /** The run keys of those runs. */
  affectedRuns: string[];
  runs: number;
  firstSeen: string;
  lastSeen: string;
  /** docs/health.md, "CI minutes lost". */
  minutesLost: number;
  path: string;
}

export interface FlakyReport {
  tests: TestHealth[];
  /** Runs left out as infrastructure failures, with why. */
  infraRuns: { run: number; runKey: string; why: string }[];
  runs: number;
}

type Verdict = "pass" | "fail" | "retry";

interface Observed {
  run: RunFacts;
  /** 1-based position of the run in time order, the number the explanations use. */
  number: number;
  t: TestInRun;
  verdict: Verdict;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list === undefined) groups.set(k, [item]);
    else list.push(item);
  }
  return groups;
}

function verdictOf(t: TestInRun): Verdict | undefined {
  if (t.fails > 0 && t.passes > 0) return "retry";
  if (t.rerunPasses > 0) return "retry";
  if (t.fails > 0) return "fail";
  if (t.passes > 0) return "pass";
  return undefined; // skipped only: says nothing
}

function shortCommit(commit: string): string {
  return /^[0-9a-f]{12,}$/i.test(commit) ? commit.slice(0, 7) : commit;
}

function runList(numbers: number[]): string {
  const n = [...new Set(numbers)].sort((a, b) => a - b);
  if (n.length === 1) return `run ${n[0]}`;
  const shown = n.slice(0, 4);
  const more = n.length > 4 ? ` and ${n.length - 4} more` : "";
  return `runs ${shown.slice(0, -1).join(", ")}${shown.length > 1 ? " and " : ""}${shown[shown.length - 1]}${more}`;
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

export function detectFlaky(runs: readonly RunFacts[], results: readonly TestInRun[]): FlakyReport {
  const ordered = [...runs].sort(
    (a, b) => a.time.localeCompare(b.time) || a.runKey.localeCompare(b.runKey),
  );
  const number = new Map(ordered.map((r, i) => [r.runKey, i + 1]));
  const infraRuns: FlakyReport["infraRuns"] = [];
  const usable = new Map<string, RunFacts>();
  for (const r of ordered) {
    if (r.results >= FLAKY_RULES.infraMinResults && r.failed / r.results > FLAKY_RULES.infraShare) {
      infraRuns.push({
        run: number.get(r.runKey) as number,
        runKey: r.runKey,
        why: `${r.failed} of ${r.results} results failed: an infrastructure failure, not the tests`,
      });
    } else usable.set(r.runKey, r);
  }
  const observedAll: Observed[] = [];
  for (const t of results) {
    const run = usable.get(t.runKey);
    const verdict = verdictOf(t);
    if (run === undefined || verdict === undefined) continue;
    observedAll.push({ run, number: number.get(t.runKey) as number, t, verdict });
  }
  const byTest = groupBy(observedAll, (o) => o.t.testId);
  const tests: TestHealth[] = [];
  for (const [testId, observed] of byTest) {
    observed.sort((a, b) => a.number - b.number);
    const health = judge(testId, observed, ordered);
    if (health !== undefined) tests.push(health);
  }
  tests.sort(
    (a, b) =>
      (a.status === b.status ? 0 : a.status === "flaky" ? -1 : 1) ||
      b.flakeRate - a.flakeRate ||
      b.minutesLost - a.minutesLost ||
      a.testId.localeCompare(b.testId),
  );
  return { tests, infraRuns, runs: ordered.length };
}

function judge(
  testId: string,
  observed: Observed[],
  allRuns: readonly RunFacts[],
): TestHealth | undefined {
  // Broken: the latest runs all failed outright. Those runs are the break, not flakes.
  let streak = 0;
  while (streak < observed.length && observed[observed.length - 1 - streak]?.verdict === "fail") {
    streak++;
  }
  let broken: string | undefined;
  let history = observed;
  if (streak >= FLAKY_RULES.brokenMinRuns) {
    const first = observed[observed.length - streak] as Observed;
    const since = first.run.commit
      ? `${shortCommit(first.run.commit)} (run ${first.number})`
      : `run ${first.number}`;
    broken =
      streak === observed.length
        ? `failing in every run it ran in (${streak}), since ${since}`
        : `failing in every run since ${since}: ${streak} in a row`;
    history = observed.slice(0, observed.length - streak);
  }
  const flags = flagsOf(history);
  if (broken === undefined && flags.length === 0) return undefined;
  const affected = history.filter((o) => o.verdict !== "pass");
  return {
    testId,
    status: broken === undefined ? "flaky" : "broken",
    flags,
    broken,
    flakeRate: history.length === 0 ? 0 : affected.length / history.length,
    runsAffected: affected.length,
    affectedRuns: affected.map((o) => o.run.runKey),
    runs: observed.length,
    firstSeen: (observed[0] as Observed).run.time,
    lastSeen: (observed[observed.length - 1] as Observed).run.time,
    minutesLost: flags.length === 0 ? 0 : minutesLost(history, allRuns),
    path: (observed[0] as Observed).t.path,
  };
}

function flagsOf(history: Observed[]): Flag[] {
  const flags: Flag[] = [];
  // Passed and failed on the same commit, in different runs.
  const byCommit = groupBy(
    history.filter((o) => o.run.commit !== undefined),
    (o) => o.run.commit as string,
  );
  for (const [commit, list] of byCommit) {
    const passed = list.filter((o) => o.verdict === "pass");
    const failed = list.filter((o) => o.verdict === "fail");
    if (passed.length > 0 && failed.length > 0) {
      const numbers = [...failed, ...passed].map((o) => o.number);
      flags.push({
        kind: "same-commit",
        why: `passed and failed on ${shortCommit(commit)} in ${runList(numbers)}`,
      });
      break;
    }
  }
  // Passed on a retry within one run.
  const retried = history.filter((o) => o.verdict === "retry");
  if (retried.length > 0) {
    flags.push({
      kind: "retry",
      why: `failed, then passed on a retry, in ${runList(retried.map((o) => o.number))}`,
    });
  }
  // Flip rate on a branch's consecutive runs.
  const byBranch = groupBy(history, (o) => o.run.branch ?? "");
  for (const [branch, list] of byBranch) {
    if (list.length < FLAKY_RULES.flipMinRuns) continue;
    let flips = 0;
    for (let i = 1; i < list.length; i++) {
      const a = (list[i - 1] as Observed).verdict === "pass";
      const b = (list[i] as Observed).verdict === "pass";
      if (a !== b) flips++;
    }
    const rate = flips / (list.length - 1);
    if (rate >= FLAKY_RULES.flipRate) {
      flags.push({
        kind: "flip-rate",
        why: `flipped between pass and fail ${flips} times in ${list.length} consecutive runs${branch ? ` on ${branch}` : ""} (flip rate ${pct(rate)}, flagged from ${pct(FLAKY_RULES.flipRate)})`,
      });
      break;
    }
  }
  // Failure rate over a minimum sample, with hysteresis: flagged at rateEnter, cleared below rateExit.
  let flagged = false;
  let rate = 0;
  for (let i = 0; i < history.length; i++) {
    const window = history.slice(Math.max(0, i + 1 - FLAKY_RULES.rateWindow), i + 1);
    if (window.length < FLAKY_RULES.rateMinSample) continue;
    rate = window.filter((o) => o.verdict !== "pass").length / window.length;
    if (!flagged && rate >= FLAKY_RULES.rateEnter) flagged = true;
    else if (flagged && rate < FLAKY_RULES.rateExit) flagged = false;
  }
  if (flagged) {
    const n = Math.min(history.length, FLAKY_RULES.rateWindow);
    flags.push({
      kind: "failure-rate",
      why: `failed in ${pct(rate)} of its last ${n} runs (flagged from ${pct(FLAKY_RULES.rateEnter)}, cleared below ${pct(FLAKY_RULES.rateExit)})`,
    });
  }
  return flags;
}

/**
 * CI minutes lost to a flaky test (docs/health.md): in every run where it failed, the time of
 * its failed attempts and of the retries that followed them in that run; and where the run
 * was run again on the same commit and job (a rerun of the job), that later run's whole test
 * time, shared among the tests that failed flakily in the first.
 */
function minutesLost(history: Observed[], allRuns: readonly RunFacts[]): number {
  let seconds = 0;
  for (const o of history) {
    if (o.verdict === "pass") continue;
    seconds += o.verdict === "retry" ? Math.max(0, o.t.seconds) : Math.max(0, o.t.failSeconds);
    if (o.verdict === "fail" && o.run.commit !== undefined) {
      const rerun = allRuns.find(
        (r) =>
          r.commit === o.run.commit &&
          r.job === o.run.job &&
          r.runKey !== o.run.runKey &&
          r.time > o.run.time,
      );
      if (rerun !== undefined) seconds += Math.max(0, rerun.seconds) / Math.max(1, o.run.failed);
    }
  }
  return seconds / 60;
}

/**
 * The CI SLO's events: every run not left out as infrastructure, good when no flaky test
 * failed in it (broken tests are not flakes: they fail every run and are fixed, not budgeted).
 */
export function ciRunEvents(
  runs: readonly RunFacts[],
  report: FlakyReport,
): { time: string; good: boolean; blame: string[] }[] {
  const infra = new Set(report.infraRuns.map((r) => r.runKey));
  const blame = new Map<string, string[]>();
  for (const t of report.tests) {
    if (t.status !== "flaky") continue;
    for (const k of t.affectedRuns) blame.set(k, [...(blame.get(k) ?? []), t.testId]);
  }
  return runs
    .filter((r) => !infra.has(r.runKey))
    .map((r) => {
      const tests = blame.get(r.runKey) ?? [];
      return { time: r.time, good: tests.length === 0, blame: tests };
    });
}

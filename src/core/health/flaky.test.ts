import { describe, expect, it } from "vitest";
import { ciRunEvents, detectFlaky, type RunFacts, type TestInRun } from "./flaky.js";

function run(i: number, over: Partial<RunFacts> = {}): RunFacts {
  return {
    runKey: `r${i}`,
    commit: `c${i}`,
    branch: "main",
    job: "unit",
    time: `2026-11-${String(i).padStart(2, "0")}T10:00:00.000Z`,
    results: 20,
    failed: 0,
    seconds: 600,
    ...over,
  };
}

function result(
  testId: string,
  i: number,
  verdict: "pass" | "fail" | "retry" | "rerun",
): TestInRun {
  return {
    testId,
    runKey: `r${i}`,
    passes: verdict === "fail" ? 0 : 1,
    fails: verdict === "fail" || verdict === "retry" ? 1 : 0,
    rerunPasses: verdict === "rerun" ? 1 : 0,
    failSeconds: verdict === "fail" || verdict === "retry" ? 30 : 0,
    seconds: verdict === "retry" ? 60 : 30,
    path: "src/a.test.ts",
  };
}

describe("detectFlaky", () => {
  it("flags passed and failed on one commit, naming the runs", () => {
    const runs = [run(1), run(2, { commit: "c1" })];
    const report = detectFlaky(runs, [result("t", 1, "fail"), result("t", 2, "pass")]);
    expect(report.tests).toHaveLength(1);
    expect(report.tests[0]?.status).toBe("flaky");
    expect(report.tests[0]?.flags).toEqual([
      { kind: "same-commit", why: "passed and failed on c1 in runs 1 and 2" },
    ]);
    // The failed attempt (30 s) and the rerun of the job on the same commit (600 s for 1 failed test).
    expect(report.tests[0]?.minutesLost).toBeCloseTo((30 + 600) / 60);
  });

  it("flags a pass on a retry within one run, and Surefire's flakyFailure", () => {
    const report = detectFlaky(
      [run(1), run(2)],
      [result("a", 1, "retry"), result("b", 2, "rerun")],
    );
    expect(report.tests.map((t) => [t.testId, t.flags[0]?.why])).toEqual([
      ["a", "failed, then passed on a retry, in run 1"],
      ["b", "failed, then passed on a retry, in run 2"],
    ]);
    expect(report.tests[0]?.minutesLost).toBe(1);
  });

  it("flags a high flip rate on a branch", () => {
    const pattern = ["pass", "fail", "pass", "fail", "pass", "pass"] as const;
    const runs = pattern.map((_, i) => run(i + 1));
    const report = detectFlaky(
      runs,
      pattern.map((v, i) => result("t", i + 1, v)),
    );
    const kinds = report.tests[0]?.flags.map((f) => f.kind);
    expect(kinds).toContain("flip-rate");
    expect(report.tests[0]?.flags.find((f) => f.kind === "flip-rate")?.why).toBe(
      "flipped between pass and fail 4 times in 6 consecutive runs on main (flip rate 80%, flagged from 30%)",
    );
  });

  it("failure rate: needs the minimum sample, and clears only below the lower threshold", () => {
    const verdicts = (fails: number[], n: number) =>
      Array.from({ length: n }, (_, i) => (fails.includes(i) ? "fail" : "pass") as "pass" | "fail");
    const judge = (v: ("pass" | "fail")[]) => {
      const runs = v.map((_, i) => run(i + 1, { branch: `b${i}` }));
      return detectFlaky(
        runs,
        v.map((x, i) => result("t", i + 1, x)),
      ).tests[0]?.flags.map((f) => f.kind);
    };
    // 1 failure in 9 runs: too few to judge by rate, and no other flag.
    expect(judge(verdicts([0], 9))).toBeUndefined();
    // 1 in 10 (10%): flagged.
    expect(judge(verdicts([0], 10))).toEqual(["failure-rate"]);
    // 1 in 30 (3.3%): under the 5% that flags, but not under the 2% that clears: still flagged.
    expect(judge(verdicts([0], 30))).toEqual(["failure-rate"]);
    // The failure slides out of the 30-run window: 0%, cleared.
    expect(judge(verdicts([0], 31))).toBeUndefined();
    // Never reached 5% over a 10-run sample: 1 failure at run 20 of 40 is 1/30 = 3.3%.
    expect(judge(verdicts([25], 40))).toBeUndefined();
  });

  it("tells broken (failing every run since a commit) from flaky", () => {
    const v = ["pass", "pass", "fail", "fail", "fail"] as const;
    const runs = v.map((_, i) => run(i + 1, { commit: `abc${i}` }));
    const report = detectFlaky(
      runs,
      v.map((x, i) => result("t", i + 1, x)),
    );
    expect(report.tests[0]).toMatchObject({
      status: "broken",
      broken: "failing in every run since abc2 (run 3): 3 in a row",
      flags: [],
      minutesLost: 0,
    });
  });

  it("turns runs into the CI SLO's events: bad where a flaky test failed, infrastructure runs out", () => {
    const runs = [run(1), run(2, { commit: "c1" }), run(3), run(4, { failed: 15 })];
    const report = detectFlaky(runs, [
      result("t", 1, "fail"),
      result("t", 2, "pass"),
      result("t", 3, "pass"),
      result("t", 4, "fail"),
    ]);
    expect(ciRunEvents(runs, report).map((e) => [e.good, e.blame])).toEqual([
      [false, ["t"]],
      [true, []],
      [true, []],
    ]);
  });

  it("leaves out runs where most tests failed", () => {
    const runs = [run(1), run(2, { commit: "c1", failed: 15 })];
    const report = detectFlaky(runs, [result("t", 1, "pass"), result("t", 2, "fail")]);
    expect(report.tests).toEqual([]);
    expect(report.infraRuns).toEqual([
      {
        run: 2,
        runKey: "r2",
        why: "15 of 20 results failed: an infrastructure failure, not the tests",
      },
    ]);
  });
});

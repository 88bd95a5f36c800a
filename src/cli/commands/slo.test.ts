import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPpppt, tempDocket } from "../fake-io.js";

/** 25 CI runs in November, one report each; `total` fails and passes on a retry in 3 of them. */
function ciHistory(dir: string): string[] {
  const files: string[] = [];
  for (let i = 1; i <= 25; i++) {
    const retry = [5, 12, 20].includes(i);
    const cases = [
      '<testcase classname="CartTest" name="add" time="1"/>',
      ...(retry
        ? ['<testcase classname="CartTest" name="total" time="2"><failure/></testcase>']
        : []),
      '<testcase classname="CartTest" name="total" time="2"/>',
    ].join("");
    const file = join(dir, `run-${i}.xml`);
    const day = String(i + 3).padStart(2, "0");
    writeFileSync(
      file,
      `<testsuite name="cart" timestamp="2026-11-${day}T10:00:00Z">${cases}</testsuite>`,
    );
    files.push(file);
  }
  return files;
}

describe("ppppt slo", () => {
  it("reports the CI SLO breached, adds one Process item to the docket, and only once", async () => {
    const { dir, file, env } = tempDocket("(B) 2026-11-01 an item of mine\n");
    const e = { ...env, PPPPT_TODAY: "2026-11-29" };
    expect((await runPpppt(["health", "ingest", ...ciHistory(dir)], e)).code).toBe(0);
    const first = await runPpppt(["slo"], e);
    expect(first.code, first.stderr).toBe(0);
    // 22 of 25 runs free of flaky failures: 88%; allowed 0.25 bad runs; 1 - 3/0.25 = -1100%.
    expect(first.stdout).toContain("CI runs free of flaky failures (ci-flaky-free): breached");
    expect(first.stdout).toContain(
      "indicator 88% (22 of 25 good, occurrences, 28d rolling), objective 99%",
    );
    expect(first.stdout).toContain("error budget left -1100%");
    expect(first.stdout).toContain("worst: cart › CartTest › total (3)");
    expect(first.stdout).toContain(
      "Bugs resolved within their priority's target (bugs-resolved-in-time): no-data",
    );
    expect(first.stdout).toMatch(
      /Added to the docket: 2026-11-29 SLO breached: .* cat:process slo:ci-flaky-free/,
    );
    const second = await runPpppt(["slo", "--json"], e);
    const json = JSON.parse(second.stdout);
    expect(json.added).toEqual([]);
    expect(json.slos[0]).toMatchObject({
      name: "ci-flaky-free",
      status: "breached",
      good: 22,
      total: 25,
    });
    const docket = readFileSync(file, "utf8").split("\n");
    expect(docket[0]).toBe("(B) 2026-11-01 an item of mine");
    expect(docket.filter((l) => l.includes("slo:ci-flaky-free"))).toHaveLength(1);
  }, 30_000);

  it("--init writes the defaults once; a bad slos.yaml is named with its line", async () => {
    const { dir, env } = tempDocket("");
    const init = await runPpppt(["slo", "--init"], env);
    expect(init.stdout).toContain(join(dir, "slos.yaml"));
    expect((await runPpppt(["slo", "--init"], env)).code).toBe(1);
    const path = join(dir, "slos.yaml");
    writeFileSync(path, readFileSync(path, "utf8").replace("target: 0.99", "target: 99"));
    const bad = await runPpppt(["slo"], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/slos\.yaml:\d+: spec\.objectives\[0\]\.target/);
  });
});

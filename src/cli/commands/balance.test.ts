import { describe, expect, it } from "vitest";
import { buildDemoDocket } from "../../core/demo/demo-docket.js";
import { runPpppt, tempDocket } from "../fake-io.js";

const TODAY = "2026-11-25";

function setup(docket: string, config?: string) {
  return { ...tempDocket(docket, config).env, PPPPT_TODAY: TODAY };
}

// Week 2026-W48 is Mon 23 to today, Wed 25: people 90m (spent), tech 30m (estimate).
// total 120m → people 75%, tech 25%; director targets people 30, tech 15.
const SMALL = [
  "x 2026-11-24 1:1 with Dana cat:people spent:1h30m",
  "x 2026-11-23 Review the RFC cat:tech est:30m",
  "x 2026-11-20 Last week cat:process spent:2h",
  "",
].join("\n");

describe("ppppt balance", () => {
  it("reports the week against the role's mix, as JSON", async () => {
    const r = await runPpppt(["balance", "--week", "--role", "director", "--json"], setup(SMALL));
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.balance.period).toMatchObject({ start: "2026-11-23", end: TODAY });
    expect(report.balance.total).toBe(120);
    const share = (c: string) =>
      report.balance.categories.find((x: { category: string }) => x.category === c);
    expect(share("people")).toMatchObject({ share: 75, target: 30, drift: 45 });
    expect(share("tech")).toMatchObject({ share: 25, target: 15, drift: 10 });
    expect(report.trend).toHaveLength(12);
    expect(
      report.activity.find((a: { category: string }) => a.category === "process"),
    ).toMatchObject({ lastDone: "2026-11-20", starving: false });
  });

  it("draws bars, names the basis and the starving categories in the terminal", async () => {
    const r = await runPpppt(["balance", "--week"], setup(SMALL));
    expect(r.stdout).toContain("Balance 2026-W48 (2026-11-23 to 2026-11-25), Manager");
    expect(r.stdout).toContain(
      "by time: 1 by time spent, 1 by estimate; 1h30m of 2h measured (75%); total 2h",
    );
    expect(r.stdout).toMatch(/People\s+█+/);
    expect(r.stdout).toContain("Public: nothing ever done");
  });

  it("takes --since with a natural date, and the role from the config file", async () => {
    const env = setup(SMALL, "role: vp\n");
    const r = await runPpppt(["balance", "--since", "2026-11-20", "--md"], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("# Balance since 2026-11-20");
    expect(r.stdout).toContain("judged as VP");
    expect(r.stdout).toContain("| Process | 1 | 2h | 50% | 15% | +35 |");
  });

  it("works on an empty docket", async () => {
    const r = await runPpppt(["balance"], setup(""));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Nothing done in this period.");
  });

  it("works on the demo docket", async () => {
    const env = setup(buildDemoDocket({ today: TODAY, seed: 1 }));
    const r = await runPpppt(["balance", "--quarter", "--role", "director", "--json"], env);
    const report = JSON.parse(r.stdout);
    expect(report.balance.basis).toBe("time");
    expect(report.activity.filter((a: { starving: boolean }) => a.starving)).toHaveLength(1);
  });

  it("refuses two periods at once, and a config error names the file", async () => {
    expect((await runPpppt(["balance", "--week", "--month"], setup(SMALL))).code).toBe(1);
    const bad = await runPpppt(["balance"], setup(SMALL, "role: cto\n"));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/config\.yaml:1: role: "cto" is not a role/);
  });
});

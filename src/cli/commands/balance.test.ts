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
    expect(r.stdout).toContain("by time: 1 by time spent, 1 by estimate; total 2h");
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

  it("works on an empty docket, and says there is too little to judge", async () => {
    const r = await runPpppt(["balance"], setup(""));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Nothing done in this period.");
    expect(r.stdout).toContain(
      "Too little to judge: nothing done in the last 30 days (the balance needs at least 5).",
    );
    expect(r.stdout).not.toContain("Off target");
  });

  it("covers the last 30 days by default and says so; --last and the calendar flags change it", async () => {
    const r = await runPpppt(["balance", "--json"], setup(SMALL));
    const report = JSON.parse(r.stdout);
    expect(report.period).toEqual({
      kind: "last",
      start: "2026-10-27",
      end: TODAY,
      label: "last 30 days",
    });
    expect(report.balance.period).toEqual(report.period);
    expect(report.trendKind).toBe("week");
    const text = await runPpppt(["balance"], setup(SMALL));
    expect(text.stdout).toContain("Balance last 30 days (2026-10-27 to 2026-11-25), Manager");
    const week = JSON.parse(
      (await runPpppt(["balance", "--last", "7d", "--json"], setup(SMALL))).stdout,
    );
    expect(week.period).toMatchObject({ start: "2026-11-19", label: "last 7 days" });
    const quarter = JSON.parse(
      (await runPpppt(["balance", "--last", "90d", "--json"], setup(SMALL))).stdout,
    );
    expect(quarter.trendKind).toBe("month");
    const month = JSON.parse(
      (await runPpppt(["balance", "--month", "--json"], setup(SMALL))).stdout,
    );
    expect(month.period).toMatchObject({ kind: "month", label: "2026-11" });
    const bad = await runPpppt(["balance", "--last", "a fortnight"], setup(SMALL));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"a fortnight" is not a length of time for --last');
    expect((await runPpppt(["balance", "--last", "7d", "--week"], setup(SMALL))).code).toBe(1);
  });

  it("shows measured time apart from estimated and assumed", async () => {
    const docket = [
      "x 2026-11-24 Timed cat:tech spent:30m",
      ...Array.from({ length: 15 }, (_, i) => `x 2026-11-2${i % 5} Untimed ${i} cat:people`),
      "",
    ].join("\n");
    const r = await runPpppt(["balance"], setup(docket));
    expect(r.stdout).toContain("total 8h: 30m measured, 7h30m assumed.");
    const json = JSON.parse((await runPpppt(["balance", "--json"], setup(docket))).stdout);
    expect(json.balance.minutes).toEqual({ measured: 30, estimated: 0, assumed: 450 });
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

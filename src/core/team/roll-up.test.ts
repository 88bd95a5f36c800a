import { describe, expect, it } from "vitest";
import { parseDocket, readOnlyItemLines } from "../docket/parse.js";
import { buildBalanceReport } from "../lens/balance-report.js";
import { periodOf } from "../lens/period.js";
import { lensSettings } from "../lens/settings.js";
import { teamBalance } from "./roll-up.js";

const today = "2026-11-25";
const period = periodOf("month", today, today);
const lines = (text: string) => readOnlyItemLines(parseDocket(text));

describe("the team roll-up", () => {
  const ana = lines("x 2026-11-20 a cat:people spent:3h\nx 2026-11-03 b cat:tech spent:1h\n");
  const bo = lines(
    "x 2026-11-02 c cat:product\nx 2026-11-04 d cat:product\nx 2026-11-05 e cat:public\nx 2026-11-06 f cat:people\n",
  );
  const members = [
    {
      member: { name: "bo", role: "director" as const, joined: today },
      lines: bo,
      doneLines: [],
      lastSync: undefined,
    },
    {
      member: { name: "ana", role: "manager" as const, joined: today },
      lines: ana,
      doneLines: [],
      lastSync: "2026-11-25T10:00:00Z",
    },
    {
      member: { name: "cy", role: "vp" as const, joined: today },
      lines: [],
      doneLines: [],
      lastSync: undefined,
    },
  ];
  const r = teamBalance(members, period, today, { starvingWeeks: 3 });

  it("gives each person exactly what `balance` gives them, against their own role", () => {
    expect(r.people.map((p) => p.name)).toEqual(["ana", "bo", "cy"]);
    const report = (lines: typeof ana, role: "manager" | "director") =>
      buildBalanceReport({ lines, settings: lensSettings({ role }), today, period });
    expect(r.people[0]?.balance).toEqual(report(ana, "manager").balance);
    expect(r.people[1]?.balance).toEqual(report(bo, "director").balance);
  });

  it("makes the team's mix the mean of the shares of those who did something (by hand)", () => {
    // Shown: whole shares adding to 100 (12.5 and 12.5 → 13 and 12), targets rounded (32.5 → 33).
    // ana by time: people 75, tech 25. bo by count: product 50, public 25, people 25. cy: nothing.
    const share = Object.fromEntries(r.team.categories.map((c) => [c.category, c.share]));
    expect(share).toEqual({ people: 50, product: 25, process: 0, public: 12.5, tech: 12.5 });
    const target = Object.fromEntries(r.team.categories.map((c) => [c.category, c.target]));
    expect(target).toEqual({ people: 32.5, product: 20, process: 20, public: 7.5, tech: 20 });
    expect(r.team.counted).toBe(2);
    expect(r.team.categories.map((c) => c.sharePct)).toEqual([50, 25, 0, 13, 12]);
    expect(r.team.categories.map((c) => c.driftPts)).toEqual([17, 5, -20, 5, -8]);
    expect(r.team.drift).toBeCloseTo((17.5 + 5 + 20 + 5 + 7.5) / 2, 10);
  });

  it("names who starves each category", () => {
    const process = r.team.categories.find((c) => c.category === "process");
    expect(process?.starving).toEqual(["ana", "bo", "cy"]);
    const people = r.team.categories.find((c) => c.category === "people");
    expect(people?.starving).toEqual(["cy"]);
  });
});

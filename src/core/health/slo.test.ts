import { describe, expect, it } from "vitest";
import { parseDocket } from "../docket/parse.js";
import { printDocketText } from "../docket/print.js";
import { PpppptError } from "../errors.js";
import {
  addBreachItem,
  budgetHistory,
  DEFAULT_SLOS_YAML,
  parseSlos,
  type SloEvent,
  type SloSpec,
  sloStatus,
  windowSpan,
} from "./slo.js";

const NOW = new Date("2026-11-29T00:00:00Z");
const HOUR = 3600e3;
const DAY = 24 * HOUR;
const [CI, BUGS, DEBT] = parseSlos(DEFAULT_SLOS_YAML, "slos.yaml") as [SloSpec, SloSpec, SloSpec];

/** `n` events spread evenly over the 28 days before NOW, the ones at `bad` positions bad (0 = newest). */
function spread(n: number, bad: number[]): SloEvent[] {
  const step = (28 * DAY) / n;
  return Array.from({ length: n }, (_, i) => ({
    time: new Date(NOW.getTime() - (i + 0.5) * step).toISOString(),
    good: !bad.includes(i),
    blame: bad.includes(i) ? ["cart › total"] : [],
  }));
}

describe("the default slos.yaml", () => {
  it("holds the three SLOs the issue names, valid OpenSLO v1 shapes", () => {
    expect([CI, BUGS, DEBT].map((s) => [s.metadata.name, s.spec.objectives[0]?.target])).toEqual([
      ["ci-flaky-free", 0.99],
      ["bugs-resolved-in-time", 0.9],
      ["tech-debt-fresh", 0.99],
    ]);
  });

  it("names the line of a wrong key", () => {
    const bad = DEFAULT_SLOS_YAML.replace(
      "budgetingMethod: Timeslices",
      "budgetingMethod: Sometimes",
    );
    try {
      parseSlos(bad, "slos.yaml");
      throw new Error("accepted");
    } catch (e) {
      expect(e).toBeInstanceOf(PpppptError);
      const line = bad.split("\n").findIndex((l) => l.includes("Sometimes")) + 1;
      expect((e as PpppptError).line).toBe(line);
    }
  });
});

describe("sloStatus, against hand-computed figures", () => {
  it("Occurrences: budget left, burn over a day and a week, burning fast", () => {
    // 200 runs over 28 days, one every 3.36 h; the newest is bad.
    // indicator 199/200 = 0.995; allowed bad = 0.01 x 200 = 2; budget left 1 - 1/2 = 0.5.
    // Last day: 7 runs (0.5..6.5 x 3.36 h <= 24 h), 1 bad: (1/7)/0.01 = 14.29.
    // Last week: 50 runs, 1 bad: (1/50)/0.01 = 2.
    const s = sloStatus(CI, spread(200, [0]), NOW);
    expect(s.good).toBe(199);
    expect(s.total).toBe(200);
    expect(s.indicator).toBeCloseTo(0.995, 10);
    expect(s.budgetLeft).toBeCloseTo(0.5, 10);
    expect(s.burnRate.short).toBeCloseTo(100 / 7, 10);
    expect(s.burnRate.long).toBeCloseTo(2, 10);
    expect(s.status).toBe("burning");
    expect(s.worstOffenders).toEqual([{ what: "cart › total", count: 1 }]);
    expect(s.trend.word).toBe("unknown");
  });

  it("Occurrences: breached when the bad exceed the budget; the trend compares the window before", () => {
    // 3 bad of 100: 0.97; allowed 1; budget left 1 - 3 = -2.
    const before = spread(100, []).map((e) => ({
      ...e,
      time: new Date(Date.parse(e.time) - 28 * DAY).toISOString(),
    }));
    const s = sloStatus(CI, [...spread(100, [10, 40, 70]), ...before], NOW);
    expect(s.indicator).toBeCloseTo(0.97, 10);
    expect(s.budgetLeft).toBeCloseTo(-2, 10);
    expect(s.status).toBe("breached");
    expect(s.trend).toEqual({ previous: 1, change: expect.closeTo(-0.03, 10), word: "worse" });
    expect(s.worstOffenders).toEqual([{ what: "cart › total", count: 3 }]);
  });

  it("a low-volume guard: too few events is said, never a breach", () => {
    const s = sloStatus(CI, spread(10, [0, 1, 2, 3, 4]), NOW);
    expect(s.status).toBe("too-few-events");
    expect(s.why).toBe("10 events in the window, fewer than the 20 it takes to judge");
    expect(sloStatus(CI, [], NOW).status).toBe("no-data");
  });

  it("Timeslices: a day is good only when every item in it is good", () => {
    // 28 daily slices, 2 items each; day 3 has one item over 180 days: 27/28 good.
    // allowed = 0.01 x 28 = 0.28; budget left 1 - 1/0.28 = -2.5714.
    const from = NOW.getTime() - 28 * DAY;
    const events: SloEvent[] = [];
    for (let k = 0; k < 28; k++) {
      for (const j of [0, 1]) {
        events.push({
          time: new Date(from + k * DAY + 12 * HOUR).toISOString(),
          good: !(k === 3 && j === 1),
        });
      }
    }
    const s = sloStatus(DEBT, events, NOW);
    expect([s.good, s.total]).toEqual([27, 28]);
    expect(s.budgetLeft).toBeCloseTo(1 - 1 / 0.28, 10);
    expect(s.status).toBe("breached");
  });

  it("calendar windows start at the period holding now", () => {
    const week = structuredClone(CI);
    week.spec.timeWindow = [
      { duration: "1w", isRolling: false, calendar: { startTime: "2026-11-02T00:00:00Z" } },
    ];
    expect(new Date(windowSpan(week, NOW).from).toISOString()).toBe("2026-11-23T00:00:00.000Z");
    const month = structuredClone(CI);
    month.spec.timeWindow = [
      { duration: "1M", isRolling: false, calendar: { startTime: "2026-01-15T00:00:00Z" } },
    ];
    expect(new Date(windowSpan(month, NOW).from).toISOString()).toBe("2026-11-15T00:00:00.000Z");
    expect(new Date(windowSpan(month, new Date("2026-11-10T00:00:00Z")).from).toISOString()).toBe(
      "2026-10-15T00:00:00.000Z",
    );
  });
});

describe("addBreachItem", () => {
  it("adds one Process item tagged with the SLO's id, and not again while it is open", () => {
    const status = sloStatus(CI, spread(100, [10, 40, 70]), NOW);
    const first = addBreachItem(parseDocket("(A) something else\n"), CI, status, "2026-11-29");
    expect(first.added).toMatch(
      /^2026-11-29 SLO breached: CI runs free of flaky failures at 97% \(objective 99%\); look at `ppppt health flaky`, worst: cart › total cat:process slo:ci-flaky-free id:[0-9a-z]{4}$/,
    );
    const second = addBreachItem(first.docket, CI, status, "2026-11-30");
    expect(second.added).toBeUndefined();
    expect(second.docket).toBe(first.docket);
    expect(printDocketText(first.docket).split("\n")[0]).toBe("(A) something else");
    const ok = sloStatus(CI, spread(100, []), NOW);
    expect(addBreachItem(parseDocket(""), CI, ok, "2026-11-29").added).toBeUndefined();
  });
});

describe("budgetHistory", () => {
  it("is the status each day would have shown, oldest first", () => {
    // 200 runs over 28 days, the newest bad: before it, budget untouched; with it, half left.
    const events = spread(200, [0]);
    const points = budgetHistory(CI, events, NOW, 3);
    expect(points.map((p) => p.at)).toEqual([
      "2026-11-27T00:00:00.000Z",
      "2026-11-28T00:00:00.000Z",
      "2026-11-29T00:00:00.000Z",
    ]);
    expect(points.at(-1)?.budgetLeft).toBeCloseTo(0.5, 10);
    // A day earlier the bad run (1.68 h before NOW) had not happened; 193 runs then, all good.
    expect(points[1]?.budgetLeft).toBe(1);
    expect(budgetHistory(CI, [], NOW, 2).map((p) => p.budgetLeft)).toEqual([null, null]);
  });
});

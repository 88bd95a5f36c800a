import { describe, expect, it } from "vitest";
import type { Categoriser } from "../capture.js";
import { itemLines } from "../docket/docket.js";
import { parseDocket } from "../docket/parse.js";
import { balanceByCategory, MIN_ITEMS_TO_JUDGE, mostUnderTarget } from "./balance.js";
import { periodOf } from "./period.js";
import { targetMix } from "./roles.js";
import { balanceTrend } from "./trend.js";

const TODAY = "2026-11-25";
const november = periodOf("month", TODAY, TODAY);

function lines(text: string) {
  return itemLines(parseDocket(text));
}

// Effort by hand, November 2026 up to the 25th:
//   people  30m (spent wins over est 45m)
//   tech    60m (estimate)
//   public  90m (spent)
//   process 60m (no time: the average of the three timed items, (30+60+90)/3)
//   product 0   (its item was done on Oct 31, outside the month)
// total 240m → shares 12.5 / 0 / 25 / 37.5 / 25
// manager targets 35 / 15 / 20 / 5 / 25 → drifts -22.5 / -15 / +5 / +32.5 / 0
// overall drift (22.5 + 15 + 5 + 32.5 + 0) / 2 = 37.5
const FIXTURE = [
  "x 2026-11-02 2026-11-01 1:1 with Dana cat:people spent:30m est:45m",
  "x 2026-11-10 Review the caching RFC cat:tech est:1h",
  "x 2026-11-12 Blog draft cat:public spent:1h30m",
  "x 2026-11-20 Triage the backlog cat:process",
  "x 2026-10-31 Roadmap offsite cat:product spent:5h",
  "x Undated done item cat:people spent:1h",
  "x 2026-11-21 Book the venue for the offsite",
  "Open item cat:product est:2h",
  "",
].join("\n");

describe("balanceByCategory", () => {
  it("counts spent, else estimate, else the period's average, against the target", () => {
    const b = balanceByCategory(lines(FIXTURE), november, "manager", TODAY);
    expect(b.basis).toBe("time");
    expect(b.total).toBe(240);
    const row = (c: string) => b.categories.find((r) => r.category === c);
    expect(row("people")).toMatchObject({ effort: 30, share: 12.5, target: 35, drift: -22.5 });
    expect(row("product")).toMatchObject({ effort: 0, share: 0, drift: -15, items: 0 });
    expect(row("process")).toMatchObject({ effort: 60, share: 25, drift: 5, fromAverage: 1 });
    expect(row("public")).toMatchObject({ effort: 90, share: 37.5, drift: 32.5, fromSpent: 1 });
    expect(row("tech")).toMatchObject({ effort: 60, share: 25, drift: 0, fromEstimate: 1 });
    expect(b.drift).toBeCloseTo(37.5);
    expect(b.undated).toBe(1);
    expect(b.uncategorised).toBe(1);
    expect(b.basisNote).toBe(
      "by time: 2 by time spent, 1 by estimate, 1 untimed at the period's average (1h)",
    );
  });

  it("asks the categoriser for items without a category and says so", () => {
    const categorise: Categoriser = (text) =>
      text.includes("venue")
        ? { category: "product", probability: 0.9, unsure: false, reason: "test" }
        : undefined;
    // The venue item joins product at the average (60m): total 300 → product 20%.
    const b = balanceByCategory(lines(FIXTURE), november, "manager", TODAY, categorise);
    expect(b.total).toBe(300);
    expect(b.predicted).toBe(1);
    expect(b.uncategorised).toBe(0);
    expect(b.categories.find((r) => r.category === "product")?.share).toBe(20);
  });

  it("counts items when none carries a time", () => {
    const b = balanceByCategory(
      lines(
        "x 2026-11-03 a cat:people\nx 2026-11-04 b cat:people\nx 2026-11-05 c cat:people\nx 2026-11-06 d cat:tech\n",
      ),
      november,
      "manager",
      TODAY,
    );
    expect(b.basis).toBe("count");
    expect(b.total).toBe(4);
    expect(b.categories.find((r) => r.category === "people")?.share).toBe(75);
    expect(b.basisNote).toMatch(/each counts 1/);
  });

  it("reports an empty docket as all zero shares, fully off target", () => {
    const b = balanceByCategory([], november, "director", TODAY);
    expect(b.total).toBe(0);
    expect(b.drift).toBe(50);
    expect(b.basisNote).toBe("no done items in this period");
    expect(mostUnderTarget(b)).toBeUndefined();
  });

  it("uses an overridden target mix", () => {
    const mix = targetMix("manager", { people: 15, public: 25 });
    const b = balanceByCategory(lines(FIXTURE), november, { role: "manager", mix }, TODAY);
    expect(b.categories.find((r) => r.category === "public")?.drift).toBe(12.5);
    expect(mostUnderTarget(b)).toBe("product");
  });
});

describe("balanceTrend", () => {
  it("gives twelve periods, oldest first, with the shares of each", () => {
    const trend = balanceTrend(
      lines(FIXTURE),
      "month",
      { role: "manager", mix: targetMix("manager") },
      TODAY,
    );
    expect(trend).toHaveLength(12);
    expect(trend[10]).toMatchObject({ label: "2026-10", total: 300, basis: "time" });
    expect(trend[10]?.shares.product).toBe(100);
    expect(trend[11]?.shares.public).toBe(37.5);
    expect(trend[0]?.total).toBe(0);
  });
});

describe("balance: enough to judge, and which time was measured", () => {
  it("says there is too little to judge below the minimum, not 'off by 50 points'", () => {
    const none = balanceByCategory([], november, "director", TODAY);
    expect(none.judged).toBe(false);
    expect(none.judgement).toBe(
      `Too little to judge: nothing done in 2026-11 (the balance needs at least ${MIN_ITEMS_TO_JUDGE}).`,
    );
    const one = balanceByCategory(
      lines("x 2026-11-20 Blog cat:public spent:1h\n"),
      november,
      "manager",
      TODAY,
    );
    expect(one.judged).toBe(false);
    expect(one.judgement).toMatch(/^Too little to judge: only 1 done item in 2026-11/);
  });

  it("judges from the minimum on, in the shown (rounded) points", () => {
    const five = Array.from({ length: 5 }, (_, i) => `x 2026-11-1${i} Item ${i} cat:people`).join(
      "\n",
    );
    const b = balanceByCategory(lines(five), november, "manager", TODAY);
    expect(b.judged).toBe(true);
    expect(b.driftPts).toBe(65);
    expect(b.judgement).toBe("Off target by 65 points of the period's effort.");
  });

  it("tells measured time from estimated and assumed", () => {
    const b = balanceByCategory(lines(FIXTURE), november, "manager", TODAY);
    expect(b.minutes).toEqual({ measured: 120, estimated: 60, assumed: 60 });
    expect(b.totalNote).toBe("total 4h: 2h measured, 1h estimated, 1h assumed");
    const untimed = lines(
      [
        "x 2026-11-20 Timed cat:tech spent:30m",
        ...Array.from({ length: 15 }, (_, i) => `x 2026-11-2${i % 5} Untimed ${i} cat:people`),
      ].join("\n"),
    );
    expect(balanceByCategory(untimed, november, "manager", TODAY).totalNote).toBe(
      "total 8h: 30m measured, 7h30m assumed",
    );
  });

  it("shows whole-percent shares that add to 100 and drifts that subtract", () => {
    const b = balanceByCategory(lines(FIXTURE), november, "manager", TODAY);
    expect(b.categories.map((r) => r.sharePct)).toEqual([13, 0, 25, 37, 25]);
    expect(b.categories.reduce((s, r) => s + r.sharePct, 0)).toBe(100);
    for (const r of b.categories) expect(r.driftPts).toBe(r.sharePct - r.target);
  });
});

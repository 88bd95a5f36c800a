import { describe, expect, it } from "vitest";
import type { Categoriser } from "../capture.js";
import { itemLines } from "../docket/docket.js";
import { parseDocket } from "../docket/parse.js";
import { balanceByCategory, mostUnderTarget } from "./balance.js";
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
      "by time: 2 by time spent, 1 by estimate, 1 untimed at the period's average (1h); 2h of 4h measured (50%)",
    );
    // Measured: people's 30m and public's 90m of the 240m.
    expect(b.measured).toBe(120);
    expect(b.measuredShare).toBe(50);
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

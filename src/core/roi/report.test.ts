import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { itemLines } from "../docket/docket.js";
import { parseDocket } from "../docket/parse.js";
import { median, roiReport } from "./report.js";
import { ROI_FIXTURE, ROI_TODAY } from "./roi-fixture.js";

const report = () => roiReport(itemLines(parseDocket(ROI_FIXTURE)), ROI_TODAY);
const row = (id: string) => {
  const found = report().proposals.find((p) => p.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};

describe("roiReport: scores", () => {
  it("scores RICE on remaining effort and CD3 where a cost of delay is given", () => {
    expect(row("ca01")).toMatchObject({ rice: 400, cd3: 500, value: 1600 });
    expect(row("bi02")).toMatchObject({ rice: 25, cd3: null, value: 100 });
    expect(row("me03")).toMatchObject({ rice: 10, cd3: null });
    expect(row("de04")).toMatchObject({ rice: 200, cd3: null });
    expect(row("ad05")).toMatchObject({ rice: 50, cd3: 100 });
  });

  it("ranks the open proposals by RICE, the unscored ones last without a rank", () => {
    const r = report();
    expect(r.proposals.map((p) => [p.id, p.rank])).toEqual([
      ["ca01", 1],
      ["de04", 2],
      ["ad05", 3],
      ["bi02", 4],
      ["me03", 5],
      ["ku06", null],
      ["do10", null],
    ]);
    expect(r.portfolio).toEqual({ medianRice: 50, medianEffort: 4, done: 1 });
  });

  it("ignores what is spent: the same remaining work scores the same", () => {
    const fresh = ROI_FIXTURE.replace("roi-spent:6 ", "");
    const again = roiReport(itemLines(parseDocket(fresh)), ROI_TODAY);
    expect(again.proposals.find((p) => p.id === "bi02")?.rice).toBe(25);
  });

  it("never lets what is spent move a score or a rank (a property)", () => {
    const impact = fc.constantFrom(3, 2, 1, 0.5, 0.25);
    const proposal = fc.record({
      reach: fc.integer({ min: 0, max: 10_000 }),
      impact,
      confidence: fc.integer({ min: 0, max: 100 }),
      effort: fc.integer({ min: 1, max: 100 }),
      spent: fc.integer({ min: 0, max: 100 }),
    });
    fc.assert(
      fc.property(fc.array(proposal, { minLength: 1, maxLength: 8 }), (ps) => {
        const text = (withSpent: boolean) =>
          ps
            .map(
              (p, i) =>
                `P${i} roi-reach:${p.reach} roi-impact:${p.impact} roi-confidence:${p.confidence} roi-effort:${p.effort}${withSpent ? ` roi-spent:${p.spent}` : ""} id:p${String(i).padStart(3, "0")}`,
            )
            .join("\n");
        const scores = (withSpent: boolean) =>
          roiReport(itemLines(parseDocket(text(withSpent))), ROI_TODAY).proposals.map((p) => [
            p.id,
            p.rank,
            p.rice,
          ]);
        expect(scores(true)).toEqual(scores(false));
      }),
    );
  });

  it("breaks a RICE tie by CD3, then by less effort", () => {
    const text = [
      "A roi:proposal roi-reach:10 roi-impact:1 roi-confidence:100 roi-effort:2 id:aaaa",
      "B roi:proposal roi-reach:10 roi-impact:1 roi-confidence:100 roi-effort:2 roi-cod:5 id:bbbb",
      "C roi:proposal roi-reach:5 roi-impact:1 roi-confidence:100 roi-effort:1 id:cccc",
    ].join("\n");
    const r = roiReport(itemLines(parseDocket(text)), ROI_TODAY);
    expect(r.proposals.map((p) => p.id)).toEqual(["bbbb", "cccc", "aaaa"]);
  });
});

describe("roiReport: flags", () => {
  it("flags sunk cost: spent ≥ remaining and RICE below the portfolio median", () => {
    const p = row("bi02");
    expect(p.flags).toEqual(["sunk-cost"]);
    expect(p.reasons["sunk-cost"]).toContain("6 weeks spent ≥ 4 weeks remaining");
    expect(p.reasons["sunk-cost"]).toContain("25 < portfolio median 50");
  });

  it("does not flag sunk cost when what remains scores at or above the median", () => {
    const text = ROI_FIXTURE.replace("roi-reach:200 ", "roi-reach:400 ");
    const r = roiReport(itemLines(parseDocket(text)), ROI_TODAY);
    // RICE 400 × 1 × 0.5 / 4 = 50, the median: going on is worth it on its own.
    const p = r.proposals.find((x) => x.id === "bi02");
    expect(p?.rice).toBe(50);
    expect(r.portfolio.medianRice).toBe(50);
    expect(p?.flags).toEqual([]);
  });

  it("flags over-engineering: twice the median effort for low impact, with the numbers", () => {
    const p = row("me03");
    expect(p.flags).toEqual(["over-engineering"]);
    expect(p.reasons["over-engineering"]).toBe(
      "12 weeks remaining ≥ 2 × portfolio median 4 weeks, for low impact (0.5)",
    );
  });

  it("flags over-engineering when the carrying cost eats the value, and a kill criterion due", () => {
    const p = row("ad05");
    expect(p.flags).toEqual(["over-engineering", "kill-due"]);
    expect(p.reasons["over-engineering"]).toBe(
      "carrying cost 150/week ≥ the value it brings, cost of delay 100/week",
    );
    expect(p.reasons["kill-due"]).toBe(
      'review date 2026-11-20 reached (today 2026-11-25): judge "stop if support does not use it weekly"',
    );
  });

  it("is not due before the review date, and is due on it", () => {
    const before = roiReport(itemLines(parseDocket(ROI_FIXTURE)), "2026-11-19");
    expect(before.proposals.find((p) => p.id === "ad05")?.flags).not.toContain("kill-due");
    const on = roiReport(itemLines(parseDocket(ROI_FIXTURE)), "2026-11-20");
    expect(on.proposals.find((p) => p.id === "ad05")?.flags).toContain("kill-due");
  });

  it("is due once the criterion is recorded as met, whatever the date", () => {
    const text = ROI_FIXTURE.replace(
      "roi-review:2026-11-20",
      "roi-review:2027-02-01 roi-met:2026-11-24",
    );
    const r = roiReport(itemLines(parseDocket(text)), ROI_TODAY);
    expect(r.proposals.find((p) => p.id === "ad05")?.reasons["kill-due"]).toBe(
      'kill criterion met on 2026-11-24: "stop if support does not use it weekly"',
    );
  });

  it("flags missing inputs, naming them, and a tag it cannot read", () => {
    expect(row("ku06").flags).toEqual(["missing-inputs"]);
    expect(row("ku06").reasons["missing-inputs"]).toBe("needs reach, impact, confidence");
    expect(row("do10").reasons["missing-inputs"]).toBe(
      "needs impact; impact 7 is not on the RICE scale: use 3 (massive), 2 (high), 1 (medium), 0.5 (low) or 0.25 (minimal)",
    );
  });

  it("leaves a proposal with nothing wrong unflagged", () => {
    expect(row("ca01").flags).toEqual([]);
    expect(row("ca01").reasons).toEqual({});
  });
});

describe("roiReport: sensitivity", () => {
  it("gives the rank if the effort doubles or the impact halves", () => {
    // ca01 at 200 ties de04's 200; its CD3 (250 or 500) breaks the tie: still first.
    expect(row("ca01").sensitivity).toEqual({
      effortDoubled: { rice: 200, rank: 1, stillWorthIt: true },
      impactHalved: { rice: 200, rank: 1, stillWorthIt: true },
    });
    // de04 at 100 falls behind ca01 (400) only; the rest's median is (25 + 50) / 2 = 37.5.
    expect(row("de04").sensitivity?.effortDoubled).toEqual({
      rice: 100,
      rank: 2,
      stillWorthIt: true,
    });
    // ad05 at 25 ties bi02's 25 and wins it on CD3 (50 against none): third. The rest's
    // median is (25 + 200) / 2 = 112.5, so at twice the effort it is no longer worth it.
    expect(row("ad05").sensitivity?.effortDoubled).toEqual({
      rice: 25,
      rank: 3,
      stillWorthIt: false,
    });
    expect(row("ku06").sensitivity).toBeNull();
  });
});

describe("roiReport: stopped and done", () => {
  it("keeps stopped proposals apart, with the date and the reason", () => {
    expect(report().stopped).toEqual([
      {
        id: "qu07",
        title: "Build our own queue",
        line: 8,
        stopped: "2026-11-20",
        why: "SQS does it for $5 a month",
        effort: 8,
        spent: 3,
      },
    ]);
    expect(report().proposals.some((p) => p.id === "qu07" || p.id === "ix08")).toBe(false);
  });
});

describe("median", () => {
  it("is the middle value, or the mean of the two middle ones", () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

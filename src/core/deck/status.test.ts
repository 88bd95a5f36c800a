import { describe, expect, it } from "vitest";
import type { CategoryEffort } from "../lens/balance.js";
import type { CategoryActivity } from "../lens/starving.js";
import { categoryStatus } from "./status.js";

function row(share: number, target: number): CategoryEffort {
  return {
    category: "public",
    items: 1,
    effort: share,
    share,
    target,
    drift: share - target,
    sharePct: share,
    driftPts: share - target,
    fromSpent: 0,
    fromEstimate: 0,
    fromAverage: 0,
  };
}

const active: CategoryActivity = {
  category: "public",
  lastDone: "2026-11-20",
  idleDays: 5,
  starving: false,
};

describe("categoryStatus: green within 5 points, red beyond 15 or starving, amber between", () => {
  it("is green up to 5 points off either way", () => {
    expect(categoryStatus(row(20, 20), active).status).toBe("green");
    expect(categoryStatus(row(25, 20), active).status).toBe("green");
    expect(categoryStatus(row(15, 20), active).status).toBe("green");
  });

  it("is amber past 5 and up to 15 points off", () => {
    expect(categoryStatus(row(26, 20), active).status).toBe("amber");
    expect(categoryStatus(row(35, 20), active)).toEqual({
      status: "amber",
      reason: "15 points over target",
    });
  });

  it("is red past 15 points off", () => {
    expect(categoryStatus(row(2, 20), active)).toEqual({
      status: "red",
      reason: "18 points under target",
    });
  });

  it("is red when starving, however close the share", () => {
    const starving = { ...active, starving: true, lastDone: "2026-10-01" };
    expect(categoryStatus(row(0, 3), starving)).toEqual({
      status: "red",
      reason: "starving: nothing done since 2026-10-01",
    });
  });

  it("is amber with too few done items to judge, unless starving", () => {
    expect(categoryStatus(row(20, 20), active, false)).toEqual({
      status: "amber",
      reason: "too few done items to judge",
    });
    expect(categoryStatus(row(0, 10), { ...active, starving: true }, false).status).toBe("red");
  });

  it("does not call a category with no target starving", () => {
    expect(categoryStatus(row(0, 0), { ...active, starving: true }).status).toBe("green");
  });
});

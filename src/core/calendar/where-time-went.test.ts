import { describe, expect, it } from "vitest";
import type { MeetingHours } from "./meeting-hours.js";
import { whereTheTimeWent } from "./where-time-went.js";

const mix = { people: 40, product: 20, process: 20, public: 10, tech: 10 };
const meetings: MeetingHours = {
  minutes: { people: 300, product: 0, process: 200, public: 0, tech: 0 },
  uncategorised: 50,
  total: 550,
  meetings: 9,
};

describe("whereTheTimeWent", () => {
  it("adds timed items' minutes to meetings', per category, against the mix", () => {
    const r = whereTheTimeWent(
      {
        basis: "time",
        categories: [
          { category: "tech", effort: 500 },
          { category: "people", effort: 0 },
        ],
      },
      meetings,
      mix,
    );
    expect(r.itemsIncluded).toBe(true);
    expect(r.total).toBe(1000);
    expect(r.rows.map((x) => [x.category, x.minutes, x.share, x.drift])).toEqual([
      ["people", 300, 30, -10],
      ["product", 0, 0, -20],
      ["process", 200, 20, 0],
      ["public", 0, 0, -10],
      ["tech", 500, 50, 40],
    ]);
    expect(r.drift).toBe(40);
    expect(r.uncategorisedMeetingMinutes).toBe(50);
  });

  it("never adds counted items to minutes: meetings alone, and says so", () => {
    const r = whereTheTimeWent(
      { basis: "count", categories: [{ category: "tech", effort: 3 }] },
      meetings,
      mix,
    );
    expect(r.itemsIncluded).toBe(false);
    expect(r.total).toBe(500);
    expect(r.note).toMatch(/meetings only/);
  });
});

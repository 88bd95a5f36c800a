import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../category.js";
import { fitTemperature } from "./calibration.js";
import type { Example } from "./corpus.js";
import { DEFAULT_OPTIONS, temperatureFor } from "./naive-bayes.js";

// Each category has its own words, and every text also carries shared words, so long texts
// pile up overlapping evidence the way real sentences do.
const words: Record<string, string[]> = {
  people: ["promo", "feedback", "hiring", "coaching"],
  product: ["customer", "roadmap", "pricing", "launch"],
  process: ["retro", "okr", "planning", "rota"],
  public: ["talk", "meetup", "blog", "podcast"],
  tech: ["rfc", "latency", "migration", "refactor"],
};
const shared = ["review", "plan", "team", "notes", "update", "doc"];
function corpus(sourced: boolean): Example[] {
  const rows: Example[] = [];
  CATEGORIES.forEach((category, c) => {
    for (let i = 0; i < 30; i++) {
      const own = words[category] as string[];
      const length = 1 + (i % 6);
      const text = [own[i % 4], ...shared.slice(0, length), own[(i + 1) % 4], `x${c}${i}`].join(
        " ",
      );
      rows.push(
        sourced && i % 2 === 0
          ? { category, text, source: `o${i % 7}/r:f.md` }
          : { category, text },
      );
    }
  });
  return rows;
}

describe("fitTemperature", () => {
  it("never sharpens naive Bayes, and gives a power between 0 and 1", () => {
    for (const sourced of [false, true]) {
      const c = fitTemperature(corpus(sourced), DEFAULT_OPTIONS);
      expect(c.temperature).toBeGreaterThanOrEqual(1);
      expect(c.temperaturePower).toBeGreaterThanOrEqual(0);
      expect(c.temperaturePower).toBeLessThanOrEqual(1);
    }
  });

  it("is the same on every run", () => {
    expect(fitTemperature(corpus(true), DEFAULT_OPTIONS)).toEqual(
      fitTemperature(corpus(true), DEFAULT_OPTIONS),
    );
  });
});

describe("temperatureFor", () => {
  it("is the fitted temperature for one token, growing as a power of the token count", () => {
    expect(temperatureFor(0, 2, 0.5)).toBe(2);
    expect(temperatureFor(1, 2, 0.5)).toBe(2);
    expect(temperatureFor(4, 2, 0.5)).toBe(4);
    expect(temperatureFor(9, 2, 0)).toBe(2);
  });
});

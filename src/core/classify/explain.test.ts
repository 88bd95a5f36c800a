import { describe, expect, it } from "vitest";
import { readShippedModel } from "../../store/shipped-model-file.js";
import { Classifier } from "./classifier.js";

const SHIPPED_MODEL = await readShippedModel();

describe("explain", () => {
  const classifier = Classifier.fromModel(SHIPPED_MODEL);

  it("names the words that weighed most for the chosen category, heaviest first", () => {
    const why = classifier.explain("Review the caching RFC");
    expect(why.category).toBe("tech");
    expect(why.for.map((w) => w.text)).toContain("rfc");
    const weights = why.for.map((w) => w.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(weights.every((w) => w > 0)).toBe(true);
  });

  it("lists words that spoke for the runner-up separately", () => {
    const why = classifier.explain("Blog post about the customer escalation");
    expect(why.runnerUp).not.toBe(why.category);
    for (const w of why.against) expect(w.weight).toBeGreaterThan(0);
    expect(why.probability).toBeGreaterThanOrEqual(why.runnerUpProbability);
  });

  it("explains in the user's words, not in n-grams", () => {
    const why = classifier.explain("Interviewing candidates for the SRE role");
    for (const w of [...why.for, ...why.against]) {
      expect(w.text).toMatch(/^[\p{L}\p{N}#:'-]+( [\p{L}\p{N}#:'-]+)?$/u);
    }
  });
});

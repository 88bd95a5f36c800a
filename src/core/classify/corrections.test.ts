import { describe, expect, it } from "vitest";
import { readShippedModel } from "../../store/shipped-model-file.js";
import { Classifier } from "./classifier.js";
import { type Correction, formatCorrection, parseCorrections } from "./corrections.js";

const SHIPPED_MODEL = await readShippedModel();

const fix = (category: Correction["category"], text: string): Correction => ({
  date: "2026-11-25",
  category,
  text,
});

describe("corrections as data", () => {
  it("writes one line per correction and reads it back", () => {
    const c = fix("tech", "Review the  Zephyr\trollout plan");
    expect(formatCorrection(c)).toBe("2026-11-25 tech Review the Zephyr rollout plan");
    expect(parseCorrections(`${formatCorrection(c)}\n`)).toEqual([
      { ...c, text: "Review the Zephyr rollout plan" },
    ]);
  });

  it("skips lines it cannot read rather than failing", () => {
    const text =
      "2026-11-25 tech fine\nnot a correction\n2026-13-99 tech bad date\n2026-11-25 sales nope\r\n";
    expect(parseCorrections(text).map((c) => c.text)).toEqual(["fine"]);
  });
});

describe("learning from corrections", () => {
  it("after three corrections an unseen code name moves new items to the corrected category", () => {
    const before = Classifier.fromModel(SHIPPED_MODEL);
    // "Kumquat status" was the first of these until the real-world Process rows came in: there
    // "status" is the status page and the status update of the incident process, so it is no
    // longer a word without evidence. "update" still is.
    const unseen = ["Kumquat update", "Kumquat next steps", "Kumquat: open questions"];
    // Before: the model knows nothing of Kumquat, so each is a guess, with less than even
    // odds of Product.
    for (const text of unseen) {
      const c = before.classify(text);
      expect(c.unsure, text).toBe(true);
      expect(c.probabilities.product, text).toBeLessThan(0.5);
    }

    // The corrected texts carry no Product word but the code name.
    const after = Classifier.fromModel(SHIPPED_MODEL, [
      fix("product", "Kumquat draft"),
      fix("product", "Kumquat outline"),
      fix("product", "Ask about Kumquat"),
    ]);
    for (const text of unseen) {
      const c = after.classify(text);
      expect(c.category, text).toBe("product");
      expect(c.unsure, text).toBe(false);
    }
  });

  it("a report's name learnt from corrections pulls their items to People", () => {
    const texts = ["Ximena: quarterly goals", "Ximena goals follow-up"];
    const before = Classifier.fromModel(SHIPPED_MODEL);
    const beforePeople = texts.map((t) => before.classify(t).probabilities.people);
    const after = Classifier.fromModel(SHIPPED_MODEL);
    after.learn([fix("people", "Ximena 1:1"), fix("people", "Catch up with Ximena")]);
    texts.forEach((t, i) => {
      expect(after.classify(t).probabilities.people).toBeGreaterThan(beforePeople[i] as number);
      expect(after.classify(t).category).toBe("people");
    });
  });

  it("corrections leave texts without the learnt words where they were", () => {
    const after = Classifier.fromModel(SHIPPED_MODEL, [
      fix("product", "Kumquat draft"),
      fix("product", "Kumquat outline"),
      fix("product", "Ask about Kumquat"),
    ]);
    expect(after.classify("Review the caching RFC").category).toBe("tech");
    expect(after.classify("1:1 with Dana").category).toBe("people");
    expect(after.classify("Customer escalation call with Globex").category).toBe("product");
  });
});

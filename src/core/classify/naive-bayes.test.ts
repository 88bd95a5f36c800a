import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../category.js";
import type { Example } from "./corpus.js";
import { NaiveBayes, toPrediction, trainModel } from "./naive-bayes.js";

const TINY: Example[] = [
  { category: "people", text: "1:1 with Dana about her promotion" },
  { category: "people", text: "Interview the staff engineer candidate" },
  { category: "people", text: "Feedback for Lee before the review cycle" },
  { category: "product", text: "Customer call about the export escalation" },
  { category: "product", text: "Roadmap sync with the PM" },
  { category: "product", text: "Try the competitor's onboarding" },
  { category: "process", text: "Write the on-call policy" },
  { category: "process", text: "Postmortem review for the outage" },
  { category: "process", text: "Backlog cleanup with the leads" },
  { category: "public", text: "Submit the CFP for KubeCon" },
  { category: "public", text: "Blog post about our migration" },
  { category: "public", text: "Rehearse the meetup talk" },
  { category: "tech", text: "Review the caching RFC" },
  { category: "tech", text: "Fix the flaky date test" },
  { category: "tech", text: "Database scaling limits" },
];

// Every property of the model holds for plain and for complement naive Bayes (the shipped one).
describe.each([
  ["naive Bayes", {}],
  ["complement naive Bayes", { complement: true, alpha: 1 }],
] as const)("%s", (_name, options) => {
  it("learns the categories of a small corpus", () => {
    const model = trainModel(TINY, options);
    expect(model.predict("Promotion feedback for Dana").category).toBe("people");
    expect(model.predict("Customer escalation call").category).toBe("product");
    expect(model.predict("on-call policy draft").category).toBe("process");
    expect(model.predict("talk at the meetup").category).toBe("public");
    expect(model.predict("RFC on caching").category).toBe("tech");
  });

  it("gives probabilities that sum to 1, the highest being the category's", () => {
    const p = trainModel(TINY, options).predict("Blog post draft");
    expect(p.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    expect(p.probability).toBe(Math.max(...p.probabilities));
  });

  it("is unsure of a text with no known word", () => {
    const p = trainModel(TINY, options).predict("zzz qqq");
    expect(p.probability).toBeLessThan(0.4);
  });

  it("counts a word once per text however often it occurs", () => {
    const model = trainModel(TINY, options);
    expect(model.scores("blog blog blog")).toEqual(model.scores("blog"));
  });

  it("scores the same on the fast walk as through the feature visitor", () => {
    const model = trainModel(TINY, options);
    for (const text of [...TINY.map((e) => e.text), "1:1 PAY-12 🎤 Zoë's RFCs", ""]) {
      const fast = model.scores(text);
      const reference = model.scoresByVisitor(text);
      fast.forEach((s, k) => {
        expect(s, text).toBeCloseTo(reference[k] as number, 4);
      });
    }
  });

  it("learning more texts later equals training on them from the start", () => {
    const later = trainModel(TINY.slice(0, 10), options);
    later.learn(TINY.slice(10));
    const once = trainModel(TINY, options);
    for (const text of ["Fix the RFC", "Dana promo", "meetup blog"]) {
      expect(Array.from(later.scores(text))).toEqual(Array.from(once.scores(text)));
    }
  });

  it("scores a text the same the first time and every time after, also once it learned more", () => {
    const texts = [
      "Fix the caching RFC",
      "Zephyr caching rollout",
      "Dana 1:1 Dana promo",
      "rfc rfc",
    ];
    const later = trainModel(TINY.slice(0, 12), options);
    const first = texts.map((t) => Array.from(later.scores(t)));
    expect(texts.map((t) => Array.from(later.scores(t)))).toEqual(first);
    // Learning new words and n-grams must reach texts whose tokens were already seen.
    const more = [...TINY.slice(12), { category: "tech" as const, text: "Zephyr caching rollout" }];
    later.learn(more);
    const once = trainModel([...TINY, more[more.length - 1] as Example], options);
    for (const t of texts) {
      expect(Array.from(later.scores(t)), t).toEqual(Array.from(once.scores(t)));
      expect(Array.from(later.scores(t)), t).toEqual(Array.from(later.scoresByVisitor(t)));
    }
  });

  it("a temperature above 1 softens the probabilities without changing the answer", () => {
    const model = trainModel(TINY, options);
    const scores = model.scores("Review the caching RFC");
    const sharp = toPrediction(scores, 1);
    const soft = toPrediction(scores, 3);
    expect(soft.category).toBe(sharp.category);
    expect(soft.probability).toBeLessThan(sharp.probability);
  });

  it("an empty model answers without throwing", () => {
    expect(new NaiveBayes(options).predict("anything").probability).toBeCloseTo(0.2, 5);
  });
});

describe("complement naive Bayes", () => {
  const complement = { complement: true, alpha: 1 };

  it("scores a word by how unlikely it is in the other categories", () => {
    const model = trainModel(TINY, complement);
    const blog = [...model.features()].find((f) => f.kind === "w" && f.key === "blog");
    let index = -1;
    model.visitKnown("blog", (i, _weight, _source, kind) => {
      if (kind === "w") index = i;
    });
    if (blog === undefined || index < 0) throw new Error("no feature for blog");
    const all = blog.counts.reduce((a, b) => a + b, 0);
    const totals = Array.from(model.totals);
    const allTotals = totals.reduce((a, b) => a + b, 0);
    model.featureScores(index).forEach((s, k) => {
      const elsewhere = all - (blog.counts[k] as number);
      const denominator = allTotals - (totals[k] as number) + model.featureCount;
      expect(s).toBeCloseTo(-(Math.log(elsewhere + 1) - Math.log(denominator)), 4);
    });
    // Seen in a public row only, the word counts for public above every other category.
    const scores = Array.from(model.scores("blog"));
    expect(scores.indexOf(Math.max(...scores))).toBe(CATEGORIES.indexOf("public"));
  });

  it("a text learnt with weight is then classified as taught", () => {
    const model = trainModel(TINY, complement);
    const text = "Kumquat notes";
    model.learn([{ category: "process", text }], 10);
    expect(model.predict(text).category).toBe("process");
  });
});

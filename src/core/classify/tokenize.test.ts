import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tokenize } from "./tokenize.js";

describe("tokenize: leaders' shorthand", () => {
  it("reads every spelling of a one-on-one as one token", () => {
    for (const text of ["1:1 Dana", "1-1 Dana", "1on1 Dana", "1:1s with Dana", "1/1 Dana"]) {
      expect(tokenize(text)[0], text).toBe("1:1");
    }
  });

  it('reads "w/" as "with"', () => {
    expect(tokenize("sync w/ Priya")).toEqual(["sync", "with", "priya"]);
  });

  it("reads common shorthand as the word it stands for", () => {
    expect(tokenize("mtg w/ mgr re hc")).toEqual(["meeting", "with", "manager", "headcount"]);
    expect(tokenize("conf prez tmrw")).toEqual(["conference", "presentation", "tomorrow"]);
    expect(tokenize("Sprint retro")).toEqual(tokenize("Sprint retrospective"));
  });

  it('reads "open source", "open-source", "OSS" as one idea, and "open" alone as a word', () => {
    for (const text of ["open source release", "Open-source release", "OSS release"]) {
      expect(tokenize(text), text).toEqual(["open-source", "release"]);
    }
    expect(tokenize("open questions")).toEqual(["open", "questions"]);
  });

  it("drops words that say nothing about the work", () => {
    expect(tokenize("We should also make sure that this will be done")).toEqual([
      "make",
      "sure",
      "done",
    ]);
  });

  it("keeps priorities like P1 and P0 as words", () => {
    expect(tokenize("P1 outage, P0 bug")).toEqual(["p1", "outage", "p0", "bug"]);
  });

  it("folds case, so RFC, Rfc and rfc are one word", () => {
    expect(tokenize("RFC Rfc rfc")).toEqual(["rfc", "rfc", "rfc"]);
    expect(tokenize("KubeCon")).toEqual(["kubecon"]);
  });

  it("drops the plural s of acronyms: OKRs, PRs, SLOs", () => {
    expect(tokenize("OKRs PRs SLOs")).toEqual(["okr", "pr", "slo"]);
    expect(tokenize("Bus")).toEqual(["bus"]);
  });

  it("keeps a ticket key's project and marks it as a ticket", () => {
    expect(tokenize("PAY-311 refund retries")).toEqual(["pay", "#ticket", "refund", "retries"]);
    expect(tokenize("infra-2 and SEC-45")).toEqual(["infra", "#ticket", "sec", "#ticket"]);
  });

  it("keeps emoji as tokens of their own, with their modifiers", () => {
    expect(tokenize("talk 🎤 bug🐛")).toEqual(["talk", "🎤", "bug", "🐛"]);
    expect(tokenize("👋🏽 welcome")).toEqual(["👋", "welcome"]);
    expect(tokenize("🗓️ planning")).toEqual(["🗓", "planning"]);
  });

  it("keeps names with apostrophes and hyphens whole, and drops possessives", () => {
    expect(tokenize("O'Brien and Jean-Luc")).toEqual(["o'brien", "jean-luc"]);
    expect(tokenize("Dana's promo, Lee’s review")).toEqual(["dana", "promo", "lee", "review"]);
  });

  it("keeps accented and non-Latin names", () => {
    expect(tokenize("Zoë and Łukasz met 田中")).toEqual(["zoë", "łukasz", "met", "田中"]);
  });

  it("drops todo.txt tags and URLs, keeps +project and @context names", () => {
    expect(tokenize("Review cat:people due:2026-11-27 +hiring @office https://x.io/a")).toEqual([
      "review",
      "hiring",
      "office",
    ]);
  });

  it("turns dates, times and numbers into markers", () => {
    expect(tokenize("2026-11-27 11/27 3pm 10:30 9.30am 42 items")).toEqual([
      "#date",
      "#date",
      "#time",
      "#time",
      "#time",
      "#num",
      "items",
    ]);
  });

  it("drops filler words and punctuation", () => {
    expect(tokenize("Write the blog post, about our launch!")).toEqual([
      "write",
      "blog",
      "post",
      "launch",
    ]);
  });

  it("gives nothing for an empty or blank text", () => {
    expect(tokenize("")).toEqual([]);
    expect(tokenize("  \t ")).toEqual([]);
  });
});

describe("tokenize: any input", () => {
  it("never throws, is deterministic, and yields non-empty lower-case tokens without spaces", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (text) => {
        const once = tokenize(text);
        expect(tokenize(text)).toEqual(once);
        for (const token of once) {
          expect(token.length).toBeGreaterThan(0);
          expect(/\s/.test(token)).toBe(false);
          expect(token).toBe(token.toLowerCase());
        }
      }),
      { numRuns: 500 },
    );
  });

  it("folds pictographs that have a lower-case form", () => {
    expect(tokenize("Ⓜ")).toEqual(["ⓜ"]);
  });

  it("survives lone surrogates and control characters", () => {
    expect(() => tokenize("\ud83d a\udc00b \u0000 \u200d\ufe0f")).not.toThrow();
    fc.assert(
      // Any UTF-16 code units, lone surrogates included.
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 })
          .map((units) => String.fromCharCode(...units)),
        (text) => {
          expect(tokenize(text)).toEqual(tokenize(text));
        },
      ),
      { numRuns: 300 },
    );
  });
});

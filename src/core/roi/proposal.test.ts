import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { itemLines } from "../docket/docket.js";
import { parseDocket } from "../docket/parse.js";
import {
  decodeTagText,
  encodeTagText,
  numberProblem,
  readNumber,
  readProposal,
} from "./proposal.js";

const lineOf = (text: string) => {
  const line = itemLines(parseDocket(text))[0];
  if (!line) throw new Error("no item");
  return line;
};

describe("tag text", () => {
  it("writes spaces as _ and reads them back", () => {
    expect(encodeTagText("stop if p95 is not under 200 ms")).toBe(
      "stop_if_p95_is_not_under_200_ms",
    );
    expect(decodeTagText("stop_if_p95_is_not_under_200_ms")).toBe(
      "stop if p95 is not under 200 ms",
    );
    expect(encodeTagText("snake_case 100%")).toBe("snake%5Fcase_100%25");
    expect(encodeTagText("/etc is full")).toBe("%2Fetc_is_full");
  });

  it("round-trips any one-line text with single spaces, and stays one tag", () => {
    const word = fc.string({ minLength: 1, maxLength: 12 }).filter((w) => !/\s/.test(w));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        const text = words.join(" ");
        const encoded = encodeTagText(text);
        expect(decodeTagText(encoded)).toBe(text);
        const line = lineOf(`Proposal roi:proposal roi-kill:${encoded}`);
        expect(readProposal(line)?.inputs.kill).toBe(text);
      }),
    );
  });
});

describe("numbers", () => {
  it("reads plain decimal numbers only", () => {
    expect(readNumber("4")).toBe(4);
    expect(readNumber("0.25")).toBe(0.25);
    expect(readNumber(".5")).toBe(0.5);
    expect(readNumber("-3")).toBe(-3);
    for (const bad of ["", "4w", "1e3", "abc", "0x10", "Infinity"])
      expect(readNumber(bad)).toBeUndefined();
  });

  it("never throws on any text, and reads back what it accepts", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const n = readNumber(s);
        if (n !== undefined) expect(Number.isFinite(n)).toBe(true);
      }),
    );
  });

  it("names the bad value and the rule", () => {
    expect(numberProblem("effort", -3)).toBe("remaining effort -3 is negative");
    expect(numberProblem("confidence", 120)).toBe(
      "confidence 120 is over 100: give a percentage from 0 to 100",
    );
    expect(numberProblem("impact", 4)).toContain("impact 4 is not on the RICE scale");
    expect(numberProblem("effort", 0)).toContain("remaining effort 0");
    expect(numberProblem("impact", 0.25)).toBeUndefined();
    expect(numberProblem("spent", 0)).toBeUndefined();
  });
});

describe("readProposal", () => {
  it("reads every input from its tag", () => {
    const p = readProposal(
      lineOf(
        "2026-11-01 Cache it cat:tech roi:proposal roi-reach:1000 roi-impact:2 roi-confidence:80 roi-effort:4 roi-spent:1.5 roi-cod:2000 roi-carry:10 roi-kill:stop_if_hit_rate_under_50%25 roi-review:2027-02-01 id:ca01",
      ),
    );
    expect(p).toEqual({
      id: "ca01",
      title: "Cache it",
      line: 1,
      status: "open",
      inputs: {
        reach: 1000,
        impact: 2,
        confidence: 80,
        effort: 4,
        spent: 1.5,
        cod: 2000,
        carry: 10,
        kill: "stop if hit rate under 50%",
        review: "2027-02-01",
      },
      problems: [],
      stopped: undefined,
    });
  });

  it("is undefined for an item without ROI tags", () => {
    expect(readProposal(lineOf("Fix a bug cat:tech est:1h"))).toBeUndefined();
  });

  it("reports tags it cannot read instead of guessing", () => {
    const p = readProposal(
      lineOf("X roi:proposal roi-effort:lots roi-review:soon roi-confidence:150"),
    );
    expect(p?.inputs).toEqual({});
    expect(p?.problems).toEqual([
      "confidence 150 is over 100: give a percentage from 0 to 100",
      "roi-effort:lots is not a number",
      "roi-review:soon is not a date (YYYY-MM-DD)",
    ]);
  });

  it("tells stopped from done", () => {
    expect(
      readProposal(lineOf("x 2026-11-20 Q roi:proposal roi-stopped:2026-11-20 roi-why:no_need")),
    ).toMatchObject({
      status: "stopped",
      stopped: { date: "2026-11-20", why: "no need" },
    });
    expect(readProposal(lineOf("x 2026-11-20 Q roi:proposal"))?.status).toBe("done");
  });
});

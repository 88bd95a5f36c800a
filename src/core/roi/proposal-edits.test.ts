import { describe, expect, it } from "vitest";
import { itemLines } from "../docket/docket.js";
import { parseDocket } from "../docket/parse.js";
import { printDocketText } from "../docket/print.js";
import { PpppptError } from "../errors.js";
import {
  addProposal,
  inputProblems,
  removeProposal,
  setProposalInputs,
  stopProposal,
} from "./proposal-edits.js";

const TODAY = "2026-11-25";
const base = parseDocket("# kept\n2026-11-01 Fix a bug cat:tech id:bu01\n");

describe("addProposal", () => {
  it("adds a dated Tech item with the inputs as tags", () => {
    const r = addProposal(
      base,
      "Cache the search results",
      {
        reach: 1000,
        impact: 2,
        confidence: 80,
        effort: 4,
        kill: "stop if hit rate < 50%",
        review: "2027-02-01",
      },
      TODAY,
    );
    expect(r.line.text).toBe(
      `2026-11-25 Cache the search results roi:proposal roi-reach:1000 roi-impact:2 roi-confidence:80 roi-effort:4 roi-kill:stop_if_hit_rate_<_50%25 roi-review:2027-02-01 cat:tech id:${r.line.id}`,
    );
    expect(r.proposal.inputs.kill).toBe("stop if hit rate < 50%");
    expect(
      printDocketText(r.docket).startsWith("# kept\n2026-11-01 Fix a bug cat:tech id:bu01\n"),
    ).toBe(true);
  });

  it("keeps a category the title names", () => {
    const r = addProposal(base, "Self-serve export cat:product", { effort: 2 }, TODAY);
    expect(r.line.item.category).toBe("product");
  });

  it("refuses bad values with one message naming each", () => {
    expect(() => addProposal(base, "X", { effort: -1 }, TODAY)).toThrow(
      "remaining effort -1 is negative",
    );
    expect(() => addProposal(base, "X", { confidence: 101 }, TODAY)).toThrow(
      "confidence 101 is over 100",
    );
    expect(() => addProposal(base, "X", { impact: 4 as 3 }, TODAY)).toThrow(
      "not on the RICE scale",
    );
    expect(() => addProposal(base, "X", { kill: "p95 < 200ms" }, TODAY)).toThrow(
      "needs a review date",
    );
    expect(() => addProposal(base, " ", {}, TODAY)).toThrow("needs a title");
    expect(inputProblems({ effort: -1, confidence: 200 })).toHaveLength(2);
  });
});

describe("setProposalInputs", () => {
  const docket = parseDocket(
    "2026-11-01 Cache it roi:proposal roi-reach:10 roi-impact:1 roi-confidence:50 roi-effort:4 roi-cod:100 cat:tech id:ca01\n",
  );

  it("changes inputs in place and removes the ones unset", () => {
    const r = setProposalInputs(docket, "ca01", { effort: 2, spent: 3 }, ["cod"]);
    expect(r.line.text).toBe(
      "2026-11-01 Cache it roi:proposal roi-reach:10 roi-impact:1 roi-confidence:50 roi-effort:2 cat:tech id:ca01 roi-spent:3",
    );
  });

  it("turns an existing item into a proposal", () => {
    const r = setProposalInputs(base, "bu01", { effort: 1 });
    expect(r.line.text).toBe("2026-11-01 Fix a bug cat:tech id:bu01 roi:proposal roi-effort:1");
  });

  it("refuses an unknown id and a bad value, and refuses a kill criterion without a review date", () => {
    expect(() => setProposalInputs(docket, "zzzz", { effort: 1 })).toThrow(
      'no item has the id "zzzz"',
    );
    expect(() => setProposalInputs(docket, "ca01", { confidence: 101 })).toThrow(PpppptError);
    expect(() => setProposalInputs(docket, "ca01", { kill: "no users" })).toThrow(
      "needs a review date",
    );
    expect(() => setProposalInputs(docket, "ca01", { effort: 2 }, ["effort"])).toThrow(
      "effort: give a value or --unset it, not both",
    );
  });
});

describe("stopProposal and removeProposal", () => {
  const docket = parseDocket(
    "(B) 2026-11-01 Own queue roi:proposal roi-effort:8 cat:tech id:qu01\nFix cat:tech id:bu02\n",
  );

  it("marks it done today with the date and the reason, and keeps it", () => {
    const r = stopProposal(docket, "qu01", "SQS does it", TODAY);
    expect(r.line.text).toBe(
      "x 2026-11-25 2026-11-01 Own queue roi:proposal roi-effort:8 cat:tech id:qu01 roi-stopped:2026-11-25 roi-why:SQS_does_it pri:B",
    );
    expect(r.proposal).toMatchObject({
      status: "stopped",
      stopped: { date: TODAY, why: "SQS does it" },
    });
    expect(() => stopProposal(r.docket, "qu01", "again", TODAY)).toThrow(
      "already stopped on 2026-11-25",
    );
    expect(() => setProposalInputs(r.docket, "qu01", { effort: 1 })).toThrow("was stopped");
  });

  it("needs a reason and a proposal", () => {
    expect(() => stopProposal(docket, "qu01", " ", TODAY)).toThrow("--why");
    expect(() => stopProposal(docket, "bu02", "x", TODAY)).toThrow("item bu02 is not a proposal");
  });

  it("removes a proposal, and only a proposal", () => {
    const r = removeProposal(docket, "qu01");
    expect(itemLines(r.docket).map((l) => l.id)).toEqual(["bu02"]);
    expect(() => removeProposal(docket, "bu02")).toThrow("not a proposal");
  });
});

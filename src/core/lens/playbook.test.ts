import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../category.js";
import { parseItem } from "../docket/parse.js";
import { PpppptError } from "../errors.js";
import { practiceItemTexts } from "./plan.js";
import { parsePlaybook, promptProblem } from "./playbook.js";
import { mergePlaybooks, practicesFor } from "./practice.js";
import { ROLES } from "./roles.js";

const DIR = join(import.meta.dirname, "..", "..", "..", "playbook");
const files = readdirSync(DIR).filter((f) => f.endsWith(".yaml"));
const shipped = mergePlaybooks(
  ...files.map((f) => parsePlaybook(readFileSync(join(DIR, f), "utf8"), join(DIR, f))),
);

describe("the shipped playbook", () => {
  it("passes the schema, file by file", () => {
    expect(files.length).toBe(5);
    expect(shipped.length).toBeGreaterThanOrEqual(40);
  });

  it.each(CATEGORIES)("has at least 8 practices for %s", (category) => {
    expect(practicesFor(shipped, { category }).length).toBeGreaterThanOrEqual(8);
  });

  it.each(ROLES)("gives the %s role at least 5 practices in every category", (role) => {
    for (const category of CATEGORIES) {
      expect(practicesFor(shipped, { category, role }).length).toBeGreaterThanOrEqual(5);
    }
  });

  it("uses unique ids across files, each prefixed with its category", () => {
    const all = files.flatMap((f) =>
      parsePlaybook(readFileSync(join(DIR, f), "utf8"), f).map((p) => p.id),
    );
    expect(new Set(all).size).toBe(all.length);
    for (const p of shipped) expect(p.id.startsWith(`${p.category}-`)).toBe(true);
  });

  it("phrases every prompt so that yes means the practice is in place", () => {
    for (const p of shipped) expect(promptProblem(p.prompt), p.id).toBeUndefined();
  });

  it("turns every practice into valid docket items", () => {
    for (const p of shipped) {
      for (const text of practiceItemTexts(p, "2026-11-25")) {
        const item = parseItem(text);
        expect(typeof item, text).toBe("object");
      }
    }
  });
});

describe("the prompt wording rule", () => {
  it.each([
    "Is there a hard conversation you have been putting off for more than two weeks?",
    "Is there a rule everyone in your team follows that a new hire could only learn by breaking it?",
    "Are there reviews you keep postponing?",
    "Do you avoid saying no to your VP?",
    "Has nobody looked at the flaky tests this month?",
  ])("refuses a question whose yes is the bad state: %s", (prompt) => {
    expect(promptProblem(prompt)).toMatch(/"yes" must mean the practice is in place/);
  });

  it("refuses a prompt that is not a question", () => {
    expect(promptProblem("Write the ladder.")).toMatch(/end it with \?/);
  });

  it("names the file and line of an inverted prompt in a user's playbook", () => {
    const text = [
      "practices:",
      "  - id: people-mine",
      "    category: people",
      "    roles: all",
      "    title: Something",
      "    prompt: Is there a hard talk you are putting off?",
      "    why: Because it matters a lot.",
      "    items:",
      "      - text: Do the thing",
    ].join("\n");
    let error: unknown;
    try {
      parsePlaybook(text, "team.yaml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PpppptError);
    expect((error as PpppptError).describe()).toMatch(/^team\.yaml:6: .*"putting off"/);
  });
});

describe("parsePlaybook", () => {
  it("names the file, the line and the key of a bad value", () => {
    const text = [
      "practices:",
      "  - id: my-practice",
      "    category: people",
      "    roles: [manager, cto]",
      "    title: Something",
      "    prompt: Do you do the thing often enough?",
      "    why: Because it matters a great deal.",
      "    items:",
      "      - text: Do the thing",
      "",
    ].join("\n");
    try {
      parsePlaybook(text, "mine.yaml");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PpppptError);
      const e = error as PpppptError;
      expect(e.file).toBe("mine.yaml");
      expect(e.line).toBe(4);
      expect(e.message).toMatch(/^practices\[0\]\.roles/);
    }
  });

  it("rejects a bad estimate and an unknown key", () => {
    const base = (extra: string) =>
      `practices:\n  - id: p\n    category: tech\n    roles: all\n    title: Title\n    prompt: A question long enough?\n    why: A reason long enough.\n    items:\n      - text: Do it\n${extra}`;
    expect(() => parsePlaybook(base("        est: soon\n"), "f.yaml")).toThrow(/not a duration/);
    expect(() => parsePlaybook(base("    colour: red\n"), "f.yaml")).toThrow(/colour: unknown key/);
    expect(parsePlaybook(base(""), "f.yaml")[0]?.roles).toEqual([...ROLES]);
  });

  it("lets a later playbook replace a practice by id", () => {
    const mine = { ...(shipped[0] as (typeof shipped)[number]), title: "Mine", source: "mine" };
    const merged = mergePlaybooks(shipped, [mine]);
    expect(merged.length).toBe(shipped.length);
    expect(merged.find((p) => p.id === mine.id)?.title).toBe("Mine");
  });
});

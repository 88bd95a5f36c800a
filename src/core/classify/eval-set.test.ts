import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATEGORIES } from "../category.js";
import { PpppptError } from "../errors.js";
import { parseAnnotatorLabels } from "./annotator-agreement.js";
import {
  EVAL_SET_HEADER,
  findOverlaps,
  normaliseForOverlap,
  parseEvalSet,
  repositoryOf,
} from "./eval-set.js";

const row = (...fields: string[]) => fields.join("\t");

describe("parseEvalSet", () => {
  it("reads text, category, ambiguity and source after the header", () => {
    const source = [
      EVAL_SET_HEADER,
      row("Open the CFP", "public", "0", "a/b:c.md"),
      row("Send take home", "people", "1", "https://example.org/x"),
      "",
    ].join("\n");
    expect(parseEvalSet(source)).toEqual([
      { text: "Open the CFP", category: "public", ambiguous: false, source: "a/b:c.md" },
      {
        text: "Send take home",
        category: "people",
        ambiguous: true,
        source: "https://example.org/x",
      },
    ]);
  });

  it.each([
    ["a missing header", row("x", "tech", "0", "s"), 1],
    ["an unknown category", row("x", "sales", "0", "s"), 2],
    ["an ambiguity that is not 0 or 1", row("x", "tech", "yes", "s"), 2],
    ["a missing source", row("x", "tech", "0", ""), 2],
    ["a fifth field", row("x", "tech", "0", "s", "extra"), 2],
    ["an empty text", row(" ", "tech", "0", "s"), 2],
  ])("names the file and line of %s", (_, bad, line) => {
    const source = line === 1 ? bad : `${EVAL_SET_HEADER}\n${bad}\n`;
    try {
      parseEvalSet(source, "data/eval/realworld.tsv");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PpppptError);
      expect((error as PpppptError).describe()).toMatch(
        new RegExp(`^data/eval/realworld.tsv:${line}: `),
      );
    }
  });

  it("reads back any well-formed rows it is given, and never throws anything but its own error", () => {
    const field = fc.string({ minLength: 1 }).filter((s) => !/[\t\r\n]/.test(s) && s.trim() !== "");
    const item = fc.record({
      text: field,
      category: fc.constantFrom(...CATEGORIES),
      ambiguous: fc.boolean(),
      source: field,
    });
    fc.assert(
      fc.property(fc.array(item), (items) => {
        const source = [
          EVAL_SET_HEADER,
          ...items.map((i) => row(i.text, i.category, i.ambiguous ? "1" : "0", i.source)),
        ].join("\n");
        expect(parseEvalSet(source)).toEqual(items);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (junk) => {
        try {
          parseEvalSet(`${EVAL_SET_HEADER}\n${junk}`);
        } catch (error) {
          expect(error).toBeInstanceOf(PpppptError);
        }
      }),
    );
  });
});

describe("findOverlaps", () => {
  it("finds an evaluation text repeated with other case, punctuation or markup", () => {
    expect(normaliseForOverlap("**Open** the CFP!")).toBe("open the cfp");
    expect(findOverlaps(["Open the CFP", "Close the CFP"], ["open the cfp.", "Other"])).toEqual([
      "Open the CFP",
    ]);
  });

  it("finds a long evaluation text copied inside a longer training line, not a short one", () => {
    const long = "Schedule press and analyst pre-briefings and interviews for the release lead";
    expect(
      findOverlaps(
        [long, "Open the CFP"],
        [`Friday: ${long} with CNCF`, "Open the CFP for KubeCon"],
      ),
    ).toEqual([long]);
  });

  it("does not match a word inside a longer word", () => {
    const long = "review the on call rota and the escalation policy for the team";
    expect(findOverlaps([long], [`pre${long}s`])).toEqual([]);
  });
});

const root = fileURLToPath(new URL("../../../", import.meta.url));
const evalFile = join(root, "data/eval/realworld.tsv");
const items = parseEvalSet(readFileSync(evalFile, "utf8"), "data/eval/realworld.tsv");

describe("the real-world evaluation set", () => {
  it("has at least 500 rows, at least 90 in each of the five categories", () => {
    expect(items.length).toBeGreaterThanOrEqual(500);
    for (const c of CATEGORIES) {
      expect(items.filter((i) => i.category === c).length, c).toBeGreaterThanOrEqual(90);
    }
  });

  it("has no text twice", () => {
    const seen = new Set<string>();
    const twice = items.filter((i) => {
      const key = normaliseForOverlap(i.text);
      if (seen.has(key)) return true;
      seen.add(key);
      return false;
    });
    expect(twice).toEqual([]);
  });

  it("lists every source it takes items from in data/eval/SOURCES.md", () => {
    const listed = readFileSync(join(root, "data/eval/SOURCES.md"), "utf8");
    const missing = [...new Set(items.map((i) => i.source))].filter(
      (s) => !listed.includes(`\`${s}\``),
    );
    expect(missing).toEqual([]);
  });

  it.each([["second-annotator.tsv"], ["first-annotator.tsv"]])(
    "has %s label exactly its texts, in its order",
    (name) => {
      // The agreement figures in npm run eval compare labels row by row; a text added to, dropped
      // from or reworded in the set without the annotators' files would pair the wrong items.
      const file = `data/eval/${name}`;
      const labelled = parseAnnotatorLabels(readFileSync(join(root, file), "utf8"), file);
      expect(labelled.map((r) => r.text)).toEqual(items.map((i) => i.text));
    },
  );

  it("shares no text with data/corpus.tsv or any other training file under data/", () => {
    // Every file under data/ is, or may become, training data, but the evaluation set itself and
    // the trained model, whose strings are features ("public speaking" is a word pair), not texts.
    const files = walk(join(root, "data")).filter(
      (f) => !f.startsWith(join(root, "data/eval")) && f !== join(root, "data/model.bin"),
    );
    expect(files.map((f) => relative(root, f))).toContain("data/corpus.tsv");
    const texts = items.map((i) => i.text);
    const overlaps = files.flatMap((file) =>
      findOverlaps(texts, candidateTexts(readFileSync(file, "utf8"))).map(
        (t) => `${relative(root, file)}: ${t}`,
      ),
    );
    expect(overlaps).toEqual([]);
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The items a training file could hold: its lines, their tab-separated fields, JSON strings. */
function* candidateTexts(content: string): Generator<string> {
  for (const line of content.split(/\r?\n/)) {
    yield line;
    if (line.includes("\t")) yield* line.split("\t");
  }
  for (const m of content.matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) yield m[1] as string;
}

describe("repositoryOf", () => {
  it("reads the repository of a file source and of a GitHub URL, and the site of another page", () => {
    expect(repositoryOf("dfds/postmortems:PM2021-011 - Log4Shell.md")).toBe("dfds/postmortems");
    expect(repositoryOf("https://github.com/PostHog/posthog.com/pull/1946")).toBe(
      "posthog/posthog.com",
    );
    expect(repositoryOf("https://jimherold.com/computer-science/what-is-my-manager-doing")).toBe(
      "jimherold.com",
    );
  });
});

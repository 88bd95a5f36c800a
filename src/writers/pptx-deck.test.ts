import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDeck } from "../core/deck/deck-report.js";
import { DEFAULT_THEME } from "../core/deck/theme.js";
import { parseDocket, readOnlyItemLines } from "../core/docket/parse.js";
import { lastDaysPeriod, sincePeriod } from "../core/lens/period.js";
import { lensSettings } from "../core/lens/settings.js";
import { pptxOfStory } from "./pptx-deck.js";
import { xmlSafeText } from "./xml-text.js";

const TODAY = "2026-11-25";

/**
 * Python's zipfile and expat, a reader that shares no code with pptxgenjs or JSZip: every XML
 * part of the file must be well-formed, or PowerPoint and LibreOffice refuse it.
 */
const CHECK = `
import sys, zipfile, xml.parsers.expat
z = zipfile.ZipFile(sys.argv[1])
bad = []
for n in z.namelist():
    if n.endswith(".xml") or n.endswith(".rels"):
        try:
            xml.parsers.expat.ParserCreate().Parse(z.read(n), True)
        except Exception as e:
            bad.append(n + ": " + str(e))
print("\\n".join(bad))
`;

async function malformedParts(docket: string, period = lastDaysPeriod(7, TODAY)): Promise<string> {
  const story = buildDeck({
    lines: readOnlyItemLines(parseDocket(docket)),
    settings: lensSettings({ role: "director" }),
    today: TODAY,
    period,
    practices: [],
  });
  const file = join(mkdtempSync(join(tmpdir(), "ppppt-pptx-")), "deck.pptx");
  writeFileSync(file, await pptxOfStory(story, DEFAULT_THEME));
  return execFileSync("python3", ["-c", CHECK, file], { encoding: "utf8" }).trim();
}

describe("pptxOfStory", () => {
  it("writes well-formed XML whatever the item text: control characters, markup, quotes", async () => {
    const docket = [
      "x 2026-11-24 Fix the \u0001bell and \u001b[31mred\u001b[0m & <b>\"quotes\"</b> 'too' cat:tech spent:1h",
      "x 2026-11-23 Emoji 🚀 and a lone \ud800 surrogate, \ufffe cat:people spent:30m",
      "2026-11-01 Ask for ]]> and \u0085 cat:process ask:1",
      "",
    ].join("\n");
    expect(await malformedParts(docket)).toBe("");
  });

  const fixtures = join(import.meta.dirname, "..", "..", "..", "shared", "fixtures", "todotxt");
  it.skipIf(!existsSync(fixtures))(
    "writes a well-formed deck from every real-world todo.txt fixture",
    async () => {
      const files = readdirSync(fixtures).filter((f) => f.endsWith(".txt"));
      expect(files.length).toBeGreaterThan(3);
      for (const f of files) {
        // Since 2000: the fixtures' done dates are years old.
        const bad = await malformedParts(
          readFileSync(join(fixtures, f), "utf8"),
          sincePeriod("2000-01-01", TODAY),
        );
        expect(bad, f).toBe("");
      }
    },
    120_000,
  );
});

describe("xmlSafeText", () => {
  it("shows control characters as visible escapes and keeps tab and newline", () => {
    expect(xmlSafeText("a\u0001b\u001bc\td\ne\u007f")).toBe("a\\x01b\\x1bc\td\ne\\u007f");
    expect(xmlSafeText("x\ud800y\uffffz 🚀")).toBe("x\ufffdy\ufffdz 🚀");
  });
});

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDemoDocket } from "../../core/demo/demo-docket.js";
import { runPpppt, tempDocket } from "../fake-io.js";

/**
 * The deck read back by independent readers, not by pptxgenjs: Info-ZIP's unzip for the parts,
 * regular expressions over the slide, chart and notes XML, and LibreOffice Impress for a PDF.
 */
const TODAY = "2026-11-25";

const EXTRA = [
  "x 2026-11-24 Confidential: the reorg plan with Mei cat:people spent:3h private:1",
  "2026-11-10 Approve the second SRE hire cat:process ask:1 due:2026-11-28",
  "2026-11-10 Budget for my coaching cat:people ask:1 private:1",
  "x 2026-11-23 Promo case review for Luis with:luis cat:people spent:1h",
  "",
].join("\n");

function setup(config = "role: director\npeople:\n  - Mei Tanaka\n") {
  const t = tempDocket(buildDemoDocket({ today: TODAY, seed: 1 }) + EXTRA, config);
  return { dir: t.dir, env: { ...t.env, PPPPT_TODAY: TODAY } };
}

const unzipList = (file: string) =>
  execFileSync("unzip", ["-Z1", file], { encoding: "utf8" }).split("\n").filter(Boolean);
const unzipPart = (file: string, part: string) =>
  // unzip reads a name as a pattern: the brackets of [Content_Types].xml are escaped.
  execFileSync("unzip", ["-p", file, part.replace(/[[\]*?]/g, "\\$&")], {
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
const texts = (xml: string) =>
  [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decodeXml(m[1] as string));
const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
const slideNumber = (part: string) => Number(/(\d+)\.xml$/.exec(part)?.[1]);

function slideParts(file: string): string[] {
  return unzipList(file)
    .filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p))
    .sort((a, b) => slideNumber(a) - slideNumber(b));
}

/** Every XML part of the file, as one text: what a privacy check must search. */
function everyXml(file: string): string {
  return unzipList(file)
    .filter((p) => p.endsWith(".xml") || p.endsWith(".rels"))
    .map((p) => decodeXml(unzipPart(file, p)))
    .join("\n");
}

async function writeDeck(args: string[], config?: string) {
  const { dir, env } = setup(config);
  const out = join(dir, "status.pptx");
  const r = await runPpppt(["deck", ...args, "--out", out], env);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return { out, env, dir, stdout: r.stdout };
}

// Each test writes whole decks and spawns unzip: on a loaded machine (the full suite beside other
// sessions' on two cores) one took over the default minute.
describe("ppppt deck: the .pptx as other readers see it", { timeout: 300_000 }, () => {
  it("writes the story's slides in order, each with a title", async () => {
    const { out, stdout } = await writeDeck(["--since", "2026-11-01"]);
    expect(stdout).toMatch(/^Wrote .*status\.pptx: \d+ slides, Status, since 2026-11-01/);
    const titles = slideParts(out).map((p) => texts(unzipPart(out, p))[0]);
    expect(titles).toEqual([
      "Status, since 2026-11-01",
      "The bottom line",
      "Wins",
      "Where the time went",
      "Status per category",
      "Risks",
      "Asks",
      "Next",
    ]);
    const asks = texts(unzipPart(out, slideParts(out)[6] as string));
    expect(asks).toContain("Approve the second SRE hire (by 2026-11-28)");
  });

  it("charts exactly the shares `balance --json` reports for the same period", async () => {
    for (const period of [["--since", "2026-11-01"], ["--month"], ["--week"], ["--last", "7d"]]) {
      const { out, env } = await writeDeck(period);
      const balance = JSON.parse(
        (await runPpppt(["balance", ...period, "--json"], env)).stdout,
      ).balance;
      const charts = unzipList(out).filter((p) => /^ppt\/charts\/chart\d+\.xml$/.test(p));
      expect(charts).toHaveLength(1);
      const xml = unzipPart(out, charts[0] as string);
      const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => {
        const body = m[1] as string;
        const name = /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(body)?.[1];
        const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(body)?.[1] ?? "";
        const values = [...val.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => Number(v[1]));
        const cat = /<c:cat>([\s\S]*?)<\/c:cat>/.exec(body)?.[1] ?? "";
        const labels = [...cat.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => v[1]);
        return { name, values, labels };
      });
      const rows = balance.categories as { category: string; sharePct: number; target: number }[];
      expect(series.map((s) => s.name)).toEqual(["Actual share", "Target share"]);
      expect(series[0]?.labels).toEqual(["People", "Product", "Process", "Public", "Tech"]);
      expect(series[0]?.values).toEqual(rows.map((r) => r.sharePct));
      expect(series[1]?.values).toEqual(rows.map((r) => r.target));
      expect(xml).toContain('<c:grouping val="clustered"/>');
    }
  });

  it("has speaker notes drafted from the items on every slide", async () => {
    const { out } = await writeDeck([]);
    const parts = unzipList(out);
    for (const slide of slideParts(out)) {
      const n = slideNumber(slide);
      const rels = unzipPart(out, `ppt/slides/_rels/slide${n}.xml.rels`);
      const target = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
      expect(target, slide).toBeDefined();
      expect(parts).toContain(`ppt/notesSlides/${target}`);
      const notes = texts(unzipPart(out, `ppt/notesSlides/${target}`)).join(" ");
      expect(notes.length, slide).toBeGreaterThan(40);
    }
    const winsNotes = texts(unzipPart(out, "ppt/notesSlides/notesSlide3.xml")).join(" ");
    expect(winsNotes).toContain("Promo case review for Luis (1h)");
  });

  it("gives every chart's plot exactly the axes the chart declares (PptxGenJS#1534)", async () => {
    const { out } = await writeDeck(["--month"]);
    const charts = unzipList(out).filter((p) => /^ppt\/charts\/chart\d+\.xml$/.test(p));
    expect(charts.length).toBeGreaterThan(0);
    for (const part of charts) {
      const xml = unzipPart(out, part);
      const declared = [
        ...xml.matchAll(/<c:(?:catAx|valAx|serAx|dateAx)>\s*<c:axId val="(\d+)"/g),
      ].map((m) => m[1]);
      const plot = /<c:barChart>([\s\S]*?)<\/c:barChart>/.exec(xml)?.[1] ?? "";
      const used = [...plot.matchAll(/<c:axId val="(\d+)"/g)].map((m) => m[1]);
      expect(declared).toHaveLength(2);
      expect(used.sort()).toEqual(declared.sort());
    }
  });

  it("never writes a private item into any part of the file", async () => {
    const { out } = await writeDeck(["--since", "2026-11-01"]);
    const all = everyXml(out);
    expect(all).not.toContain("reorg plan");
    expect(all).not.toContain("coaching");
    expect(all).toContain("Approve the second SRE hire");
  });

  it("turns names into initials with --redact: with: tags, people: in the config, 1:1s", async () => {
    const plain = everyXml((await writeDeck(["--since", "2026-11-01"])).out);
    expect(plain).toMatch(/1:1 with (Dana|Sam|Priya)/);
    expect(plain).toContain("Luis");
    const { out, stdout } = await writeDeck(["--since", "2026-11-01", "--redact"]);
    expect(stdout).toContain("names redacted");
    const all = everyXml(out);
    for (const name of ["Dana", "Sam", "Priya", "Luis", "Mei"])
      expect(all).not.toMatch(new RegExp(`\\b${name}\\b`));
    expect(all).toMatch(/1:1 with (D|S|P)\./);
    expect(all).toContain("Promo case review for L.");
  });

  it("reads the theme from deck-theme.yaml in the config folder, logo included", async () => {
    const { dir, env } = setup();
    // A 2×1 PNG, so the logo's shape is known.
    const png = Buffer.from(
      "89504e470d0a1a0a0000000d49484452000000020000000108060000005cdfc0d30000000d4944415478da63f8cfc0f01f0005fe02fe3e3c0bc50000000049454e44ae426082",
      "hex",
    );
    writeFileSync(join(dir, "logo.png"), png);
    writeFileSync(
      join(dir, "deck-theme.yaml"),
      "colors:\n  accent: '#C2185B'\nfonts:\n  heading: Georgia\nlogo: logo.png\n",
    );
    const out = join(dir, "themed.pptx");
    const r = await runPpppt(["deck", "--out", out], env);
    expect(r.code).toBe(0);
    const slide = unzipPart(out, "ppt/slides/slide2.xml");
    expect(slide).toContain('<a:srgbClr val="C2185B"/>');
    expect(slide).toContain('typeface="Georgia"');
    expect(unzipList(out).some((p) => p.startsWith("ppt/media/") && p.endsWith(".png"))).toBe(true);

    writeFileSync(join(dir, "deck-theme.yaml"), "colors:\n  accent: pink\n");
    const bad = await runPpppt(["deck", "--out", out], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/deck-theme\.yaml:2: colors\.accent: a colour is six hex digits/);
  });

  it("writes the same story as Markdown, to the terminal or a file", async () => {
    const { env, dir } = setup();
    const r = await runPpppt(["deck", "--since", "2026-11-01", "--md"], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Status, since 2026-11-01\n/);
    expect(r.stdout).toContain("## Where the time went");
    expect(r.stdout).not.toContain("reorg plan");
    const file = join(dir, "status.md");
    expect((await runPpppt(["deck", "--md", "--out", file], env)).code).toBe(0);
    expect(readFileSync(file, "utf8")).toContain("## Asks");
  });

  it("still gives a deck for a period with nothing done, and says so", async () => {
    const t = tempDocket("2026-11-01 Fix the deploy pipeline cat:tech due:2026-11-20\n");
    const out = join(t.dir, "empty.pptx");
    const r = await runPpppt(["deck", "--out", out], { ...t.env, PPPPT_TODAY: TODAY });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("(nothing done in this period)");
    expect(texts(unzipPart(out, "ppt/slides/slide2.xml")).join(" ")).toContain(
      "Nothing was marked done",
    );
  });

  it("refuses two periods and a bad --last, naming the value", async () => {
    const { env } = setup();
    const two = await runPpppt(["deck", "--week", "--last", "7d"], env);
    expect(two.code).toBe(1);
    expect(two.stderr).toContain("choose one of --week, --last");
    const bad = await runPpppt(["deck", "--last", "soon"], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"soon" is not a length of time for --last');
  });
});

const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => existsSync(p));

describe.skipIf(!soffice)("ppppt deck: LibreOffice Impress opens it", () => {
  it("converts to a PDF with one page per slide, headless, without error", async () => {
    const { out, dir } = await writeDeck(["--since", "2026-11-01"]);
    const slides = slideParts(out).length;
    const pdfDir = mkdtempSync(join(tmpdir(), "ppppt-deck-pdf-"));
    const r = spawnSync(
      soffice as string,
      [
        "--headless",
        "--norestore",
        `-env:UserInstallation=file://${join(dir, "lo-profile")}`,
        "--convert-to",
        "pdf",
        "--outdir",
        pdfDir,
        out,
      ],
      { encoding: "utf8", timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/\berror\b/i);
    const pdf = join(pdfDir, "status.pdf");
    expect(existsSync(pdf)).toBe(true);
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(slides);
  }, 150_000);
});

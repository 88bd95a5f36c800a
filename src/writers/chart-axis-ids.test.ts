import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { declaredAxisIds, repairChartAxisIds, withDeclaredAxisIdsOnly } from "./chart-axis-ids.js";
import { PptxGenJS } from "./pptxgenjs.js";

/** A deck straight from pptxgenjs: one clustered bar chart and one line chart, not repaired. */
async function rawDeck(): Promise<Uint8Array> {
  const pres = new PptxGenJS();
  const data = [
    { name: "Actual", labels: ["A", "B"], values: [60, 40] },
    { name: "Target", labels: ["A", "B"], values: [50, 50] },
  ];
  pres.addSlide().addChart(pres.ChartType.bar, data, { barGrouping: "clustered" });
  pres.addSlide().addChart(pres.ChartType.line, data, {});
  pres.addSlide().addText("no chart here", { x: 1, y: 1 });
  return (await pres.write({ outputType: "uint8array" })) as Uint8Array;
}

/** Each plot's axis references, per chart part, from the zip as written. */
async function plotAxisRefs(
  pptx: Uint8Array,
): Promise<Map<string, { refs: string[]; declared: Set<string> }>> {
  const zip = await JSZip.loadAsync(pptx);
  const out = new Map<string, { refs: string[]; declared: Set<string> }>();
  for (const name of Object.keys(zip.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))) {
    const xml = await (zip.file(name) as JSZip.JSZipObject).async("string");
    const plot = /<c:(barChart|lineChart)>([\s\S]*?)<\/c:\1>/.exec(xml);
    const refs = [...(plot?.[2] ?? "").matchAll(/<c:axId val="(\d+)"/g)].map((m) => m[1] as string);
    out.set(name, { refs, declared: declaredAxisIds(xml) });
  }
  return out;
}

describe("repairChartAxisIds (gitbrent/PptxGenJS#1534)", () => {
  it("pptxgenjs alone writes a bar and a line chart with an axis id no axis declares", async () => {
    const charts = await plotAxisRefs(await rawDeck());
    expect(charts.size).toBe(2);
    for (const { refs, declared } of charts.values()) {
      expect(refs).toHaveLength(3);
      expect(refs.filter((r) => !declared.has(r))).toHaveLength(1);
    }
  });

  it("leaves every plot referring to exactly the axes its chart declares", async () => {
    const charts = await plotAxisRefs(await repairChartAxisIds(await rawDeck()));
    expect(charts.size).toBe(2);
    for (const { refs, declared } of charts.values()) {
      expect(refs).toHaveLength(2);
      expect(new Set(refs)).toEqual(declared);
    }
  });

  it("keeps the other parts of the file byte for byte", async () => {
    const raw = await rawDeck();
    const before = await JSZip.loadAsync(raw);
    const after = await JSZip.loadAsync(await repairChartAxisIds(raw));
    expect(Object.keys(after.files).sort()).toEqual(Object.keys(before.files).sort());
    for (const name of Object.keys(before.files)) {
      if (name.startsWith("ppt/charts/chart") || before.files[name]?.dir) continue;
      const a = await (before.file(name) as JSZip.JSZipObject).async("uint8array");
      const b = await (after.file(name) as JSZip.JSZipObject).async("uint8array");
      expect(Buffer.from(b).equals(Buffer.from(a)), name).toBe(true);
    }
  });

  it("keeps a series axis a 3D chart does declare", () => {
    const xml =
      '<c:plotArea><c:bar3DChart><c:axId val="1"/><c:axId val="2"/><c:axId val="3"/></c:bar3DChart>' +
      '<c:catAx><c:axId val="1"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:crossAx val="1"/></c:valAx>' +
      '<c:serAx><c:axId val="3"/><c:crossAx val="2"/></c:serAx></c:plotArea>';
    expect(withDeclaredAxisIdsOnly(xml)).toBe(xml);
    const orphan = xml.replace(/<c:serAx>.*<\/c:serAx>/, "");
    expect(withDeclaredAxisIdsOnly(orphan)).not.toContain('<c:axId val="3"/>');
  });
});

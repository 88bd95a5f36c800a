import JSZip from "jszip";

/**
 * pptxgenjs 4.0.1 writes three `<c:axId>` into every 2D bar and line chart but only two axes
 * (`<c:catAx>`, `<c:valAx>`): the third id points at a series axis that exists only in 3D
 * charts. PowerPoint 365 then offers to "repair" the file (gitbrent/PptxGenJS#1534); LibreOffice
 * does not notice. This drops, in every chart part of the .pptx, each axis reference of a plot
 * that no axis of that chart declares, and leaves every other part's content byte for byte.
 * It writes the zip deflated: the writer hands it over stored, so it is compressed once.
 */
export async function repairChartAxisIds(pptx: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(pptx);
  const charts = Object.keys(zip.files).filter((name) =>
    /^ppt\/charts\/chart[^/]*\.xml$/.test(name),
  );
  for (const name of charts) {
    const file = zip.file(name);
    if (!file) continue;
    const xml = await file.async("string");
    const fixed = withDeclaredAxisIdsOnly(xml);
    if (fixed !== xml) zip.file(name, fixed);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const AXIS = /<c:(catAx|valAx|serAx|dateAx)>([\s\S]*?)<\/c:\1>/g;
const PLOT = /<c:(\w+Chart)>([\s\S]*?)<\/c:\1>/g;
const AXIS_ID = /<c:axId val="(\d+)"\s*\/>/g;

/** The ids the chart's axes declare: each axis element's own (first) `<c:axId>`. */
export function declaredAxisIds(chartXml: string): Set<string> {
  const ids = new Set<string>();
  for (const m of chartXml.matchAll(AXIS)) {
    const own = /<c:axId val="(\d+)"/.exec(m[2] as string);
    if (own) ids.add(own[1] as string);
  }
  return ids;
}

/** The chart XML with each plot's references to undeclared axes removed. */
export function withDeclaredAxisIdsOnly(chartXml: string): string {
  const declared = declaredAxisIds(chartXml);
  return chartXml.replace(PLOT, (plot: string, type: string, body: string) => {
    const kept = body.replace(AXIS_ID, (ref: string, id: string) => (declared.has(id) ? ref : ""));
    return kept === body ? plot : `<c:${type}>${kept}</c:${type}>`;
  });
}

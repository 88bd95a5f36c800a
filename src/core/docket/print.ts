import type { Docket, Line } from "./item.js";

const BOM = "\uFEFF";
const encoder = new TextEncoder();

/** Writes a docket back out, every line exactly as it stands, so untouched lines are unchanged. */
export function printDocket(docket: Docket): Uint8Array {
  if (!docket.lines.some((l) => typeof l.text !== "string")) {
    return encoder.encode(printDocketText(docket));
  }
  const parts: Uint8Array[] = [];
  if (docket.bom) parts.push(encoder.encode(BOM));
  for (const line of docket.lines) {
    parts.push(typeof line.text === "string" ? encoder.encode(line.text) : line.text);
    if (line.eol) parts.push(encoder.encode(line.eol));
  }
  return Buffer.concat(parts);
}

/** The docket as text; lines that were not valid UTF-8 are shown with replacement characters. */
export function printDocketText(docket: Docket): string {
  let out = docket.bom ? BOM : "";
  for (const line of docket.lines) out += lineText(line) + line.eol;
  return out;
}

export function lineText(line: Line): string {
  return typeof line.text === "string" ? line.text : new TextDecoder().decode(line.text);
}

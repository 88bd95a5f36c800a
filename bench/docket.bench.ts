/**
 * How fast the docket format reads and writes, in MB/s of docket text, each beside JSON.parse
 * of the same items written as JSON lines (one itemJson object per line, the shape `--json`
 * prints) measured in the same run. Both start from the file's bytes, as reading a file does.
 * - parse: parseDocket, which reads and checks every line into the docket index (what `list`
 *   works from); the Line and Item objects are built when first asked for.
 * - items built: the same, then every Line and Item built (what the lens reports and the
 *   dashboard pay; a command that changes one item builds every Line but only that Item).
 * - parse+print: the round trip (every Line built and printed back; Items are not needed).
 * Target: parse at least 100 MB/s at 100k items.
 */
import { itemJson } from "../src/core/docket/item-json.js";
import { parseDocket } from "../src/core/docket/parse.js";
import { printDocket } from "../src/core/docket/print.js";
import { generateDocket } from "./generate-docket.js";
import { fmt, machine, printTable, timeAgainst, verdict } from "./measure.js";

/** PPPPT_BENCH_SIZES=1000,10000 runs fewer sizes while working on one. */
const SIZES = (process.env.PPPPT_BENCH_SIZES ?? "1000,10000,100000").split(",").map(Number);
const TARGET_MBPS = 100;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The floor: what reading the same items costs when they are JSON lines. */
function parseJsonLines(bytes: Uint8Array): unknown[] {
  const text = decoder.decode(bytes);
  const out: unknown[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    if (end > start) out.push(JSON.parse(text.slice(start, end)));
    start = end + 1;
  }
  return out;
}

/** parseDocket, then every line and item built, as a command that reads them all does. */
function buildEveryItem(bytes: Uint8Array): number {
  let items = 0;
  for (const line of parseDocket(bytes).lines) if (line.kind === "item" && line.item) items++;
  return items;
}

process.stdout.write(`docket parse and print — ${machine()}\n`);
const rows: string[][] = [
  [
    "items",
    "docket",
    "parse",
    "JSON.parse",
    "parse MB/s",
    "JSON.parse MB/s",
    "ratio",
    "items built MB/s",
    "ratio",
    "parse+print MB/s",
    "ratio",
  ],
];
let parseAt100k: number | undefined;
let jsonSizeRatio = 0;
for (const size of SIZES) {
  const bytes = encoder.encode(generateDocket(size).text);
  const docket = parseDocket(bytes);
  const jsonLines = encoder.encode(
    docket.lines
      .flatMap((l) => (l.kind === "item" ? [JSON.stringify(itemJson(l))] : []))
      .join("\n"),
  );
  // The same items, both ways: a count mismatch would make the ratio meaningless.
  const items = docket.lines.filter((l) => l.kind === "item").length;
  if (items !== size || parseJsonLines(jsonLines).length !== size) {
    throw new Error(`expected ${size} items, the docket has ${items}`);
  }
  if (Buffer.compare(printDocket(docket), bytes) !== 0) throw new Error("print(parse(x)) is not x");

  const repeat = size >= 100_000 ? { warmup: 2, runs: 9 } : { warmup: 5, runs: 21 };
  const mb = bytes.length / 1e6;
  const jsonMb = jsonLines.length / 1e6;
  jsonSizeRatio = jsonMb / mb;
  const floor = () => parseJsonLines(jsonLines);
  const parse = timeAgainst(() => parseDocket(bytes), floor, repeat);
  const built = timeAgainst(() => buildEveryItem(bytes), floor, repeat);
  const round = timeAgainst(() => printDocket(parseDocket(bytes)), floor, repeat);
  const parseMbps = mb / (parse.ms / 1000);
  const jsonMbps = jsonMb / (parse.floorMs / 1000);
  const builtMbps = mb / (built.ms / 1000);
  const roundMbps = mb / (round.ms / 1000);
  // Throughput ratios from the paired time ratios: MB/s over MB/s is (MB / JSON MB) / (t / f).
  const parseRatio = mb / jsonMb / parse.timeRatio;
  const builtRatio = mb / jsonMb / built.timeRatio;
  const roundRatio = mb / jsonMb / round.timeRatio;
  if (size === 100_000) parseAt100k = parseMbps;
  rows.push([
    fmt.count(size),
    `${mb.toFixed(2)} MB`,
    fmt.ms(parse.ms),
    fmt.ms(parse.floorMs),
    fmt.mbps(parseMbps),
    fmt.mbps(jsonMbps),
    fmt.ratio(parseRatio),
    fmt.mbps(builtMbps),
    fmt.ratio(builtRatio),
    fmt.mbps(roundMbps),
    fmt.ratio(roundRatio),
  ]);
}
printTable(rows);
process.stdout.write(
  "ratio: MB/s of the docket over MB/s of JSON.parse on the same items as JSON lines, run\n" +
    "alternately (median of per-run ratios; higher is faster). The JSON lines are " +
    `${jsonSizeRatio.toFixed(1)}× the docket's size,\nso a ratio of ${(1 / jsonSizeRatio).toFixed(2)}× ` +
    "means the same time per item as JSON.parse.\n",
);
if (parseAt100k === undefined) {
  process.stdout.write("target: parse at 100k items not measured (100k not among the sizes)\n");
} else {
  verdict(
    `parse at least ${TARGET_MBPS} MB/s at 100k items`,
    parseAt100k >= TARGET_MBPS,
    fmt.mbps(parseAt100k),
  );
}

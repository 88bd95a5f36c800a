import { type DocketIndex, indexDocket, itemFromScan } from "./docket-index.js";
import type { Docket, Item, ItemLine } from "./item.js";
import { lineSource, scanItem } from "./scan.js";

export { derivedId } from "./docket-index.js";

/**
 * Reads a docket. Never fails: a line ppppt cannot read becomes an `invalid` line that keeps
 * its exact text (or bytes) and says what is wrong, so `printDocket(parseDocket(x))` is `x`.
 *
 * The file is read into a DocketIndex, which checks every line; the `Line` objects are built
 * from it the first time `lines` is read. A command that only lists items reads the index
 * instead (see `docketIndex`), and never builds them.
 */
export function parseDocket(input: Uint8Array | string): Docket {
  let bom: boolean;
  let bytes: Uint8Array;
  if (typeof input === "string") {
    bom = input.startsWith(BOM);
    bytes = Buffer.from(bom ? input.slice(1) : input, "utf8");
  } else {
    bom = input.length >= 3 && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
    bytes = bom ? input.subarray(3) : input;
  }
  return docketOf(indexDocket(bytes, bom));
}

const BOM = "\uFEFF";
const INDEXES = new WeakMap<Docket, DocketIndex>();

function docketOf(index: DocketIndex): Docket {
  const docket = { bom: index.bom } as Docket;
  // Enumerable, so spreading the docket (every whole-docket change does) copies the lines;
  // replaced by a plain property once built, so they are built once.
  Object.defineProperty(docket, "lines", {
    enumerable: true,
    configurable: true,
    get() {
      const lines = index.lines();
      Object.defineProperty(docket, "lines", {
        value: lines,
        writable: true,
        enumerable: true,
        configurable: true,
      });
      return lines;
    },
  });
  INDEXES.set(docket, index);
  return docket;
}

/**
 * The index a docket was read from, when it came straight from parseDocket; undefined for a
 * docket made by a change (their lines are the truth then).
 */
export function docketIndex(docket: Docket): DocketIndex | undefined {
  return INDEXES.get(docket);
}

/**
 * The docket's item lines for a command that only reads them: light rows over the index when
 * the docket came straight from parseDocket (each builds its tags, projects and contexts only
 * if asked), else its lines. A row is a class instance: copy one with copyLine, not a spread.
 */
export function readOnlyItemLines(docket: Docket): ItemLine[] {
  const index = INDEXES.get(docket);
  if (index) return index.itemRows();
  return docket.lines.filter((l): l is ItemLine => l.kind === "item");
}

/**
 * Reads one todo.txt task. Returns the item, or a sentence saying why the line is not one
 * ppppt can trust (a bad date, an unknown category…), which makes the line `invalid`.
 */
export function parseItem(text: string): Item | string {
  const source = lineSource(Buffer.from(text, "utf8"));
  const bytes = source.bytes;
  // UTF-8 is as long as UTF-16 only when every character is ASCII.
  const ascii = bytes.length === text.length;
  const problem = scanItem(source, 0, bytes.length, ascii, true);
  if (problem !== undefined) return problem;
  return itemFromScan(source, bytes.length, ascii);
}

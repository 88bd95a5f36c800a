import { CATEGORIES } from "../category.js";
import { PpppptError } from "../errors.js";
import type { FeatureWeights } from "./features.js";
import type { ModelFile } from "./model-file.js";

/**
 * The bytes of the shipped model, data/model.bin. Every `ppppt add` reads it, and parsing the
 * same numbers as JSON took longer than the rest of loading the classifier, so the numbers are
 * stored as the typed arrays the classifier uses and are read in place:
 *
 *   bytes 0–7     MAGIC, so that any other file is named as such
 *   bytes 8–11    the header's length in bytes (little-endian, as every number here)
 *   bytes 12–15   zero
 *   from 16       the header: JSON (UTF-8) with the scalars and the sections' lengths in bytes,
 *                 padded with spaces to a multiple of 8 bytes
 *   then          the sections in SECTIONS order, each padded with zeros to a multiple of 8, so
 *                 that each starts where its numbers can be viewed without a copy
 *
 * The sections: the words and the pairs as UTF-8 lines joined by "\n" (a feature never holds a
 * line break: tokenize.ts splits on white space), the character n-gram hashes as Int32, the
 * counts as Float32 (they are rounded to 4 decimals and are at most a few hundred, where a
 * Float32 is within 4e-6 of them; Float64 doubled their 600 KB for no change in any
 * classification, and reading and copying them took 1.7–2.8 ms against 1.3–1.7), and the
 * residual's weights, rounded to thousandths, as Float32 too: as Int16 thousandths they took
 * half the bytes, but dividing them at load was a loop over 38,000 numbers, 2–7 ms in a fresh
 * process, where a Float32 section is used as it is.
 */

const K = CATEGORIES.length;
export const MODEL_FORMAT = 5;
const MAGIC = "PPPPTNB\n";
const PREAMBLE = 16;
const SECTIONS = ["words", "pairs", "chars", "counts", "residual"] as const;
type Section = (typeof SECTIONS)[number];

/** The file's scalars, as ModelFile has them (its arrays are the sections), and the layout. */
type Header = Pick<
  ModelFile,
  | "rows"
  | "categories"
  | "alpha"
  | "complement"
  | "temperature"
  | "temperaturePower"
  | "weights"
  | "docs"
  | "totals"
  | "scale"
  | "bias"
> & {
  format: number;
  /** Each section's length in bytes, before its padding. */
  sections: Record<Section, number>;
};

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

export function encodeModelBytes(file: ModelFile): Uint8Array {
  const utf8 = new TextEncoder();
  const data: Record<Section, Uint8Array> = {
    words: utf8.encode(lines(file.words)),
    pairs: utf8.encode(lines(file.pairs)),
    chars: littleEndian(file.chars, 4, (view, at, n) => view.setInt32(at, n, true)),
    counts: littleEndian(file.counts, 4, (view, at, n) => view.setFloat32(at, n, true)),
    residual: littleEndian(file.residual, 4, (view, at, n) => view.setFloat32(at, n, true)),
  };
  const header: Header = {
    format: MODEL_FORMAT,
    rows: file.rows,
    categories: file.categories,
    alpha: file.alpha,
    complement: file.complement,
    temperature: file.temperature,
    temperaturePower: file.temperaturePower,
    weights: file.weights,
    docs: file.docs,
    totals: file.totals,
    scale: file.scale,
    bias: file.bias,
    sections: {
      words: data.words.length,
      pairs: data.pairs.length,
      chars: data.chars.length,
      counts: data.counts.length,
      residual: data.residual.length,
    },
  };
  const headerBytes = utf8.encode(JSON.stringify(header));
  let size = padded(PREAMBLE + headerBytes.length);
  for (const name of SECTIONS) size += padded(data[name].length);
  const bytes = new Uint8Array(size);
  bytes.set(utf8.encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(8, headerBytes.length, true);
  bytes.set(headerBytes, PREAMBLE);
  bytes.fill(0x20, PREAMBLE + headerBytes.length, padded(PREAMBLE + headerBytes.length));
  let at = padded(PREAMBLE + headerBytes.length);
  for (const name of SECTIONS) {
    bytes.set(data[name], at);
    at += padded(data[name].length);
  }
  return bytes;
}

/**
 * The model in `bytes`, its numbers viewed where they lie (copied only where the bytes are not
 * aligned for them). Throws a PpppptError saying what is wrong with a file that is not one,
 * is cut short, or was written for another version; the store names the file.
 */
export function decodeModelBytes(bytes: Uint8Array): ModelFile {
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  if (bytes.length < PREAMBLE || text(utf8, bytes, 0, MAGIC.length) !== MAGIC) {
    throw new PpppptError(
      `not a ppppt model file (it does not start with ${JSON.stringify(MAGIC)})`,
    );
  }
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, PREAMBLE).getUint32(8, true);
  const headerEnd = PREAMBLE + headerLength;
  if (headerEnd > bytes.length) throw cutShort(headerEnd, bytes.length);
  const header = parseHeader(text(utf8, bytes, PREAMBLE, headerEnd));
  const at = {} as Record<Section, number>;
  let end = padded(headerEnd);
  for (const name of SECTIONS) {
    at[name] = end;
    end += padded(header.sections[name]);
  }
  if (end > bytes.length) throw cutShort(end, bytes.length);
  if (end < bytes.length) {
    throw new PpppptError(`malformed: ${bytes.length - end} bytes after its last section`);
  }
  const { words: wordBytes, pairs: pairBytes, chars, counts, residual } = header.sections;
  const words = textLines(utf8, bytes, at.words, wordBytes);
  const pairs = textLines(utf8, bytes, at.pairs, pairBytes);
  const file: ModelFile = {
    rows: header.rows,
    categories: header.categories,
    alpha: header.alpha,
    complement: header.complement,
    temperature: header.temperature,
    temperaturePower: header.temperaturePower,
    weights: header.weights,
    docs: header.docs,
    totals: header.totals,
    words,
    pairs,
    chars: numbers(bytes, at.chars, chars, Int32Array, (v, i) => v.getInt32(i, true)),
    counts: numbers(bytes, at.counts, counts, Float32Array, (v, i) => v.getFloat32(i, true)),
    scale: header.scale,
    bias: header.bias,
    residual: numbers(bytes, at.residual, residual, Float32Array, (v, i) => v.getFloat32(i, true)),
  };
  const features = words.length + pairs.length + file.chars.length;
  if (file.counts.length !== features * K) {
    throw new PpppptError(
      `malformed: ${file.counts.length} counts for ${features} features of ${K} categories`,
    );
  }
  if (file.residual.length % K !== 0 || file.residual.length > file.counts.length) {
    throw new PpppptError(
      `malformed: ${file.residual.length} residual weights for ${features} features`,
    );
  }
  return file;
}

function parseHeader(source: string | undefined): Header {
  let header: Partial<Header>;
  try {
    if (source === undefined) throw new Error("not UTF-8");
    header = JSON.parse(source) as Partial<Header>;
  } catch (error) {
    throw new PpppptError(`malformed: its header is not JSON (${(error as Error).message})`);
  }
  if (header.format !== MODEL_FORMAT) {
    throw new PpppptError(
      `written for another version of ppppt (model format ${String(header.format)}, this version reads ${MODEL_FORMAT})`,
    );
  }
  if (!Array.isArray(header.categories) || header.categories.join(",") !== CATEGORIES.join(",")) {
    throw new PpppptError(
      `written for another version of ppppt (categories ${JSON.stringify(header.categories)})`,
    );
  }
  const sections = header.sections as Partial<Record<Section, unknown>> | undefined;
  const weights = header.weights as Partial<Record<keyof FeatureWeights, unknown>> | undefined;
  const wellFormed =
    [header.rows, header.alpha, header.temperature, header.temperaturePower, header.scale].every(
      isNumber,
    ) &&
    typeof header.complement === "boolean" &&
    [weights?.word, weights?.pair, weights?.chars].every(isNumber) &&
    [header.docs, header.totals, header.bias].every(
      (a) => Array.isArray(a) && a.length === K && a.every(isNumber),
    ) &&
    SECTIONS.every((name) => {
      const length = sections?.[name];
      return Number.isSafeInteger(length) && (length as number) >= 0;
    }) &&
    (sections?.chars as number) % 4 === 0 &&
    (sections?.counts as number) % 4 === 0 &&
    (sections?.residual as number) % 4 === 0;
  if (!wellFormed) throw new PpppptError("malformed: its header lacks a field or holds a bad one");
  return header as Header;
}

function isNumber(x: unknown): boolean {
  return typeof x === "number" && Number.isFinite(x);
}

function cutShort(needed: number, size: number): PpppptError {
  return new PpppptError(`cut short: ${size} bytes, where its header needs ${needed}`);
}

function padded(length: number): number {
  return Math.ceil(length / 8) * 8;
}

function lines(keys: readonly string[]): string {
  for (const key of keys) {
    // Either would come back as a different list of keys.
    if (key === "" || key.includes("\n")) {
      throw new Error(`the feature ${JSON.stringify(key)} cannot be saved as a line`);
    }
  }
  return keys.join("\n");
}

/** The text of bytes[start, end), or undefined where it is not UTF-8. */
function text(
  utf8: TextDecoder,
  bytes: Uint8Array,
  start: number,
  end: number,
): string | undefined {
  try {
    return utf8.decode(bytes.subarray(start, end));
  } catch {
    return undefined;
  }
}

function textLines(utf8: TextDecoder, bytes: Uint8Array, at: number, length: number): string[] {
  const source = text(utf8, bytes, at, at + length);
  if (source === undefined) throw new PpppptError("malformed: a section of words is not UTF-8");
  return source === "" ? [] : source.split("\n");
}

function littleEndian(
  values: ArrayLike<number>,
  size: number,
  write: (view: DataView, at: number, n: number) => void,
): Uint8Array {
  const bytes = new Uint8Array(values.length * size);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) write(view, i * size, values[i] as number);
  return bytes;
}

interface NumberArrayType<T> {
  readonly BYTES_PER_ELEMENT: number;
  new (length: number): T;
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): T;
}

/**
 * The section's numbers as a typed array over the same memory. Typed arrays need their
 * elements aligned in memory: the file aligns each section, but a Buffer may start anywhere in
 * its ArrayBuffer (small files share a pool), and there a copy is made. A big-endian machine
 * reads the numbers one by one.
 */
function numbers<T extends Int32Array | Float32Array>(
  bytes: Uint8Array,
  at: number,
  length: number,
  Type: NumberArrayType<T>,
  read: (view: DataView, at: number) => number,
): T {
  const size = Type.BYTES_PER_ELEMENT;
  const count = length / size;
  if (!LITTLE_ENDIAN) {
    const out = new Type(count);
    const view = new DataView(bytes.buffer, bytes.byteOffset + at, length);
    for (let i = 0; i < count; i++) out[i] = read(view, i * size);
    return out;
  }
  const start = bytes.byteOffset + at;
  if (start % size === 0) return new Type(bytes.buffer, start, count);
  return new Type(new Uint8Array(bytes.subarray(at, at + length)).buffer, 0, count);
}

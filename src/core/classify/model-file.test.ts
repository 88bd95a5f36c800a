import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readShippedModel } from "../../store/shipped-model-file.js";
import { PpppptError } from "../errors.js";
import { Classifier } from "./classifier.js";
import { parseCorpus, TRAINING_FILES } from "./corpus.js";
import { parseEvalSet } from "./eval-set.js";
import { decodeModelBytes, encodeModelBytes, MODEL_FORMAT } from "./model-bytes.js";
import { deserialiseModel, type ModelFile, serialiseModel } from "./model-file.js";
import { temperatureFor, trainModel } from "./naive-bayes.js";
import { trainModelFile } from "./train.js";

const SHIPPED_MODEL = await readShippedModel();
const shippedBytes = readFileSync(new URL("../../../data/model.bin", import.meta.url));

const corpusText = readFileSync(new URL("../../../data/corpus.tsv", import.meta.url), "utf8");
const training = TRAINING_FILES.flatMap((file) =>
  parseCorpus(readFileSync(new URL(`../../../${file}`, import.meta.url), "utf8"), file),
);
const realWorld = parseEvalSet(
  readFileSync(new URL("../../../data/eval/realworld.tsv", import.meta.url), "utf8"),
  "data/eval/realworld.tsv",
);

// The whole fit (stacking.ts: 16 naive Bayes models and 6 regressions) takes ~25 s on the
// 8,458 rows on a quiet machine; two tests use it, so it runs once.
let trained: ModelFile | undefined;
const freshFile = () => {
  trained ??= trainModelFile(training);
  return trained;
};

describe("the model file", () => {
  it.each([false, true])(
    "loads back through its bytes to a model that classifies as the one saved (complement %s)",
    (complement) => {
      const examples = parseCorpus(corpusText).slice(0, 400);
      const model = trainModel(examples, { temperature: 2, complement, alpha: 1 });
      const bytes = encodeModelBytes(serialiseModel(model, examples.length));
      const loaded = deserialiseModel(decodeModelBytes(bytes));
      expect(loaded.options.complement).toBe(complement);
      for (const text of ["Review the caching RFC", "1:1 Dana", "Zephyr 🎤 PAY-1", ""]) {
        const a = model.predict(text);
        const b = loaded.predict(text);
        expect(b.category).toBe(a.category);
        expect(b.probability).toBeCloseTo(a.probability, 3);
      }
    },
  );

  it("data/model.bin is what `npm run train` makes of the training corpus", () => {
    // On failure: run `npm run train` and commit data/model.bin with the corpus change.
    expect(Buffer.from(encodeModelBytes(freshFile())).equals(shippedBytes)).toBe(true);
  }, 240_000);

  it("classifies every training and real-world text as the counts it was made from do", () => {
    // The fresh file holds the counts to 4 decimals as doubles, as the JSON model file did; the
    // shipped file holds them as Float32.
    const exact = Classifier.fromModel(freshFile()).model;
    const shipped = Classifier.fromModel(SHIPPED_MODEL).model;
    const texts = [...training.map((e) => e.text), ...realWorld.map((i) => i.text)];
    const differences = texts.flatMap((text) => {
      const a = exact.predict(text);
      const b = shipped.predict(text);
      return a.category === b.category && Math.abs(a.probability - b.probability) < 0.001
        ? []
        : [`${text}: ${a.category} ${a.probability} → ${b.category} ${b.probability}`];
    });
    expect(texts.length).toBeGreaterThan(9_000);
    expect(differences).toEqual([]);
  }, 240_000);

  it("was trained on every corpus row, with a temperature that softens naive Bayes", () => {
    expect(SHIPPED_MODEL.rows).toBe(training.length);
    // Never sharper than raw naive Bayes, and softer for every text of two words or more: by
    // the temperature, and with the residual (stacking.ts) by its scale on naive Bayes's score
    // too (on main's 5,899 rows the temperature alone is 1 for every length).
    const { temperature, temperaturePower } = SHIPPED_MODEL;
    const scale = SHIPPED_MODEL.residual.length > 0 ? SHIPPED_MODEL.scale : 1;
    expect(temperature).toBeGreaterThanOrEqual(1);
    expect(scale / temperatureFor(2, temperature, temperaturePower)).toBeLessThan(1);
  });

  it("reads the same model from bytes that are not aligned in memory", () => {
    const shifted = new Uint8Array(shippedBytes.length + 1);
    shifted.set(shippedBytes, 1);
    const file = decodeModelBytes(shifted.subarray(1));
    const bytesOf = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    expect(file.counts.byteOffset % 4).toBe(0);
    expect(bytesOf(file.counts).equals(bytesOf(SHIPPED_MODEL.counts))).toBe(true);
    expect(bytesOf(file.chars).equals(bytesOf(SHIPPED_MODEL.chars))).toBe(true);
    expect(bytesOf(file.residual).equals(bytesOf(SHIPPED_MODEL.residual))).toBe(true);
    expect(file.words).toEqual(SHIPPED_MODEL.words);
  });

  it("refuses a model file of another format", () => {
    const header = `"format":${MODEL_FORMAT},`;
    const text = shippedBytes.toString("latin1");
    expect(text).toContain(header);
    const older = Buffer.from(text.replace(header, `"format":${MODEL_FORMAT - 1},`), "latin1");
    expect(() => decodeModelBytes(older)).toThrow(/another version of ppppt/);
  });

  const badHeader = Buffer.from(shippedBytes);
  badHeader[16] = "x".charCodeAt(0);

  it.each([
    ["a JSON model", Buffer.from('{\n "format": 4,\n "rows": 1\n}\n'), /not a ppppt model file/],
    ["nothing", new Uint8Array(0), /not a ppppt model file/],
    ["a header that is not JSON", badHeader, /header is not JSON/],
    ["the header cut short", shippedBytes.subarray(0, 64), /cut short/],
    ["the last section cut short", shippedBytes.subarray(0, shippedBytes.length - 8), /cut short/],
    ["bytes after the last section", Buffer.concat([shippedBytes, Buffer.alloc(8)]), /after/],
  ])("refuses %s with a PpppptError", (_, bytes, message) => {
    expect(() => decodeModelBytes(bytes)).toThrow(PpppptError);
    expect(() => decodeModelBytes(bytes)).toThrow(message);
  });
});

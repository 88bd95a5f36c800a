import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PpppptError } from "../core/errors.js";
import { readModelFile, shippedModelPath } from "./shipped-model-file.js";

describe("readModelFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "ppppt-model-"));
  const shipped = readFileSync(shippedModelPath());

  it("reads the shipped model", async () => {
    expect((await readModelFile(shippedModelPath())).words.length).toBeGreaterThan(1000);
  });

  it.each([
    ["cut short", shipped.subarray(0, Math.floor(shipped.length / 2)), /cut short/],
    ["of another kind", Buffer.from('{"format":4}\n'), /not a ppppt model file/],
  ])("names a model file %s in one PpppptError", async (name, bytes, reason) => {
    const path = join(dir, `${name.replace(/ /g, "-")}.bin`);
    writeFileSync(path, bytes);
    const error = await readModelFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PpppptError);
    expect((error as PpppptError).message).toContain(`cannot read the classifier model ${path}: `);
    expect((error as PpppptError).message).toMatch(reason);
  });

  it("names a missing model file", async () => {
    const path = join(dir, "none.bin");
    await expect(readModelFile(path)).rejects.toThrow(`cannot read the classifier model ${path}: `);
  });
});

import { describe, expect, it } from "vitest";
import { IntIndex } from "./int-index.js";

describe("IntIndex", () => {
  it("finds what was added and answers -1 for anything else, across growth", () => {
    const index = new IntIndex(4);
    for (let i = 0; i < 5000; i++) index.add(i * 7919, i);
    expect(index.size).toBe(5000);
    for (let i = 0; i < 5000; i++) expect(index.get(i * 7919)).toBe(i);
    expect(index.get(1)).toBe(-1);
    expect(index.get(0x3fffffff)).toBe(-1);
  });

  it("lists keys in the order they were added", () => {
    const index = new IntIndex();
    for (const [i, k] of [30, 10, 20].entries()) index.add(k, i);
    expect(index.entries()).toEqual([
      [30, 0],
      [10, 1],
      [20, 2],
    ]);
  });
});

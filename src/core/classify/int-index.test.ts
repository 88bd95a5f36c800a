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

  it("adds a run of keys at once as it would one by one, across growth", () => {
    const keys = Array.from({ length: 3000 }, (_, i) => (i * 104_729) & 0x3fffffff);
    const one = new IntIndex(4);
    one.add(5, 0);
    for (const [i, k] of keys.entries()) one.add(k, i + 1);
    const all = new IntIndex(4);
    all.add(5, 0);
    all.addAll(keys, 1);
    expect(all.size).toBe(one.size);
    expect(all.entries()).toEqual(one.entries());
    for (const k of keys) expect(all.get(k)).toBe(one.get(k));
  });
});

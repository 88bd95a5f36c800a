import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendCorrection, correctionsPath, readCorrections } from "./corrections-file.js";

let dir: string;
let docketPath: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ppppt-corrections-"));
  docketPath = join(dir, "todo.txt");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the corrections file", () => {
  it("lives beside the docket, named after it", () => {
    expect(correctionsPath("/a/b/todo.txt")).toBe(join("/a/b", "todo.corrections.txt"));
    expect(correctionsPath("/a/work.txt")).toBe(join("/a", "work.corrections.txt"));
  });

  it("reads as empty before the first correction", async () => {
    expect(await readCorrections(docketPath)).toEqual([]);
  });

  it("appends one line per correction, keeping what was there", async () => {
    await appendCorrection(docketPath, { date: "2026-11-24", category: "tech", text: "Zephyr" });
    await appendCorrection(docketPath, { date: "2026-11-25", category: "people", text: "Ximena" });
    expect(readFileSync(correctionsPath(docketPath), "utf8")).toBe(
      "2026-11-24 tech Zephyr\n2026-11-25 people Ximena\n",
    );
    expect((await readCorrections(docketPath)).map((c) => c.category)).toEqual(["tech", "people"]);
  });

  it("starts a new line when the file was left without a final newline", async () => {
    writeFileSync(correctionsPath(docketPath), "2026-11-24 tech Zephyr");
    await appendCorrection(docketPath, { date: "2026-11-25", category: "public", text: "Talk" });
    expect(readFileSync(correctionsPath(docketPath), "utf8")).toBe(
      "2026-11-24 tech Zephyr\n2026-11-25 public Talk\n",
    );
  });

  it("keeps every line when many corrections are recorded at once", async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        appendCorrection(docketPath, { date: "2026-11-25", category: "tech", text: `item ${i}` }),
      ),
    );
    const lines = readFileSync(correctionsPath(docketPath), "utf8").trimEnd().split("\n");
    expect(lines).toHaveLength(40);
    expect(new Set(lines).size).toBe(40);
  });
});

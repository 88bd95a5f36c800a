import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { healthPaths, ingestReports, withHealthDb } from "./health-db.js";

/** Text as XML would carry it in an attribute. */
function attr(s: string): string {
  return s
    .replaceAll("&", "&amp;")
    .replaceAll('"', "&quot;")
    .replaceAll("<", "&lt;")
    .replaceAll("\t", "&#9;")
    .replaceAll("\n", "&#10;")
    .replaceAll("\r", "&#13;");
}

describe("results loaded in bulk from the rows files", () => {
  it("keep every name byte for byte: quotes, tabs, line breaks, empty and NULL-looking text", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ppppt-health-rows-"));
    const paths = healthPaths(join(dir, "todo.txt"));
    // XML allows no control characters but tab, LF and CR; attribute values normalise none
    // of them when written as character references.
    const name = fc.string({
      unit: fc.constantFrom("a", '"', "\t", "\n", "\r", "\\", ",", "é", "NULL", " ", "'"),
    });
    const cases = fc.sample(fc.tuple(name, name), { numRuns: 40, seed: 16 });
    cases.push(["", ""], ['"', '""'], ["NULL", "\\N"]);
    const xml = `<testsuite name="s">${cases
      .map(
        ([c, n], i) =>
          `<testcase classname="${attr(c)}" name="${attr(n)}" time="${i % 3 === 0 ? "" : i}"/>`,
      )
      .join("")}</testsuite>`;
    const file = join(dir, "r.xml");
    writeFileSync(file, xml);
    const [outcome] = await ingestReports(paths, [file], {});
    expect(outcome?.error).toBeUndefined();
    const rows = await withHealthDb(paths, async (db) =>
      (
        await db.runAndReadAll("select classname, name, seconds, seq from results order by seq")
      ).getRows(),
    );
    expect(rows).toEqual(cases.map(([c, n], i) => [c, n, i % 3 === 0 ? null : i, i]));
  });
});

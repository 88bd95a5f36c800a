import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PpppptError } from "../errors.js";
import { readGithubExport } from "./github.js";
import { readGitlabExport } from "./gitlab.js";
import { countRecords, type IssueFile } from "./issue-record.js";
import { readJiraExport } from "./jira.js";
import { hoursBetween } from "./timestamp.js";

/**
 * Every issue export in ../shared/fixtures/issues/ read by our readers, against the figures of
 * the independent reference implementation (EXPECTED.tsv beside them).
 */
const DIR = join(import.meta.dirname, "../../../../shared/fixtures/issues");

interface Expected {
  file: string;
  parsed: string;
  tracker: string;
  shape: string;
  issues: string;
  pull_requests: string;
  closed: string;
  open: string;
  closed_with_dates: string;
  median_hours_to_close: string;
  labels: string;
  priorities: string;
}

function expected(): Expected[] {
  const [head, ...rows] = readFileSync(join(DIR, "EXPECTED.tsv"), "utf8").trimEnd().split("\n");
  const cols = (head as string).split("\t");
  return rows.map(
    (r) => Object.fromEntries(r.split("\t").map((v, i) => [cols[i], v])) as unknown as Expected,
  );
}

function read(tracker: string, file: string): IssueFile {
  const bytes = readFileSync(join(DIR, file));
  if (tracker === "github") return readGithubExport(bytes, file);
  if (tracker === "gitlab") return readGitlabExport(bytes, file);
  return readJiraExport(bytes, file);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

describe.skipIf(!existsSync(DIR))("issue exports in shared/fixtures", () => {
  const rows = existsSync(DIR) ? expected() : [];

  it("has a row for every export file", () => {
    const files = readdirSync(DIR).filter((f) => /\.(json|csv|xml)$/.test(f));
    expect(rows.map((r) => r.file).sort()).toEqual(files.sort());
  });

  for (const row of rows.filter((r) => r.parsed === "yes")) {
    it(`${row.file}: ${row.issues} ${row.shape} records as the reference counts them`, () => {
      const got = read(row.tracker, row.file);
      const n = countRecords(got.records);
      expect(got.shape).toBe(row.shape);
      expect(n.issues).toBe(Number(row.issues));
      expect(n.pullRequests).toBe(Number(row.pull_requests));
      if (row.closed === "-") {
        expect(n.unknown).toBe(n.issues);
      } else {
        expect(n.closed).toBe(Number(row.closed));
        expect(n.open).toBe(Number(row.open));
      }
      const durations = got.records.flatMap((r) =>
        r.state === "closed" && r.created && r.closed ? [hoursBetween(r.created, r.closed)] : [],
      );
      expect(durations.length).toBe(Number(row.closed_with_dates));
      if (row.median_hours_to_close !== "-") {
        expect(median(durations).toFixed(2)).toBe(row.median_hours_to_close);
      }
      const labels = [...new Set(got.records.flatMap((r) => r.labels))].sort();
      expect(labels.join("|")).toBe(row.labels);
      if (row.tracker === "jira") {
        const priorities = [
          ...new Set(got.records.flatMap((r) => (r.priority ? [r.priority] : []))),
        ].sort();
        expect(priorities.join("|")).toBe(row.priorities);
      }
      for (const r of got.records) {
        expect(r.title === "" ? r.key : r.title, `record ${r.record} has a title or key`).not.toBe(
          "",
        );
        expect(r.sourceId).toMatch(/^(github|gitlab|jira):\S+$/);
      }
      expect(new Set(got.records.map((r) => r.sourceId)).size).toBe(got.records.length);
    });
  }

  for (const row of rows.filter((r) => r.parsed === "no")) {
    it(`${row.file}: rejected with the file and line named`, () => {
      const attempt = () => read("jira", row.file);
      expect(attempt).toThrow(PpppptError);
      try {
        attempt();
      } catch (error) {
        const e = error as PpppptError;
        expect(e.file).toBe(row.file);
        expect(e.line).toBe(1);
        expect(e.describe()).toMatch(/^Makarov.*SearchRequest\.xml:1: text before the XML/);
      }
    });
  }
});

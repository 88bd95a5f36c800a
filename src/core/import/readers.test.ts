import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeItemLine } from "../docket/docket.js";
import { PpppptError } from "../errors.js";
import { GithubReader } from "./github.js";
import { importedItemText, safeTitle } from "./imported-item.js";
import type { IssueRecord } from "./issue-record.js";
import { JiraReader } from "./jira.js";
import { readTaskwarriorExport } from "./taskwarrior.js";
import { parseIsoTimestamp, parseJiraCsvDate, parseRfc822, timestampDate } from "./timestamp.js";

/** Property tests for every reader: any valid input reads back what was written, however chunked. */

const enc = new TextEncoder();

/** Feeds `bytes` to a reader in pieces cut at the given points. */
function chunked(bytes: Uint8Array, cuts: number[], write: (b: Uint8Array) => void): void {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let at = 0;
  for (const p of points) {
    write(bytes.subarray(at, p));
    at = p;
  }
  write(bytes.subarray(at));
}

function utf16(text: string): Uint8Array {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

const title = fc
  .string({ unit: "grapheme", minLength: 1, maxLength: 40 })
  .filter((s) => s.trim() !== "");
const instant = fc.date({
  min: new Date("1990-01-01T00:00:00Z"),
  max: new Date("2035-01-01T00:00:00Z"),
  noInvalidDate: true,
});

describe("timestamps", () => {
  it("ISO 8601 with Z, with offsets (Jira's +0000 too) and Taskwarrior's basic form", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -12 * 60, max: 14 * 60 }), (d, offset) => {
        const ms = Math.floor(d.getTime() / 1000) * 1000;
        expect(parseIsoTimestamp(new Date(ms).toISOString())?.ms).toBe(ms);
        const wall = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
        const sign = offset < 0 ? "-" : "+";
        const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0");
        const mm = String(Math.abs(offset) % 60).padStart(2, "0");
        expect(parseIsoTimestamp(`${wall}.000${sign}${hh}${mm}`)?.ms).toBe(ms);
        expect(parseIsoTimestamp(`${wall}${sign}${hh}:${mm}`)?.ms).toBe(ms);
        const basic = new Date(ms)
          .toISOString()
          .replace(/[-:]/g, "")
          .replace(/\.\d{3}/, "");
        expect(parseIsoTimestamp(basic)?.ms).toBe(ms);
        expect(parseRfc822(new Date(ms).toUTCString())?.ms).toBe(ms);
      }),
    );
  });

  it("Jira CSV dates are floating: their date is the date as written, in any zone", () => {
    const months = [
      "Jan",
      "Feb",
      "Mar",
      "Apr",
      "May",
      "Jun",
      "Jul",
      "Aug",
      "Sep",
      "Oct",
      "Nov",
      "Dec",
    ];
    fc.assert(
      fc.property(
        instant,
        fc.constantFrom("UTC", "Pacific/Kiritimati", "America/Los_Angeles"),
        (d, zone) => {
          const h = d.getUTCHours();
          const text = `${d.getUTCDate()}/${months[d.getUTCMonth()]}/${String(d.getUTCFullYear()).slice(2)} ${h % 12 || 12}:${String(d.getUTCMinutes()).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
          const t = parseJiraCsvDate(text);
          expect(t?.zoned).toBe(false);
          expect(timestampDate(t as NonNullable<typeof t>, zone)).toBe(
            d.toISOString().slice(0, 10),
          );
          const excel = `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
          expect(timestampDate(parseJiraCsvDate(excel) as NonNullable<typeof t>, zone)).toBe(
            d.toISOString().slice(0, 10),
          );
        },
      ),
    );
  });

  it("impossible dates are not dates", () => {
    for (const s of [
      "2026-02-30T10:00:00Z",
      "2026-13-01",
      "31/Feb/26 10:00 AM",
      "Mon, 32 Jan 2026 10:00:00 +0000",
    ]) {
      expect(parseIsoTimestamp(s) ?? parseJiraCsvDate(s) ?? parseRfc822(s)).toBeUndefined();
    }
  });
});

const githubIssue = fc.record({
  number: fc.integer({ min: 1, max: 1e6 }),
  title,
  state: fc.constantFrom("open", "closed", "OPEN", "CLOSED"),
  labels: fc.array(fc.record({ name: title }), { maxLength: 3 }),
  pr: fc.boolean(),
});

describe("GithubReader", () => {
  it("reads every issue of any array, UTF-8 or UTF-16, cut anywhere", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(githubIssue, { selector: (i) => i.number, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.boolean(),
        (issues, cuts, wide) => {
          const json = JSON.stringify(
            issues.map((i) => ({
              number: i.number,
              title: i.title,
              state: i.state,
              labels: i.labels,
              html_url: `https://github.com/o/r/${i.pr ? "pull" : "issues"}/${i.number}`,
              ...(i.pr ? { pull_request: {} } : {}),
            })),
            null,
            wide ? 2 : 0,
          );
          const got: IssueRecord[] = [];
          const reader = new GithubReader("x.json", (r) => got.push(r));
          chunked(wide ? utf16(json) : enc.encode(json), cuts, (b) => reader.write(b));
          reader.end();
          expect(got.map((r) => r.title)).toEqual(issues.map((i) => i.title.trim()));
          expect(got.map((r) => r.state)).toEqual(issues.map((i) => i.state.toLowerCase()));
          expect(got.map((r) => r.isPullRequest)).toEqual(issues.map((i) => i.pr));
          expect(got.map((r) => r.labels)).toEqual(issues.map((i) => i.labels.map((l) => l.name)));
          expect(got.map((r) => r.sourceId)).toEqual(issues.map((i) => `github:o/r#${i.number}`));
        },
      ),
    );
  });

  it("any text that is not JSON is one PpppptError naming the file", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        let parsed = true;
        try {
          JSON.parse(text);
        } catch {
          parsed = false;
        }
        fc.pre(!parsed);
        const reader = new GithubReader("junk.json", () => {});
        try {
          reader.write(enc.encode(text));
          reader.end();
          expect.unreachable();
        } catch (error) {
          expect(error).toBeInstanceOf(PpppptError);
          expect((error as PpppptError).file).toBe("junk.json");
        }
      }),
    );
  });
});

describe("JiraReader", () => {
  const row = fc.record({
    key: fc.integer({ min: 1, max: 9999 }).map((n) => `AB-${n}`),
    summary: title,
    labels: fc.array(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), { maxLength: 3 }),
    resolved: fc.boolean(),
  });

  it("CSV: multi-line quoted fields, every repeated Labels column, resolution by date", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { selector: (r) => r.key, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        (rows, cuts) => {
          const csv = stringify([
            ["Summary", "Issue key", "Created", "Resolved", "Labels", "Labels", "Labels"],
            ...rows.map((r) => [
              r.summary,
              r.key,
              "15/Feb/26 10:53 AM",
              r.resolved ? "16/Feb/26 9:00 AM" : "",
              r.labels[0] ?? "",
              r.labels[1] ?? "",
              r.labels[2] ?? "",
            ]),
          ]);
          const got: IssueRecord[] = [];
          const reader = new JiraReader("x.csv", (r) => got.push(r));
          chunked(enc.encode(csv), cuts, (b) => reader.write(b));
          reader.end();
          expect(got.map((r) => r.title)).toEqual(rows.map((r) => r.summary.trim()));
          expect(got.map((r) => r.labels)).toEqual(rows.map((r) => r.labels));
          expect(got.map((r) => r.state)).toEqual(
            rows.map((r) => (r.resolved ? "closed" : "open")),
          );
        },
      ),
    );
  });

  it("RSS: escaped text and CDATA, sub-task references not counted, cut anywhere", () => {
    const xmlText = (s: string) =>
      s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    // XML 1.0 holds no control characters but tab and newline (a CR is read as a newline).
    const xmlSafe = title.filter((s) =>
      [...s].every((c) => {
        const n = c.codePointAt(0) as number;
        return (
          n === 9 ||
          n === 10 ||
          (n >= 0x20 && n < 0xd800) ||
          (n >= 0xe000 && n <= 0xfffd) ||
          n > 0xffff
        );
      }),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            key: fc.integer({ min: 1, max: 999 }),
            summary: xmlSafe,
            resolved: fc.boolean(),
          }),
          { selector: (r) => r.key, maxLength: 6 },
        ),
        fc.array(fc.nat(), { maxLength: 4 }),
        (items, cuts) => {
          const body = items
            .map(
              (i) =>
                `<item><title>[AB-${i.key}] x</title><key id="1">AB-${i.key}</key><summary>${xmlText(i.summary)}</summary>` +
                `<resolution id="${i.resolved ? "1" : "-1"}">x</resolution><created>Sun, 10 Mar 2024 03:55:53 -0700</created>` +
                `${i.resolved ? "<resolved>Mon, 11 Mar 2024 03:55:53 -0700</resolved>" : ""}<subtasks><subtask id="9">AB-0</subtask></subtasks></item>`,
            )
            .join("\n");
          const xml = `<?xml version="1.0"?>\n<rss version="0.92"><channel><title>t</title>\n${body}\n</channel></rss>`;
          const got: IssueRecord[] = [];
          const reader = new JiraReader("x.xml", (r) => got.push(r));
          chunked(enc.encode(xml), cuts, (b) => reader.write(b));
          reader.end();
          expect(got.map((r) => r.key)).toEqual(items.map((i) => `AB-${i.key}`));
          expect(got.map((r) => r.title)).toEqual(items.map((i) => i.summary.trim()));
          expect(got.map((r) => r.state)).toEqual(
            items.map((i) => (i.resolved ? "closed" : "open")),
          );
        },
      ),
    );
  });
});

describe("Taskwarrior", () => {
  it("the last copy of each uuid wins, array or lines", () => {
    const task = fc.record({
      uuid: fc.constantFrom("u1", "u2", "u3", "u4"),
      description: title,
      status: fc.constantFrom("pending", "completed", "deleted"),
    });
    fc.assert(
      fc.property(fc.array(task, { maxLength: 12 }), fc.boolean(), (tasks, lines) => {
        const text = lines ? tasks.map((t) => JSON.stringify(t)).join("\n") : JSON.stringify(tasks);
        fc.pre(text !== "");
        const file = readTaskwarriorExport(enc.encode(text), "t.json");
        const last = new Map(tasks.map((t) => [t.uuid, t]));
        expect(file.objects).toBe(tasks.length);
        expect(file.tasks.map((t) => [t.uuid, t.description, t.status])).toEqual(
          [...last.values()].map((t) => [t.uuid, t.description, t.status]),
        );
      }),
    );
  });
});

describe("an imported title is always one valid item line", () => {
  it("whatever the title holds", () => {
    const start = fc.constantFrom(
      "",
      "x ",
      "X ",
      "(A) ",
      "2026-03-04 ",
      "2026-03-04",
      "# ",
      "due:soon ",
      "id:7 ",
      "cat:sales ",
      "http://x.y ",
    );
    const text = fc
      .tuple(start, fc.string({ unit: "grapheme", maxLength: 60 }))
      .map(([a, b]) => a + b);
    fc.assert(
      fc.property(text, fc.boolean(), fc.boolean(), (t, done, dated) => {
        const line_ = importedItemText(
          {
            sourceId: "github:o/r#1",
            title: t.trim() === "" ? "#1" : t,
            done,
            completed: done && dated ? "2026-01-02" : undefined,
            created: dated ? "2026-01-01" : undefined,
            due: undefined,
            threshold: undefined,
            priority: done ? undefined : "B",
            projects: [],
            contexts: [],
            tags: [],
            category: undefined,
          },
          "tech",
        );
        const line = makeItemLine(line_, "abcd");
        expect(line.item.done).toBe(done);
        expect(line.item.category).toBe("tech");
        expect(line.item.tags.find((x) => x.key === "src")?.value).toBe("github:o/r#1");
        // The title is the body's start, as written (quoted where it would read as a head).
        const safe = safeTitle(t.trim() === "" ? "#1" : t);
        expect([safe, `"${safe}"`].some((s) => line.item.body.startsWith(`${s} `))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

import { SaxesParser, type SaxesTagPlain } from "saxes";
import { PpppptError } from "../errors.js";

/**
 * One `<testcase>` element's result. The outcome is exclusive and decided by the element's
 * direct children only (docs/health.md, "Counting"): a failure beats an error, an error beats
 * a skip, a skip beats a rerun child; a case with only rerun children passed after a rerun.
 */
export type Outcome = "passed" | "failed" | "error" | "skipped" | "flaky";

export interface TestResult {
  /** The enclosing `<testsuite>` names, outermost first, joined with " › ". */
  suite: string;
  classname: string;
  name: string;
  /** The `file` attribute (pytest xunit1, Playwright, Cypress), when there is one. */
  file: string;
  outcome: Outcome;
  /** Seconds, or null when the attribute is missing or not a number. */
  time: number | null;
  /** How many rerun children (`flakyFailure`, `rerunFailure`, ...) it had. */
  reruns: number;
}

/** What a report says about its own run (the outermost suite's attributes). */
export interface ReportFacts {
  /** The first `timestamp` attribute that reads as a date, as an ISO instant. */
  timestamp: string | undefined;
  hostname: string | undefined;
}

export interface ReportCounts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  flaky: number;
  time: number;
}

const RERUN_CHILDREN = new Set(["flakyFailure", "flakyError", "rerunFailure", "rerunError"]);
const OUTCOME_CHILDREN = new Set(["failure", "error", "skipped", ...RERUN_CHILDREN]);

interface OpenCase {
  attributes: Record<string, string>;
  suite: string;
  children: Set<string>;
  reruns: number;
  depth: number;
}

/** Element names are compared without a namespace prefix, as the JUnit producers differ. */
function localName(name: string): string {
  const colon = name.lastIndexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

/**
 * A streaming reader of one JUnit-style XML report: `write` it the text in pieces, then
 * `close`. Strict: anything that is not well-formed XML throws a PpppptError with the line,
 * so a half-read report is never taken for a whole one. Results go to `onResult` as each
 * `</testcase>` closes; memory stays flat whatever the file's size.
 */
export class JunitReader {
  readonly facts: ReportFacts = { timestamp: undefined, hostname: undefined };
  private readonly parser = new SaxesParser({ position: true });
  private readonly stack: string[] = [];
  private readonly suites: string[] = [];
  private readonly cases: OpenCase[] = [];
  private error: Error | undefined;

  constructor(
    private readonly file: string,
    private readonly onResult: (result: TestResult) => void,
  ) {
    this.parser.on("error", (e) => {
      this.error ??= e;
    });
    this.parser.on("opentag", (tag) => this.open(tag as SaxesTagPlain));
    this.parser.on("closetag", () => this.close_());
  }

  write(text: string): void {
    this.parser.write(text);
    this.check();
  }

  close(): void {
    this.parser.close();
    this.check();
  }

  private check(): void {
    if (this.error === undefined) return;
    // saxes says "file:line:column: message"; we print the file ourselves.
    const m = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(this.error.message);
    const line = m ? Number(m[1]) : this.parser.line;
    const message = m ? (m[3] as string) : this.error.message;
    this.fail(`not well-formed XML: ${message.split("\n")[0]}`, line);
  }

  private fail(message: string, line: number): never {
    throw new PpppptError(message, {
      file: this.file,
      line,
      hint: "The report was not ingested; the other files go on.",
    });
  }

  private open(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    const parent = this.cases[this.cases.length - 1];
    if (parent !== undefined && parent.depth === this.stack.length && OUTCOME_CHILDREN.has(name)) {
      parent.children.add(name);
      if (RERUN_CHILDREN.has(name)) parent.reruns++;
    }
    this.stack.push(name);
    if (name === "testsuite") {
      this.suites.push(tag.attributes.name ?? "");
      this.noteFacts(tag.attributes);
    } else if (name === "testsuites") {
      this.noteFacts(tag.attributes);
    } else if (name === "testcase") {
      this.cases.push({
        attributes: tag.attributes,
        suite: this.suites.filter((s) => s !== "").join(" › "),
        children: new Set(),
        reruns: 0,
        depth: this.stack.length,
      });
    }
  }

  private close_(): void {
    const name = this.stack.pop();
    if (name === "testsuite") this.suites.pop();
    else if (name === "testcase") {
      const open = this.cases.pop() as OpenCase;
      const a = open.attributes;
      this.onResult({
        suite: open.suite,
        classname: a.classname ?? a.class ?? "",
        name: a.name ?? "",
        file: a.file ?? "",
        outcome: outcomeOf(open.children),
        time: a.time === undefined ? null : readSeconds(a.time),
        reruns: open.reruns,
      });
    }
  }

  private noteFacts(attributes: Record<string, string>): void {
    if (this.facts.timestamp === undefined && attributes.timestamp !== undefined) {
      this.facts.timestamp = readTimestamp(attributes.timestamp);
    }
    if (this.facts.hostname === undefined && attributes.hostname) {
      this.facts.hostname = attributes.hostname;
    }
  }
}

function outcomeOf(children: Set<string>): Outcome {
  if (children.has("failure")) return "failed";
  if (children.has("error")) return "error";
  if (children.has("skipped")) return "skipped";
  for (const c of children) if (RERUN_CHILDREN.has(c)) return "flaky";
  return "passed";
}

const SECONDS = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d*)?([eE][+-]?\d+)?$/;

/**
 * A `time` attribute in seconds: `14,029.255` (a thousands separator), `1e-3`, `-345245` (kept
 * as it is: the sum is the report's), or null for what is not a number (`<<computed>>`).
 */
export function readSeconds(text: string): number | null {
  const t = text.trim();
  if (!SECONDS.test(t) || !/\d/.test(t)) return null;
  const n = Number(t.replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
}

/**
 * Zone abbreviations reports are seen with. IST is read as India (+05:30), the zone TestNG
 * reports in the fixtures come from; Irish and Israel time share the letters.
 */
const ZONES: Record<string, string> = {
  UTC: "+00:00",
  GMT: "+00:00",
  Z: "+00:00",
  BST: "+01:00",
  CET: "+01:00",
  CEST: "+02:00",
  EET: "+02:00",
  EEST: "+03:00",
  IST: "+05:30",
  JST: "+09:00",
  EST: "-05:00",
  EDT: "-04:00",
  CST: "-06:00",
  CDT: "-05:00",
  MST: "-07:00",
  MDT: "-06:00",
  PST: "-08:00",
  PDT: "-07:00",
};

/**
 * A report's `timestamp` as an ISO instant: ISO 8601 with or without zone (none: UTC, as CI
 * machines run), RFC 1123 (`Tue, 04 Jun 2019 23:30:02 GMT`), ISO followed by a zone name
 * (`2026-04-11T19:11:05 IST`). Go's zero time (`0001-01-01T00:00:00Z`) and anything before
 * 1970 means "not recorded".
 */
export function readTimestamp(text: string): string | undefined {
  const t = text.trim();
  let ms: number;
  const iso =
    /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2}|[A-Z]{1,5})?$/.exec(
      t,
    );
  if (iso) {
    const zoneText = iso[3] ?? "Z";
    const zone = /^[+-]/.test(zoneText)
      ? zoneText.replace(/^([+-]\d{2})(\d{2})$/, "$1:$2")
      : ZONES[zoneText];
    if (zone === undefined) return undefined;
    const fraction = (iso[2] as string).replace(/(\.\d{3})\d+$/, "$1");
    ms = Date.parse(`${iso[1]}T${fraction}${zone}`);
  } else if (/^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} (GMT|UTC)$/.test(t)) {
    ms = Date.parse(t);
  } else {
    return undefined;
  }
  if (!Number.isFinite(ms) || ms < 0) return undefined;
  return new Date(ms).toISOString();
}

export function emptyCounts(): ReportCounts {
  return { tests: 0, failures: 0, errors: 0, skipped: 0, flaky: 0, time: 0 };
}

/** Adds one result to the per-element counts EXPECTED.tsv and `ingest --json` use. */
export function countResult(counts: ReportCounts, r: TestResult): void {
  counts.tests++;
  if (r.outcome === "failed") counts.failures++;
  else if (r.outcome === "error") counts.errors++;
  else if (r.outcome === "skipped") counts.skipped++;
  else if (r.outcome === "flaky") counts.flaky++;
  if (r.time !== null) counts.time += r.time;
}

/** Reads a whole report held in memory (tests, small files); the store streams instead. */
export function readJunitText(
  text: string,
  file: string,
): { results: TestResult[]; facts: ReportFacts } {
  const results: TestResult[] = [];
  const reader = new JunitReader(file, (r) => results.push(r));
  reader.write(text);
  reader.close();
  return { results, facts: reader.facts };
}

/**
 * Turns a report's bytes into text piece by piece. UTF-8 unless the file starts with a
 * UTF-16 byte-order mark; the mark itself is dropped (the XML parser would take it for text
 * before the declaration). Other encodings in the declaration are left to the parser, which
 * rejects names that are not names (`UTF-16 LE`).
 */
export class ReportDecoder {
  private decoder: TextDecoder | undefined;
  private pending: Uint8Array | undefined;

  decode(bytes: Uint8Array): string {
    let chunk = bytes;
    if (this.decoder === undefined) {
      if (this.pending !== undefined) {
        const joined = new Uint8Array(this.pending.length + chunk.length);
        joined.set(this.pending);
        joined.set(chunk, this.pending.length);
        chunk = joined;
        this.pending = undefined;
      }
      if (chunk.length < 2) {
        this.pending = chunk;
        return "";
      }
      const encoding =
        chunk[0] === 0xff && chunk[1] === 0xfe
          ? "utf-16le"
          : chunk[0] === 0xfe && chunk[1] === 0xff
            ? "utf-16be"
            : "utf-8";
      this.decoder = new TextDecoder(encoding, { fatal: true });
    }
    return this.decodeChecked(chunk, true);
  }

  end(): string {
    if (this.decoder === undefined) {
      this.decoder = new TextDecoder("utf-8", { fatal: true });
      return this.decodeChecked(this.pending ?? new Uint8Array(), false);
    }
    return this.decodeChecked(new Uint8Array(), false);
  }

  private decodeChecked(bytes: Uint8Array, stream: boolean): string {
    try {
      return (this.decoder as TextDecoder).decode(bytes, { stream });
    } catch {
      throw new PpppptError("not well-formed XML: bytes that are not valid UTF-8 or UTF-16");
    }
  }
}

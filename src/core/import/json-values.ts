import { JSONParser } from "@streamparser/json";
import { PpppptError } from "../errors.js";
import { ExportDecoder } from "./decode.js";
import type { IssueRecord } from "./issue-record.js";

/** One JSON value read from an export: an element of a top-level array, or a whole document. */
export interface JsonRecord {
  value: unknown;
  /** 1-based: the element's place in the array, or the document's place in a JSON-lines file. */
  record: number;
  /** An element of a top-level array (true), or a top-level document (false). */
  inArray: boolean;
}

/**
 * Reads JSON text a chunk at a time and hands over each top-level array element (or each
 * top-level document, for one-object-per-line files and single API responses) as soon as it
 * is complete. A 100,000-issue array is never held whole: only the element being read.
 *
 * Syntax errors name the line; text before the JSON (a `#` comment, a browser's prose) is
 * rejected on its line rather than skipped, since the rest may not be what it claims.
 */
export class JsonRecords {
  private parser: JSONParser | undefined;
  private pending = "";
  private records = 0;
  private linesBefore = 1;
  private chunkStart = 0;
  private chunk = "";
  private error: PpppptError | undefined;
  private readonly file: string;
  private readonly onRecord: (r: JsonRecord) => void;
  private mode: "array" | "documents" | undefined;

  constructor(file: string, onRecord: (r: JsonRecord) => void) {
    this.file = file;
    this.onRecord = onRecord;
  }

  write(text: string): void {
    if (text === "") return;
    if (!this.parser) {
      this.pending += text;
      const first = /\S/.exec(this.pending);
      if (!first) return;
      this.begin(this.pending, first.index);
      const all = this.pending;
      this.pending = "";
      this.feed(all);
      return;
    }
    this.feed(text);
  }

  end(): void {
    if (!this.parser) {
      if (this.pending.trim() === "")
        throw new PpppptError("the file is empty", { file: this.file });
      return;
    }
    try {
      this.parser.end();
    } catch (error) {
      this.fail(error);
    }
    if (this.error) throw this.error;
  }

  private begin(text: string, at: number): void {
    const c = text[at] as string;
    const line = 1 + countNewlines(text, 0, at);
    if (c === "#" || c === "/") {
      throw new PpppptError("a comment line before the JSON: the file is not JSON", {
        file: this.file,
        line,
        hint: "Remove the lines before the first [ or { and import it again.",
      });
    }
    if (c !== "[" && c !== "{") {
      throw new PpppptError(
        `not JSON: it starts with "${text.slice(at, at + 20).split(/\r?\n/)[0]}"`,
        {
          file: this.file,
          line,
        },
      );
    }
    this.mode = c === "[" ? "array" : "documents";
    const parser = new JSONParser({
      paths: [this.mode === "array" ? "$.*" : "$"],
      keepStack: false,
      separator: "",
    });
    parser.onValue = ({ value }) => {
      this.records++;
      this.onRecord({ value, record: this.records, inArray: this.mode === "array" });
    };
    parser.onError = (error) => {
      this.fail(error);
    };
    this.parser = parser;
  }

  private feed(text: string): void {
    this.chunkStart += this.chunk.length;
    this.linesBefore += countNewlines(this.chunk, 0, this.chunk.length);
    this.chunk = text;
    try {
      (this.parser as JSONParser).write(text);
    } catch (error) {
      this.fail(error);
    }
    if (this.error) throw this.error;
  }

  private fail(error: unknown): void {
    if (this.error) return;
    if (error instanceof PpppptError) {
      this.error = error;
      return;
    }
    const message = (error as Error).message ?? String(error);
    const at = /absolute position "(\d+)"/.exec(message);
    let line = this.linesBefore + countNewlines(this.chunk, 0, this.chunk.length);
    if (at) {
      const offset = Number(at[1]) - this.chunkStart;
      if (offset >= 0 && offset <= this.chunk.length)
        line = this.linesBefore + countNewlines(this.chunk, 0, offset);
    }
    const what = /Unexpected end|ended/i.test(message)
      ? "the JSON ends too early (the file is truncated)"
      : `not valid JSON (${message.replace(/ at chunk position.*$/, "").replace(/\.$/, "")})`;
    this.error = new PpppptError(`${what}, after ${this.records} complete records`, {
      file: this.file,
      line,
    });
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i !== -1 && i < to; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** Every record of a whole JSON text (for callers that already hold the text). */
export function jsonRecords(text: string, file: string): JsonRecord[] {
  const out: JsonRecord[] = [];
  const reader = new JsonRecords(file, (r) => out.push(r));
  reader.write(text);
  reader.end();
  return out;
}

/** Bytes of a JSON export (any encoding ExportDecoder reads) to records, a chunk at a time. */
export class JsonExport {
  private readonly decoder: ExportDecoder;
  private readonly json: JsonRecords;

  constructor(file: string, onRecord: (r: JsonRecord) => void) {
    this.decoder = new ExportDecoder(file);
    this.json = new JsonRecords(file, onRecord);
  }

  write(bytes: Uint8Array): void {
    this.json.write(this.decoder.write(bytes));
  }

  end(): void {
    this.json.write(this.decoder.end());
    this.json.end();
  }
}

/**
 * A tracker's JSON export reader: decoding, streaming and the IssueReader calls are the same
 * for every tracker; `issuesIn` says what one top-level record holds.
 */
export abstract class JsonIssueReader {
  shape: string | undefined;
  protected readonly file: string;
  private readonly json: JsonExport;

  constructor(file: string, onIssue: (r: IssueRecord) => void) {
    this.file = file;
    this.json = new JsonExport(file, (r) => {
      for (const issue of this.issuesIn(r)) onIssue(issue);
    });
  }

  write(bytes: Uint8Array): void {
    this.json.write(bytes);
  }

  end(): void {
    this.json.end();
  }

  protected abstract issuesIn(r: JsonRecord): IssueRecord[];
}

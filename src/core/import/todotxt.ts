import type { Categoriser } from "../capture.js";
import { appendLines } from "../docket/docket.js";
import { setTag } from "../docket/edit.js";
import type { Docket, ItemLine, Line } from "../docket/item.js";
import { parseDocket } from "../docket/parse.js";
import { appendTexts, emptySummary, type MergeSummary, skip } from "./merge.js";

/**
 * Another todo.txt (a phone's Simpletask file, a done.txt) merged into the docket. A line
 * already in the docket, byte for byte or with only ppppt's own keys added (`id:`, `cat:`…),
 * is not added again. Lines ppppt cannot read come in verbatim, as any unreadable line does,
 * and are reported; blank lines and comments are left out.
 */

/**
 * The keys ppppt writes by itself or alone reads; todo.txt's shared ones (`due:`, `t:`, `rec:`,
 * `h:`) are part of what a line says, so a line with another due date is another line.
 */
const OWN_KEYS = ["id", "cat", "pri", "est", "spent"] as const;
const OWN = new RegExp(`^(?:${OWN_KEYS.join("|")}):`);

/** The line without ppppt's own tags, spaces as they were between the other words. */
export function withoutOwnKeys(text: string): string {
  return text
    .split(/[ \t]+/)
    .filter((w) => !OWN.test(w))
    .join(" ")
    .trim();
}

function key(line: Line): string {
  if (line.kind === "item") return `i ${withoutOwnKeys(line.text)}`;
  const t = line.text;
  return typeof t === "string" ? `o ${t}` : `b ${Buffer.from(t).toString("base64")}`;
}

export interface TodoTxtImport {
  docket: Docket;
  summary: MergeSummary;
  /** The lines added, for the dry-run listing. */
  added: ItemLine[];
  read: number;
  /** Lines that came in verbatim because ppppt cannot read them, by line number in the file. */
  verbatim: { line: number; problem: string }[];
}

export function mergeTodoTxt(
  docket: Docket,
  bytes: Uint8Array,
  categorise: Categoriser,
): TodoTxtImport {
  const incoming = parseDocket(bytes);
  const have = new Set<string>();
  for (const l of docket.lines) if (l.kind === "item" || l.kind === "invalid") have.add(key(l));
  const summary = emptySummary();
  const texts: string[] = [];
  const invalid: Line[] = [];
  const verbatim: TodoTxtImport["verbatim"] = [];
  let read = 0;
  for (const line of incoming.lines) {
    read++;
    if (line.kind === "blank") {
      skip(summary, "blank line");
      continue;
    }
    if (line.kind === "comment") {
      skip(summary, "comment");
      continue;
    }
    const k = key(line);
    if (have.has(k)) {
      summary.unchanged++;
      continue;
    }
    have.add(k);
    if (line.kind !== "item") {
      invalid.push({ ...line, number: 0, eol: "" });
      verbatim.push({ line: line.number, problem: line.problem ?? "unreadable" });
      continue;
    }
    let text = line.text;
    if (!line.item.category) {
      const guess = categorise(line.item.title);
      if (guess) text = setTag(text, "cat", `${guess.category}${guess.unsure ? "?" : ""}`);
    }
    texts.push(text);
  }
  let out = docket;
  let added: ItemLine[] = [];
  if (texts.length > 0) {
    const appended = appendTexts(out, texts);
    out = appended.docket;
    added = appended.lines;
  }
  if (invalid.length > 0) out = appendLines(out, invalid);
  summary.added = texts.length + invalid.length;
  return { docket: out, summary, added, read, verbatim };
}

import { type Category, isCategory } from "../category.js";
import { PpppptError } from "../errors.js";

/**
 * The real-world evaluation set (data/eval/realworld.tsv): leadership text nobody on the team
 * wrote, taken as it stands from public sources and labelled with the rubric in
 * docs/classification.md. It measures the model on the field's phrasing and is never trained
 * on, so it has its own format (a header, an ambiguity flag, the source of every row) and a
 * check that no training text repeats one of its items.
 */
export interface EvalItem {
  text: string;
  category: Category;
  /** The rubric does not settle the label on the text alone. */
  ambiguous: boolean;
  /** Where the text came from: `owner/repo:path` or a URL. */
  source: string;
}

export const EVAL_SET_HEADER = "text\tcategory\tambiguous\tsource";

export function parseEvalSet(source: string, file = "realworld.tsv"): EvalItem[] {
  const lines = source.split(/\r?\n/);
  if (lines[0] !== EVAL_SET_HEADER) {
    throw new PpppptError(`the first line must be the header ${JSON.stringify(EVAL_SET_HEADER)}`, {
      file,
      line: 1,
    });
  }
  const items: EvalItem[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === "") continue;
    const fields = line.split("\t");
    const [text = "", category = "", ambiguous = "", from = ""] = fields;
    const problem =
      fields.length !== 4
        ? `${fields.length} fields, not 4 (text, category, ambiguous, source)`
        : text.trim() === ""
          ? "no text"
          : !isCategory(category)
            ? `unknown category ${JSON.stringify(category)}`
            : ambiguous !== "0" && ambiguous !== "1"
              ? `ambiguous is ${JSON.stringify(ambiguous)}, not 0 or 1`
              : from.trim() === ""
                ? "no source"
                : undefined;
    if (problem !== undefined || !isCategory(category)) {
      throw new PpppptError(problem ?? "bad row", {
        file,
        line: i + 1,
        hint: "Each row is text<TAB>category<TAB>0|1<TAB>source, the category one of people, product, process, public, tech.",
      });
    }
    items.push({ text, category, ambiguous: ambiguous === "1", source: from });
  }
  return items;
}

/**
 * The form two texts are compared in to tell whether a training file repeats an evaluation
 * item: case folded, every run of characters that are not letters or digits one space, so
 * punctuation, markdown and spacing cannot hide a copy.
 */
export function normaliseForOverlap(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Long enough that finding it inside a longer training line is a copy, not a coincidence. */
const EMBEDDED_COPY_WORDS = 8;

/**
 * The evaluation texts a training text repeats: equal after normalising, or (for items of at
 * least eight words) contained in it. `trainingTexts` are the candidate items of a training
 * file: its lines, its tab-separated fields, its JSON strings.
 */
export function findOverlaps(
  evalTexts: readonly string[],
  trainingTexts: Iterable<string>,
): string[] {
  const wanted = new Map<string, string>();
  for (const t of evalTexts) {
    const n = normaliseForOverlap(t);
    if (n !== "") wanted.set(n, t);
  }
  const long = [...wanted].filter(([n]) => n.split(" ").length >= EMBEDDED_COPY_WORDS);
  const found = new Set<string>();
  for (const training of trainingTexts) {
    const n = normaliseForOverlap(training);
    if (n === "") continue;
    const exact = wanted.get(n);
    if (exact !== undefined) found.add(exact);
    for (const [needle, original] of long) {
      if (n.length > needle.length && ` ${n} `.includes(` ${needle} `)) found.add(original);
    }
  }
  return [...found];
}

/**
 * The repository a source names, lower-cased, for the rule that training text keeps away from
 * every repository the evaluation set draws on: `owner/repo` of `owner/repo:path` or of a GitHub
 * URL; the host of any other page.
 */
export function repositoryOf(source: string): string {
  const github = /^https?:\/\/github\.com\/([^/]+\/[^/#?]+)/i.exec(source);
  if (github) return (github[1] as string).toLowerCase();
  if (/^https?:\/\//i.test(source)) return new URL(source).host.toLowerCase();
  return (source.split(":")[0] as string).toLowerCase();
}

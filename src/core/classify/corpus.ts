import { type Category, isCategory } from "../category.js";
import { PpppptError } from "../errors.js";

/**
 * The training corpus: `category<TAB>text`, one labelled item a line; `#` starts a comment.
 * A third column, where present, names where the text came from (data/corpus-realworld.tsv:
 * `owner/repo:path`). It is data labelled by hand, so a bad line is an error that names the
 * line, never something skipped quietly.
 */
export interface Example {
  category: Category;
  text: string;
  /** Where a text taken from public material came from; absent for the team's own rows. */
  source?: string;
}

/**
 * The files the shipped model is trained on, relative to the package root: the team's own
 * corpus, then text nobody on the team wrote (public handbooks, runbooks, minutes, issue and
 * pull-request titles, labelled with the same rubric; docs/classification.md, data/SOURCES.md),
 * one file per genre it was gathered for. `npm run train`, `npm run eval` and the test that
 * checks data/model.bin all read these, in this order.
 */
export const TRAINING_FILES = [
  "data/corpus.tsv",
  "data/corpus-realworld.tsv",
  "data/corpus-realworld-tech.tsv",
  "data/corpus-realworld-pp.tsv",
  "data/corpus-realworld-pub.tsv",
  "data/corpus-realworld-proc.tsv",
  "data/corpus-realworld-ppl2.tsv",
  "data/corpus-realworld-prod2.tsv",
  "data/corpus-realworld-hb1.tsv",
  "data/corpus-realworld-hb2.tsv",
  "data/corpus-realworld-hb3.tsv",
] as const;

export function parseCorpus(content: string, file = "corpus.tsv"): Example[] {
  const examples: Example[] = [];
  const lines = content.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === "" || line.startsWith("#")) continue;
    const [category = "", rest = "", source, extra] = line.split("\t");
    const text = rest.trim();
    if (!isCategory(category) || text === "" || source?.trim() === "" || extra !== undefined) {
      throw new PpppptError(`not "category<TAB>text[<TAB>source]": ${JSON.stringify(line)}`, {
        file,
        line: i + 1,
        hint: "Start the line with people, product, process, public or tech, then a tab, the text and, if it came from public material, a tab and its source.",
      });
    }
    examples.push(
      source === undefined ? { category, text } : { category, text, source: source.trim() },
    );
  }
  return examples;
}

import { type Category, isCategory } from "../category.js";
import { PpppptError } from "../errors.js";

/**
 * The training corpus: `category<TAB>text`, one labelled item a line; `#` starts a comment.
 * It is data the team writes by hand (data/corpus.tsv), so a bad line is an error that names
 * the line, never something skipped quietly.
 */
export interface Example {
  category: Category;
  text: string;
}

export function parseCorpus(source: string, file = "corpus.tsv"): Example[] {
  const examples: Example[] = [];
  const lines = source.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === "" || line.startsWith("#")) continue;
    const tab = line.indexOf("\t");
    const category = tab === -1 ? "" : line.slice(0, tab);
    const text = tab === -1 ? "" : line.slice(tab + 1).trim();
    if (!isCategory(category) || text === "") {
      throw new PpppptError(`not "category<TAB>text": ${JSON.stringify(line)}`, {
        file,
        line: i + 1,
        hint: "Start the line with people, product, process, public or tech, then a tab.",
      });
    }
    examples.push({ category, text });
  }
  return examples;
}

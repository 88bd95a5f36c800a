import { CATEGORIES, type Category, isCategory } from "../category.js";
import { PpppptError } from "../errors.js";
import { score } from "./evaluation.js";

/**
 * How far two people labelling the same texts agree: the ceiling a model reading those texts
 * can honestly be held to. Macro-F1 treats one labelling as the answer and the other as a
 * prediction (F1 is the same either way round: precision and recall trade places), and Cohen's
 * kappa discounts the agreement two labellers would reach by chance given how often each uses
 * each category, so a set dominated by one category cannot look agreed on by accident.
 */
export interface Agreement {
  count: number;
  /** Share of texts given the same category. */
  accuracy: number;
  macroF1: number;
  perCategoryF1: Record<Category, number>;
  kappa: number;
}

export function agreement(first: readonly Category[], second: readonly Category[]): Agreement {
  if (first.length !== second.length) {
    throw new RangeError(`${first.length} labels against ${second.length}: not the same texts`);
  }
  const scores = score(first.map((actual, i) => ({ actual, predicted: second[i] as Category })));
  const perCategoryF1 = {} as Record<Category, number>;
  for (const c of CATEGORIES) perCategoryF1[c] = scores.perCategory[c].f1;
  return {
    count: first.length,
    accuracy: scores.accuracy,
    macroF1: scores.macroF1,
    perCategoryF1,
    kappa: cohensKappa(first, second),
  };
}

/**
 * (observed − chance) / (1 − chance), chance being the agreement of two labellers who kept
 * their own category frequencies but labelled at random. When chance is 1 (both used one and
 * the same category throughout) nothing is left to agree on beyond chance; that is counted as
 * full agreement, not a division by zero.
 */
export function cohensKappa(first: readonly Category[], second: readonly Category[]): number {
  const n = first.length;
  if (n === 0 || n !== second.length) return Number.NaN;
  let same = 0;
  const firstCount = new Map<Category, number>();
  const secondCount = new Map<Category, number>();
  for (let i = 0; i < n; i++) {
    const a = first[i] as Category;
    const b = second[i] as Category;
    if (a === b) same++;
    firstCount.set(a, (firstCount.get(a) ?? 0) + 1);
    secondCount.set(b, (secondCount.get(b) ?? 0) + 1);
  }
  const observed = same / n;
  let chance = 0;
  for (const c of CATEGORIES)
    chance += ((firstCount.get(c) ?? 0) / n) * ((secondCount.get(c) ?? 0) / n);
  return chance === 1 ? 1 : (observed - chance) / (1 - chance);
}

export const ANNOTATOR_LABELS_HEADER = "text\tcategory";

/** One annotator's labels for the evaluation set's texts: a header, then text<TAB>category. */
export function parseAnnotatorLabels(
  source: string,
  file = "second-annotator.tsv",
): { text: string; category: Category }[] {
  const lines = source.split(/\r?\n/);
  if (lines[0] !== ANNOTATOR_LABELS_HEADER) {
    throw new PpppptError(
      `the first line must be the header ${JSON.stringify(ANNOTATOR_LABELS_HEADER)}`,
      { file, line: 1 },
    );
  }
  const rows: { text: string; category: Category }[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === "") continue;
    const fields = line.split("\t");
    const [text = "", category = ""] = fields;
    const problem =
      fields.length !== 2
        ? `${fields.length} fields, not 2 (text, category)`
        : text.trim() === ""
          ? "no text"
          : !isCategory(category)
            ? `unknown category ${JSON.stringify(category)}`
            : undefined;
    if (problem !== undefined || !isCategory(category)) {
      throw new PpppptError(problem ?? "bad row", {
        file,
        line: i + 1,
        hint: "Each row is text<TAB>category, the category one of people, product, process, public, tech.",
      });
    }
    rows.push({ text, category });
  }
  return rows;
}

/**
 * The second labelling in the first one's order, checked to be of exactly the same texts: an
 * agreement figure over misaligned rows would compare labels of different items and still look
 * plausible.
 */
export function alignLabels(
  texts: readonly string[],
  labelled: readonly { text: string; category: Category }[],
): Category[] {
  if (texts.length !== labelled.length) {
    throw new RangeError(`${labelled.length} labelled texts for a set of ${texts.length}`);
  }
  return texts.map((text, i) => {
    const row = labelled[i] as { text: string; category: Category };
    if (row.text !== text) {
      throw new RangeError(
        `row ${i + 1} labels ${JSON.stringify(row.text)}, not ${JSON.stringify(text)}`,
      );
    }
    return row.category;
  });
}

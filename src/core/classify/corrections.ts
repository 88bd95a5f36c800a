import { type Category, isCategory } from "../category.js";
import { type IsoDate, isIsoDate } from "../dates.js";
import type { NaiveBayes } from "./naive-bayes.js";

/**
 * The user's corrections: every `recat` (a fix or a confirmation) is one line in a small file
 * beside the docket, `2026-11-25 tech Review the Zephyr rollout plan`. Folded into the model's
 * counts with a strong weight, they teach it this user's words (their reports' names, their
 * project code names) at once: three corrections of items naming "Zephyr" outweigh everything
 * the corpus says about the other words in those items.
 */
export interface Correction {
  date: IsoDate;
  category: Category;
  text: string;
}

/**
 * How many corpus rows one correction counts as, for a model trained on
 * WEIGHT_MEASURED_AT_ROWS rows (for naive Bayes alone; applyCorrections scales it for the
 * residual). Strong enough that three corrections make a new code name decide its items;
 * measured harmless: 60 corrections per held-out fold, at weights 3 to 15, left accuracy on the
 * fold's other items within 0.4 points of none.
 */
export const CORRECTION_WEIGHT = 10;

/**
 * The training rows CORRECTION_WEIGHT was chosen and checked at (the shipped model's `rows`
 * then): weights 3 to 15 were harmless there, 0.17% to 0.87% of the corpus per correction.
 */
const WEIGHT_MEASURED_AT_ROWS = 1732;

/**
 * The weight of one correction for a model trained on `rows` rows: the same share of what the
 * model has read as when it was checked (0.58%, inside the range found harmless), never less
 * than CORRECTION_WEIGHT. A fixed count of rows is worth less with every row the corpus gains:
 * at 3,291 rows, ten no longer made three corrections of an unseen code name decide a text that
 * also says "next steps".
 */
export function correctionWeight(rows: number): number {
  return CORRECTION_WEIGHT * Math.max(1, rows / WEIGHT_MEASURED_AT_ROWS);
}

export function formatCorrection(c: Correction): string {
  return `${c.date} ${c.category} ${c.text.replace(/\s+/g, " ").trim()}`;
}

/** Reads the corrections file; lines it cannot read are skipped (it is a hint, not a record). */
export function parseCorrections(source: string): Correction[] {
  const out: Correction[] = [];
  for (const line of source.split(/\r?\n/)) {
    const m = /^(\S+) (\S+) (.+)$/.exec(line.trim());
    if (!m) continue;
    const [, date, category, text] = m as unknown as [string, string, string, string];
    if (isIsoDate(date) && isCategory(category)) out.push({ date, category, text });
  }
  return out;
}

/**
 * Folds corrections into the model's counts. The shipped score keeps only `residualScale` of
 * naive Bayes's log-scores (residual.ts: about 0.4), a correction's counts included, while the
 * residual's weights on the corpus's words stay as they are; dividing the weight by the scale
 * keeps a correction about as strong against the shipped model as it is against naive Bayes
 * alone. Without it, three corrections naming "Quillfeather" no longer outweighed what the
 * residual had learnt about "next steps".
 */
export function applyCorrections(
  model: NaiveBayes,
  corrections: readonly Correction[],
  weight = CORRECTION_WEIGHT,
): void {
  if (corrections.length > 0) model.learn(corrections, weight / model.residualScale);
}

import type { CategoryGuess } from "../capture.js";
import { type Category, isCategory } from "../category.js";

/**
 * Guesses remembered between runs, so a repeat `list` (or `next`, `balance`, `show`) on a
 * docket whose uncategorised items have not changed answers without loading the model (tens of
 * milliseconds against a start-up budget of about fifty). The answer for a text depends on the
 * text, the model and the docket's corrections: a cache file carries a fingerprint of the last
 * two (the store builds it), and one whose fingerprint differs is ignored whole.
 *
 * The file is a few lines of plain text, cheaper to read than JSON and readable by a person:
 *
 *     ppppt guesses 1 <fingerprint>
 *     tech 0.83 . Review the caching RFC
 *     people 0.55 ? 1:1 with Dana about the promo packet
 *     end 2
 *
 * one line per text: the category, its probability (to two decimals, as `add` shows it), `?`
 * when unsure (stored as `cat:tech?`) else `.`, then the text. The closing count tells a
 * complete file from a cut one; anything that does not read back exactly is no cache at all.
 */

export interface RememberedGuess {
  category: Category;
  probability: number;
  unsure: boolean;
}

/**
 * A remembered guess as the categorisers give it. The reason (the telling words) needs the
 * model, so it is not remembered: the commands that show a reason (`add`, the dashboard's
 * preview) classify afresh; the ones that read remembered guesses show only the category and
 * its probability. A class, so reading a file of guesses builds each one once and works out
 * no reason until one is read.
 */
export class Remembered implements RememberedGuess, CategoryGuess {
  constructor(
    readonly category: Category,
    readonly probability: number,
    readonly unsure: boolean,
  ) {}

  get reason(): string {
    return `remembered from an earlier run; p=${this.probability.toFixed(2)}`;
  }
}

/** Bumped when the format, or what a guess depends on beyond the fingerprint, changes. */
export const GUESS_CACHE_VERSION = 1;

/** Entries kept beyond those the current run needed: guesses a filtered run did not ask for. */
export const KEPT_BEYOND_NEEDED = 1000;

const HEADER = `ppppt guesses ${GUESS_CACHE_VERSION} `;

/** Texts on one line only; a text with a line break is never remembered (it is never a title). */
export function rememberable(text: string): boolean {
  return !/[\r\n]/.test(text);
}

export function formatGuessCache(
  fingerprint: string,
  guesses: Iterable<[string, RememberedGuess]>,
): string {
  let out = `${HEADER}${fingerprint}\n`;
  let count = 0;
  for (const [text, g] of guesses) {
    if (!rememberable(text)) continue;
    out += `${g.category} ${g.probability} ${g.unsure ? "?" : "."} ${text}\n`;
    count++;
  }
  return `${out}end ${count}\n`;
}

/** The remembered guesses, or undefined if the file is for another fingerprint or unreadable. */
export function parseGuessCache(
  source: string,
  fingerprint: string,
): Map<string, Remembered> | undefined {
  const lines = source.split("\n");
  if (lines[0] !== `${HEADER}${fingerprint}`) return undefined;
  // A complete file ends "end N\n": its last element after the split is "".
  const last = lines.length - 2;
  if (last < 1 || lines[last + 1] !== "" || lines[last] !== `end ${last - 1}`) return undefined;
  const guesses = new Map<string, Remembered>();
  for (let i = 1; i < last; i++) {
    const line = lines[i] as string;
    const a = line.indexOf(" ");
    const b = line.indexOf(" ", a + 1);
    const category = line.slice(0, a);
    const probability = Number(line.slice(a + 1, b));
    const flag = line.slice(b + 1, b + 2);
    if (
      a < 0 ||
      b < 0 ||
      !isCategory(category) ||
      !(probability >= 0 && probability <= 1) ||
      (flag !== "?" && flag !== ".") ||
      line.charCodeAt(b + 2) !== 32
    ) {
      return undefined;
    }
    guesses.set(line.slice(b + 3), new Remembered(category, probability, flag === "?"));
  }
  return guesses;
}

/**
 * What the next file holds: every guess this run needed, then up to `KEPT_BEYOND_NEEDED` of the
 * earlier ones (most recently needed first), so the file tracks the docket instead of growing
 * with every item ever guessed.
 */
export function guessesToKeep(
  needed: ReadonlyMap<string, RememberedGuess>,
  earlier: ReadonlyMap<string, RememberedGuess> | undefined,
  beyond = KEPT_BEYOND_NEEDED,
): Map<string, RememberedGuess> {
  const kept = new Map(needed);
  if (!earlier) return kept;
  let room = beyond;
  for (const [text, guess] of earlier) {
    if (room === 0) break;
    if (kept.has(text)) continue;
    kept.set(text, guess);
    room--;
  }
  return kept;
}

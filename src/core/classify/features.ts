/**
 * The features naive Bayes counts for one text: its words, its word pairs, and the character
 * n-grams inside each word. Words carry most of the meaning; pairs catch phrases whose words
 * mislead alone ("design review" against "performance review"); character n-grams let an
 * unseen form share weight with a seen one ("interviewing" with "interview", "k8s-prod" with
 * "prod").
 *
 * Character n-grams are hashed to 30-bit integers instead of sliced into strings: they are
 * most of the features of a text, and integer keys keep classification far above 50,000 texts
 * a second. At the corpus's ~10,000 distinct n-grams a collision is a one-in-a-hundred-thousand
 * event per pair, and costs at worst a little noise.
 *
 * Every feature knows the word or pair it came from, so `why` can explain a category in words a
 * person wrote rather than in n-grams.
 */

export interface FeatureWeights {
  word: number;
  pair: number;
  /** Shared by all character n-grams of one word, so long words do not outvote short ones. */
  chars: number;
}

export const DEFAULT_WEIGHTS: FeatureWeights = { word: 1, pair: 0.6, chars: 2 };

export const CHAR_SIZES = [3, 4] as const;

export type FeatureKind = "w" | "p" | "c";

export type FeatureVisitor = (
  kind: FeatureKind,
  key: string | number,
  weight: number,
  source: string,
) => void;

/**
 * Calls `visit` for each feature of the tokens with its weight and the token (or pair) it
 * came from. A feature that occurs twice is visited twice; callers count each once per text.
 */
export function visitFeatures(
  tokens: readonly string[],
  weights: FeatureWeights,
  visit: FeatureVisitor,
): void {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    visit("w", token, weights.word, token);
    if (i > 0) {
      const pair = `${tokens[i - 1]} ${token}`;
      visit("p", pair, weights.pair, pair);
    }
    if (!hasCharGrams(token)) continue;
    const each = weights.chars / charGramCount(token.length);
    for (const n of CHAR_SIZES) {
      for (let start = -1; start + n <= token.length + 1; start++) {
        visit("c", charGramHash(token, start, n), each, token);
      }
    }
  }
}

/** Words of three characters or more get n-grams; "#num"-style markers and emoji do not. */
export function hasCharGrams(token: string): boolean {
  const c = token.charCodeAt(0);
  return token.length >= 3 && c !== 35 && (c < 0xd800 || c > 0xdfff) && c !== 0x2764;
}

/** "<" + token + ">" has length + 3 - n n-grams of size n. */
export function charGramCount(length: number): number {
  let grams = 0;
  for (const n of CHAR_SIZES) grams += length + 3 - n;
  return grams;
}

/**
 * FNV-1a over the n characters of "<token>" from `start` (-1 is the "<"), folded to 30 bits so
 * it stays a small integer in V8.
 */
export function charGramHash(token: string, start: number, n: number): number {
  const length = token.length;
  let h = (2166136261 ^ n) >>> 0;
  for (let j = start; j < start + n; j++) {
    h ^= j < 0 ? 60 : j >= length ? 62 : token.charCodeAt(j);
    h = Math.imul(h, 16777619);
  }
  return h & 0x3fffffff;
}

/** The key a feature is counted and stored under: "w dana", "p promo packet", "c 48213". */
export function featureKey(kind: FeatureKind, key: string | number): string {
  return `${kind} ${key}`;
}

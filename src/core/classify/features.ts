/**
 * The features naive Bayes counts for one text: its words, its word pairs, and the character
 * n-grams inside each word. Words carry most of the meaning; pairs catch phrases whose words
 * mislead alone ("design review" against "performance review"); character n-grams let an
 * unseen form share weight with a seen one ("interviewing" with "interview", "k8s-prod" with
 * "prod").
 *
 * Each feature counts once per text (binary counts work better than raw counts on texts this
 * short). Every feature knows the word or pair it came from, so `why` can explain a category in
 * words a person wrote rather than in n-grams.
 */

export interface FeatureWeights {
  word: number;
  pair: number;
  /** Shared by all character n-grams of one word, so long words do not outvote short ones. */
  chars: number;
}

export const DEFAULT_WEIGHTS: FeatureWeights = { word: 1, pair: 0.6, chars: 1.2 };

const CHAR_SIZES = [3, 4, 5];

/** Calls `visit` once per distinct feature of the text's tokens, with its weight and source. */
export function visitFeatures(
  tokens: readonly string[],
  weights: FeatureWeights,
  visit: (feature: string, weight: number, source: string) => void,
): void {
  const seen = new Set<string>();
  const emit = (feature: string, weight: number, source: string) => {
    if (seen.has(feature)) return;
    seen.add(feature);
    visit(feature, weight, source);
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    emit(`w ${token}`, weights.word, token);
    if (i > 0) {
      const pair = `${tokens[i - 1]} ${token}`;
      emit(`p ${pair}`, weights.pair, pair);
    }
    if (hasLetters(token) && token.length >= 3) {
      const padded = `<${token}>`;
      let grams = 0;
      for (const n of CHAR_SIZES) grams += Math.max(0, padded.length - n + 1);
      const each = weights.chars / grams;
      for (const n of CHAR_SIZES) {
        for (let at = 0; at + n <= padded.length; at++) {
          emit(`c ${padded.slice(at, at + n)}`, each, token);
        }
      }
    }
  }
}

function hasLetters(token: string): boolean {
  const c = token.charCodeAt(0);
  // Skip "#num"-style markers and emoji; they are whole tokens already.
  return c !== 35 && c < 0xd800;
}

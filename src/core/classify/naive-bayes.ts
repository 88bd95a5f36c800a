import { CATEGORIES, type Category } from "../category.js";
import {
  CHAR_SIZES,
  charGramCount,
  charGramHash,
  DEFAULT_WEIGHTS,
  type FeatureKind,
  type FeatureWeights,
  hasCharGrams,
  visitFeatures,
} from "./features.js";
import { IntIndex } from "./int-index.js";
import { tokenize } from "./tokenize.js";

/**
 * Multinomial naive Bayes over the features of features.ts. The model is its counts: how much
 * weight each feature has in each category, and how many texts each category has seen. That
 * makes learning incremental by construction: a correction adds its text's counts (with a
 * strong weight) and the log-probabilities are recomputed from the counts in one pass, a few
 * milliseconds; nothing is retrained.
 *
 * Probabilities are the posterior softened by a temperature fitted on held-out folds
 * (calibration.ts): naive Bayes treats overlapping features as independent evidence and so is
 * far too sure of itself; dividing the log-scores by T makes "0.7" mean about 70% right. The
 * more words a text has, the more that double counting adds up, so T grows with the number of
 * tokens n: T(n) = temperature × max(1, n)^temperaturePower (a power of 0 is one T for all).
 *
 * With `complement` the same counts give complement naive Bayes (ModelOptions.complement): still
 * counts, still linear in the features, so learning, loading and `why` are unchanged.
 *
 * Everything lives in flat typed arrays indexed by feature number (feature i, category k at
 * i * K + k): loading the shipped model and classifying are then loops over numbers, with one
 * map lookup per feature. A feature's log-probabilities are computed the first time a text
 * uses it, so loading does no arithmetic at all and a correction only resets flags.
 */

const K = CATEGORIES.length;

export interface ModelOptions {
  /** Additive (Lidstone) smoothing. */
  alpha: number;
  /** Divides log-scores before the softmax; fitted by cross-validation. */
  temperature: number;
  /** How T grows with the text's token count (T × n^power); fitted with the temperature. */
  temperaturePower: number;
  weights: FeatureWeights;
  /**
   * Complement naive Bayes (Rennie et al., 2003): a feature's evidence for category k is how
   * unlikely it is in the texts of every other category, −log P(f | not k), instead of how
   * likely it is in k's own, log P(f | k). Each estimate then rests on four categories' counts
   * rather than one, so a word that one category's rows happen to use a few times weighs less:
   * on text written elsewhere that is what goes wrong (docs/classification.md, "Complement
   * naive Bayes"). Absent: false.
   */
  complement?: boolean;
}

export const DEFAULT_OPTIONS: ModelOptions = {
  alpha: 0.1,
  temperature: 1,
  temperaturePower: 0,
  weights: DEFAULT_WEIGHTS,
};

export interface Prediction {
  category: Category;
  probability: number;
  /** Every category's probability, in CATEGORIES order. */
  probabilities: number[];
}

interface TokenFeatures {
  word: number | undefined;
  /** Known n-gram features, in the order the walk meets them, each once. */
  grams: readonly number[];
  /** The weight of each of the token's n-grams. */
  each: number;
  /** Pair features with this token first, by the token after it (pairAfter). */
  after: Map<string, number | undefined> | undefined;
}

/** Distinct tokens remembered at most; a long-running server starts over past it. */
const MEMO_LIMIT = 50_000;

export interface LabelledText {
  text: string;
  category: Category;
}

export function categoryIndex(category: Category): number {
  return CATEGORIES.indexOf(category);
}

export class NaiveBayes {
  readonly options: ModelOptions;
  /** Texts (weighted) per category, in CATEGORIES order. */
  readonly docs = new Float64Array(K);
  /** Total feature weight per category. */
  readonly totals = new Float64Array(K);
  private size = 0;
  private words = new Map<string, number>();
  private pairs = new Map<string, number>();
  private chars = new IntIndex(16_384);
  private counts = new Float64Array(1024 * K);
  private logLik = new Float32Array(1024 * K);
  /** ready[i] === 1 once feature i's log-probabilities are in logLik. */
  private ready = new Uint8Array(1024);
  private denominators = new Float64Array(K);
  private logPrior = new Float64Array(K);
  /**
   * The fitted residual (residual.ts): naive Bayes's log-scores are multiplied by `scale` and
   * each feature's K weights (and the biases) added; a feature learnt later (a correction's new
   * word) has none, so its evidence is naive Bayes's alone. Scale 1 and no weights is plain
   * naive Bayes.
   */
  private scale = 1;
  private withResidual = false;
  private residual = new Float32Array(1024 * K);
  private bias = new Float64Array(K);
  /** Each token's known features (tokenFeatures); emptied whenever the features change. */
  private memo = new Map<string, TokenFeatures>();
  /** seen[i] === stamp when feature i was already counted for the current text. */
  private seen = new Int32Array(1024);
  private stamp = 0;

  constructor(options: Partial<ModelOptions> = {}) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.compile();
  }

  get featureCount(): number {
    return this.size;
  }

  /** Learns labelled texts (the corpus with weight 1; the user's corrections with more). */
  learn(examples: Iterable<LabelledText>, weight = 1): void {
    for (const e of examples) {
      const k = categoryIndex(e.category);
      this.docs[k] = (this.docs[k] as number) + weight;
      let added = 0;
      const stamp = ++this.stamp;
      visitFeatures(tokenize(e.text), this.options.weights, (kind, key, w) => {
        const i = this.lookup(kind, key) ?? this.addFeature(kind, key);
        if (this.seen[i] === stamp) return;
        this.seen[i] = stamp;
        this.counts[i * K + k] = (this.counts[i * K + k] as number) + w * weight;
        added += w * weight;
      });
      this.totals[k] = (this.totals[k] as number) + added;
    }
    this.compile();
  }

  /**
   * Loads saved counts into an empty model (or one holding none of these features): `counts`
   * holds K numbers per feature, for the words, then the pairs, then the character n-grams,
   * each in the order given.
   */
  load(
    words: readonly string[],
    pairs: readonly string[],
    chars: ArrayLike<number>,
    counts: ArrayLike<number>,
  ): void {
    // Tight loops over preallocated arrays: this runs once per command, as cold code, so
    // per-feature calls and array doubling would cost more than the work itself.
    const total = this.size + words.length + pairs.length + chars.length;
    this.reserve(total);
    const first = this.size;
    let i = first;
    for (let j = 0; j < words.length; j++) this.words.set(words[j] as string, i++);
    for (let j = 0; j < pairs.length; j++) this.pairs.set(pairs[j] as string, i++);
    this.chars.addAll(chars, i);
    this.size = i + chars.length;
    this.counts.set(counts, first * K);
    this.compile();
  }

  /**
   * Every feature, words then pairs then n-grams: its kind, key, counts per category and
   * residual weights per category (zeros where none is installed).
   */
  *features(): Generator<{
    kind: FeatureKind;
    key: string | number;
    counts: Float64Array;
    residual: Float32Array;
  }> {
    const maps = [
      ["w", this.words],
      ["p", this.pairs],
      ["c", this.chars],
    ] as const;
    for (const [kind, map] of maps) {
      for (const [key, i] of map.entries() as Iterable<[string | number, number]>) {
        yield {
          kind,
          key,
          counts: this.counts.slice(i * K, i * K + K),
          residual: this.residual.slice(i * K, i * K + K),
        };
      }
    }
  }

  predict(text: string): Prediction {
    const tokens = tokenize(text);
    return toPrediction(
      this.scoresOf(tokens),
      temperatureFor(tokens.length, this.options.temperature, this.options.temperaturePower),
    );
  }

  /** Log-score per category (unnormalised, before the temperature). */
  scores(text: string): Float64Array {
    return this.scoresOf(tokenize(text));
  }

  private scoresOf(tokens: readonly string[]): Float64Array {
    // The features of features.ts, walked inline rather than through visitFeatures's callback:
    // this is the hot path, and it runs twice as fast without the indirection (a test checks
    // both walks give the same scores).
    const scores = new Float64Array(this.logPrior);
    const stamp = ++this.stamp;
    const { word, pair } = this.options.weights;
    let previous: TokenFeatures | undefined;
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t] as string;
      const known = this.tokenFeatures(token);
      const w = known.word;
      this.addScore(scores, w, word, stamp);
      // A known pair implies two known words: skip the lookup otherwise.
      if (previous !== undefined && w !== undefined) {
        this.addScore(
          scores,
          this.pairAfter(previous, tokens[t - 1] as string, token),
          pair,
          stamp,
        );
      }
      previous = w === undefined ? undefined : known;
      const grams = known.grams;
      for (let g = 0; g < grams.length; g++) {
        this.addScore(scores, grams[g] as number, known.each, stamp);
      }
    }
    return scores;
  }

  /**
   * A token's word feature and its known character n-grams (in walk order, each once), worked
   * out the first time the token is seen and remembered until the features change. Texts
   * repeat their words (a docket's names, projects and verbs), and hashing every n-gram of every
   * word was most of the cost of classifying, above all in a short-lived process whose code the
   * JIT has not optimised yet. The scores are added in the same order as before: the same sums.
   */
  private tokenFeatures(token: string): TokenFeatures {
    const memo = this.memo.get(token);
    if (memo !== undefined) return memo;
    const grams: number[] = [];
    let each = 0;
    if (hasCharGrams(token)) {
      each = this.options.weights.chars / charGramCount(token.length);
      for (let n = CHAR_SIZES[0]; n <= CHAR_SIZES[1]; n++) {
        for (let start = -1; start + n <= token.length + 1; start++) {
          const i = this.chars.get(charGramHash(token, start, n));
          if (i !== -1 && !grams.includes(i)) grams.push(i);
        }
      }
    }
    const features: TokenFeatures = { word: this.words.get(token), grams, each, after: undefined };
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(token, features);
    return features;
  }

  /** The pair feature "first second", remembered on the first word's features. */
  private pairAfter(first: TokenFeatures, firstToken: string, second: string): number | undefined {
    first.after ??= new Map();
    if (first.after.has(second)) return first.after.get(second);
    const i = this.pairs.get(`${firstToken} ${second}`);
    first.after.set(second, i);
    return i;
  }

  /** The same scores through visitFeatures: the reference the fast walk is tested against. */
  scoresByVisitor(text: string): Float64Array {
    const scores = new Float64Array(this.logPrior);
    this.visitKnown(text, (i, w) => {
      for (let k = 0; k < K; k++) {
        scores[k] = (scores[k] as number) + w * (this.featureScores(i)[k] as number);
      }
    });
    return scores;
  }

  private addScore(scores: Float64Array, i: number | undefined, weight: number, stamp: number) {
    // A feature no category has seen is equal evidence for all: it is left out.
    if (i === undefined || this.seen[i] === stamp) return;
    this.seen[i] = stamp;
    if (this.ready[i] === 0) this.prepare(i);
    const base = i * K;
    for (let k = 0; k < K; k++) {
      scores[k] = (scores[k] as number) + weight * (this.logLik[base + k] as number);
    }
  }

  /**
   * Calls `visit` once per distinct feature of the text that the model knows, with its number
   * and weight. A feature no category has seen is equal evidence for all: it is left out.
   */
  visitKnown(
    text: string,
    visit: (index: number, weight: number, source: string, kind: FeatureKind) => void,
  ): void {
    const stamp = ++this.stamp;
    const seen = this.seen;
    visitFeatures(tokenize(text), this.options.weights, (kind, key, w, source) => {
      const i = this.lookup(kind, key);
      if (i === undefined || seen[i] === stamp) return;
      seen[i] = stamp;
      visit(i, w, source, kind);
    });
  }

  /**
   * What one unit of the feature adds to each category's score, in CATEGORIES order, for a
   * feature number from visitKnown: scale × log P(feature | category) (complement: scale ×
   * −log P(feature | not category)) + its residual weight.
   */
  featureScores(index: number): number[] {
    if (this.ready[index] === 0) this.prepare(index);
    return Array.from(this.logLik.subarray(index * K, index * K + K));
  }

  /** Makes the counts current: later lookups compute log-probabilities from them afresh. */
  compile(): void {
    const { alpha } = this.options;
    let allTotals = 0;
    for (let k = 0; k < K; k++) allTotals += this.totals[k] as number;
    for (let k = 0; k < K; k++) {
      // Complement: the weight every category but k has counted.
      const total = this.options.complement
        ? allTotals - (this.totals[k] as number)
        : (this.totals[k] as number);
      this.denominators[k] = Math.log(total + alpha * this.size);
    }
    this.ready.fill(0);
    this.memo.clear();
    let all = 0;
    for (let k = 0; k < K; k++) all += this.docs[k] as number;
    for (let k = 0; k < K; k++) {
      this.logPrior[k] =
        this.scale * Math.log(((this.docs[k] as number) + 1) / (all + K)) +
        (this.bias[k] as number);
    }
  }

  /**
   * Installs a fitted residual (residual.ts) for the first weights.length / K features: from
   * now on every score is scale × naive Bayes + the residual's weights and biases.
   */
  setResidual(scale: number, weights: ArrayLike<number>, bias: ArrayLike<number>): void {
    this.scale = scale;
    this.withResidual = true;
    this.residual.fill(0);
    this.residual.set(weights);
    this.bias.set(bias);
    this.compile();
  }

  /** Each category's score for a text with no known feature: its prior (and residual bias). */
  baseScores(): number[] {
    return Array.from(this.logPrior);
  }

  /** Whether a residual is installed (setResidual); without one this is naive Bayes alone. */
  get hasResidual(): boolean {
    return this.withResidual;
  }

  /** The installed residual's scale and biases (its weights come with features()). */
  get residualScale(): number {
    return this.scale;
  }

  get residualBias(): Float64Array {
    return this.bias.slice();
  }

  private prepare(i: number): void {
    const { alpha } = this.options;
    const scale = this.scale;
    const base = i * K;
    if (this.options.complement) {
      let all = 0;
      for (let k = 0; k < K; k++) all += this.counts[base + k] as number;
      for (let k = 0; k < K; k++) {
        const elsewhere = all - (this.counts[base + k] as number);
        this.logLik[base + k] =
          -scale * (Math.log(elsewhere + alpha) - (this.denominators[k] as number)) +
          (this.residual[base + k] as number);
      }
    } else {
      for (let k = 0; k < K; k++) {
        this.logLik[base + k] =
          scale *
            (Math.log((this.counts[base + k] as number) + alpha) -
              (this.denominators[k] as number)) +
          (this.residual[base + k] as number);
      }
    }
    this.ready[i] = 1;
  }

  private lookup(kind: FeatureKind, key: string | number): number | undefined {
    if (kind === "c") {
      const i = this.chars.get(key as number);
      return i === -1 ? undefined : i;
    }
    return kind === "w" ? this.words.get(key as string) : this.pairs.get(key as string);
  }

  private addFeature(kind: FeatureKind, key: string | number): number {
    const i = this.size++;
    if (kind === "c") this.chars.add(key as number, i);
    else if (kind === "w") this.words.set(key as string, i);
    else this.pairs.set(key as string, i);
    if (this.size > this.ready.length) this.reserve(this.ready.length * 2);
    return i;
  }

  /** Room for `capacity` features; log-probabilities are recomputed on use afterwards. */
  private reserve(capacity: number): void {
    if (capacity <= this.ready.length) return;
    this.counts = grow(this.counts, capacity * K);
    this.residual = grow(this.residual, capacity * K);
    this.logLik = new Float32Array(capacity * K);
    this.ready = new Uint8Array(capacity);
    this.seen = grow(this.seen, capacity);
  }
}

function grow<T extends Float64Array | Float32Array | Int32Array>(array: T, length: number): T {
  const grown = new (array.constructor as new (n: number) => T)(length);
  grown.set(array);
  return grown;
}

export function trainModel(
  examples: Iterable<LabelledText>,
  options: Partial<ModelOptions> = {},
): NaiveBayes {
  const model = new NaiveBayes(options);
  model.learn(examples);
  return model;
}

/** The temperature for a text of `tokens` tokens: T × max(1, tokens)^power. */
export function temperatureFor(tokens: number, temperature: number, power: number): number {
  return power === 0 || tokens <= 1 ? temperature : temperature * tokens ** power;
}

export function toPrediction(scores: Float64Array, temperature: number): Prediction {
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < K; k++) if ((scores[k] as number) > max) max = scores[k] as number;
  const probabilities = new Array<number>(K);
  let sum = 0;
  for (let k = 0; k < K; k++) {
    const p = Math.exp(((scores[k] as number) - max) / temperature);
    probabilities[k] = p;
    sum += p;
  }
  let best = 0;
  for (let k = 0; k < K; k++) {
    probabilities[k] = (probabilities[k] as number) / sum;
    if ((probabilities[k] as number) > (probabilities[best] as number)) best = k;
  }
  return {
    category: CATEGORIES[best] as Category,
    probability: probabilities[best] as number,
    probabilities,
  };
}

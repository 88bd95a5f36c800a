import { CATEGORIES } from "../category.js";

/**
 * The discriminative half of the classifier: a softmax regression over the same sparse features
 * naive Bayes counts, fitted with naive Bayes's own score as a fixed offset (stacking, in the
 * spirit of NBSVM, Wang and Manning 2012). For a text with feature values x_f and naive Bayes
 * log-scores nb_k, the combined score of category k is
 *
 *   s_k = scale · nb_k + Σ_f x_f · w_fk + b_k
 *
 * which is still linear in the features: each feature adds x_f · (scale · log P(f|k) + w_fk),
 * so `why` stays an exact sum, and a correction that adds naive Bayes counts moves the score at
 * once, as before. The residual w learns what counting cannot: that a word common in every
 * category's handbook prose ("team", "review") is weaker evidence than its counts say, or that
 * two overlapping features should not both be counted in full.
 *
 * The offset must be naive Bayes's score on text it did not learn from (out-of-fold), or the
 * residual learns to trust a model that has memorised its rows. Fitted by L-BFGS on the mean
 * log-loss plus an L2 penalty on w (the scale and the biases are free): full-batch, so the same
 * rows give the same weights on every machine.
 */

const K = CATEGORIES.length;
// lossAndGradient is written out for five categories.
if (K !== 5) throw new Error("residual.ts assumes five categories");

/** One training text as the regression sees it. */
export interface ResidualRow {
  /** Feature numbers (naive Bayes's), each once. */
  features: Int32Array;
  /** The feature's weight in the text (features.ts: word 1, pair 0.6, n-grams share 2). */
  values: Float64Array;
  /** Out-of-fold naive Bayes log-score per category. */
  offset: Float64Array;
  /** Category index of the label. */
  label: number;
  /** How much the row counts in the loss (1 if absent). */
  weight?: number;
}

export interface ResidualOptions {
  /** L2 penalty on the feature weights, per row (the loss is a mean). */
  l2: number;
  /** L-BFGS iterations at most. */
  iterations: number;
}

export const DEFAULT_RESIDUAL_OPTIONS: ResidualOptions = { l2: 1e-3, iterations: 60 };

export interface Residual {
  /** How much of naive Bayes's log-score the combined score keeps. */
  scale: number;
  /** K per feature, in feature order: w_fk. */
  weights: Float64Array;
  /** b_k. */
  bias: Float64Array;
}

/**
 * Fits the residual: `featureCount` is the number of features the rows' feature numbers range
 * over. The parameters are laid out as [w (featureCount × K), b (K), scale].
 */
export function fitResidual(
  rows: readonly ResidualRow[],
  featureCount: number,
  options: Partial<ResidualOptions> = {},
): Residual {
  const { l2, iterations } = { ...DEFAULT_RESIDUAL_OPTIONS, ...options };
  const nw = featureCount * K;
  const size = nw + K + 1;
  const x = new Float64Array(size);
  // Start from naive Bayes alone, softened: its raw scores are far too sure of themselves.
  x[nw + K] = 0.2;
  const objective = (params: Float64Array, gradient: Float64Array): number =>
    lossAndGradient(rows, params, gradient, nw, l2);
  minimise(objective, x, iterations);
  return {
    scale: x[nw + K] as number,
    weights: x.slice(0, nw),
    bias: x.slice(nw, nw + K),
  };
}

/**
 * The objective fitResidual minimises at `params` ([w, b, scale]), with its gradient written
 * into `gradient`: exported so a test can check the gradient against finite differences.
 */
export function lossAndGradient(
  rows: readonly ResidualRow[],
  params: Float64Array,
  gradient: Float64Array,
  nw: number,
  l2: number,
): number {
  // The hot loop of training: K = 5 written out, so each feature costs five multiply-adds on
  // the way in and five on the way back, with no inner loop to set up.
  gradient.fill(0);
  const scale = params[nw + K] as number;
  let loss = 0;
  let total = 0;
  let scaleGradient = 0;
  const b0 = params[nw] as number;
  const b1 = params[nw + 1] as number;
  const b2 = params[nw + 2] as number;
  const b3 = params[nw + 3] as number;
  const b4 = params[nw + 4] as number;
  let g0sum = 0;
  let g1sum = 0;
  let g2sum = 0;
  let g3sum = 0;
  let g4sum = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as ResidualRow;
    const features = row.features;
    const values = row.values;
    const offset = row.offset;
    const rowWeight = row.weight === undefined ? 1 : row.weight;
    total += rowWeight;
    const o0 = offset[0] as number;
    const o1 = offset[1] as number;
    const o2 = offset[2] as number;
    const o3 = offset[3] as number;
    const o4 = offset[4] as number;
    let s0 = scale * o0 + b0;
    let s1 = scale * o1 + b1;
    let s2 = scale * o2 + b2;
    let s3 = scale * o3 + b3;
    let s4 = scale * o4 + b4;
    for (let j = 0; j < features.length; j++) {
      const base = (features[j] as number) * K;
      const v = values[j] as number;
      s0 += v * (params[base] as number);
      s1 += v * (params[base + 1] as number);
      s2 += v * (params[base + 2] as number);
      s3 += v * (params[base + 3] as number);
      s4 += v * (params[base + 4] as number);
    }
    const max = Math.max(s0, s1, s2, s3, s4);
    const e0 = Math.exp(s0 - max);
    const e1 = Math.exp(s1 - max);
    const e2 = Math.exp(s2 - max);
    const e3 = Math.exp(s3 - max);
    const e4 = Math.exp(s4 - max);
    const sum = e0 + e1 + e2 + e3 + e4;
    const label = row.label;
    const picked = label === 0 ? e0 : label === 1 ? e1 : label === 2 ? e2 : label === 3 ? e3 : e4;
    loss -= rowWeight * Math.log(picked / sum);
    // The gradient of the row's loss in its score k is p_k − y_k.
    const w = rowWeight / sum;
    const g0 = w * e0 - (label === 0 ? rowWeight : 0);
    const g1 = w * e1 - (label === 1 ? rowWeight : 0);
    const g2 = w * e2 - (label === 2 ? rowWeight : 0);
    const g3 = w * e3 - (label === 3 ? rowWeight : 0);
    const g4 = w * e4 - (label === 4 ? rowWeight : 0);
    g0sum += g0;
    g1sum += g1;
    g2sum += g2;
    g3sum += g3;
    g4sum += g4;
    scaleGradient += g0 * o0 + g1 * o1 + g2 * o2 + g3 * o3 + g4 * o4;
    for (let j = 0; j < features.length; j++) {
      const base = (features[j] as number) * K;
      const v = values[j] as number;
      gradient[base] = (gradient[base] as number) + v * g0;
      gradient[base + 1] = (gradient[base + 1] as number) + v * g1;
      gradient[base + 2] = (gradient[base + 2] as number) + v * g2;
      gradient[base + 3] = (gradient[base + 3] as number) + v * g3;
      gradient[base + 4] = (gradient[base + 4] as number) + v * g4;
    }
  }
  gradient[nw] = g0sum;
  gradient[nw + 1] = g1sum;
  gradient[nw + 2] = g2sum;
  gradient[nw + 3] = g3sum;
  gradient[nw + 4] = g4sum;
  gradient[nw + K] = scaleGradient;
  const n = Math.max(1e-9, total);
  let penalty = 0;
  for (let i = 0; i < gradient.length; i++) gradient[i] = (gradient[i] as number) / n;
  for (let i = 0; i < nw; i++) {
    const p = params[i] as number;
    penalty += p * p;
    gradient[i] = (gradient[i] as number) + l2 * p;
  }
  return loss / n + (l2 / 2) * penalty;
}

/**
 * Limited-memory BFGS (Nocedal and Wright, algorithm 7.4, six correction pairs) with a
 * backtracking line search on the Armijo condition. Minimises `f` in place from `x`; stops
 * after `iterations` steps or when a step no longer lowers the loss measurably.
 */
function minimise(
  f: (x: Float64Array, gradient: Float64Array) => number,
  x: Float64Array,
  iterations: number,
): void {
  const memory = 6;
  const n = x.length;
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  let gradient = new Float64Array(n);
  let loss = f(x, gradient);
  const direction = new Float64Array(n);
  const alpha = new Float64Array(memory);
  const candidate = new Float64Array(n);
  let candidateGradient = new Float64Array(n);
  for (let iteration = 0; iteration < iterations; iteration++) {
    // Two-loop recursion: direction = −H·gradient.
    for (let i = 0; i < n; i++) direction[i] = -(gradient[i] as number);
    for (let m = s.length - 1; m >= 0; m--) {
      const a = (rho[m] as number) * dot(s[m] as Float64Array, direction);
      alpha[m] = a;
      axpy(-a, y[m] as Float64Array, direction);
    }
    if (s.length > 0) {
      const last = s.length - 1;
      const yy = dot(y[last] as Float64Array, y[last] as Float64Array);
      const gamma = 1 / ((rho[last] as number) * yy);
      for (let i = 0; i < n; i++) direction[i] = (direction[i] as number) * gamma;
    }
    for (let m = 0; m < s.length; m++) {
      const b = (rho[m] as number) * dot(y[m] as Float64Array, direction);
      axpy((alpha[m] as number) - b, s[m] as Float64Array, direction);
    }
    let slope = dot(gradient, direction);
    if (slope >= 0) {
      // Not a descent direction (curvature information gone stale): fall back to the gradient.
      for (let i = 0; i < n; i++) direction[i] = -(gradient[i] as number);
      slope = dot(gradient, direction);
      s.length = 0;
      y.length = 0;
      rho.length = 0;
    }
    let step = iteration === 0 && s.length === 0 ? 1 / Math.max(1, Math.sqrt(-slope)) : 1;
    let next = loss;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < n; i++) candidate[i] = (x[i] as number) + step * (direction[i] as number);
      next = f(candidate, candidateGradient);
      if (next <= loss + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(next < loss)) return;
    const sk = new Float64Array(n);
    const yk = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sk[i] = (candidate[i] as number) - (x[i] as number);
      yk[i] = (candidateGradient[i] as number) - (gradient[i] as number);
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      if (s.length === memory) {
        s.shift();
        y.shift();
        rho.shift();
      }
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
    }
    x.set(candidate);
    [gradient, candidateGradient] = [candidateGradient, gradient];
    const improvement = loss - next;
    loss = next;
    if (improvement < 1e-9 * Math.max(1, Math.abs(loss))) return;
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] as number) * (b[i] as number);
  return sum;
}

function axpy(a: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i] = (y[i] as number) + a * (x[i] as number);
}

import type { Categoriser } from "../capture.js";
import type { Category } from "../category.js";
import {
  applyCorrections,
  CORRECTION_WEIGHT,
  type Correction,
  correctionWeight,
} from "./corrections.js";
import { type Explanation, explain } from "./explain.js";
import type { ModelFile } from "./model-file.js";
import { deserialiseModel } from "./model-file.js";
import type { NaiveBayes } from "./naive-bayes.js";

/**
 * The classifier every shell uses: the shipped model plus this user's corrections, and the
 * line between a category ppppt writes down and one it only guesses.
 */

/** Below this calibrated probability a category is stored as a guess (`cat:tech?`). */
export const UNSURE_BELOW = 0.6;

export interface Classification {
  text: string;
  category: Category;
  probability: number;
  unsure: boolean;
  /** Every category's probability, rounded to 3 decimals. */
  probabilities: Record<Category, number>;
}

export class Classifier {
  readonly model: NaiveBayes;
  /** What one correction counts as: fixed by the shipped model's size, so that corrections
   * learnt at load and those learnt later in the session weigh the same. */
  private readonly correctionWeight: number;

  constructor(model: NaiveBayes, correctionWeight = CORRECTION_WEIGHT) {
    this.model = model;
    this.correctionWeight = correctionWeight;
  }

  static fromModel(file: ModelFile, corrections: readonly Correction[] = []): Classifier {
    const model = deserialiseModel(file);
    const weight = correctionWeight(file.rows);
    applyCorrections(model, corrections, weight);
    return new Classifier(model, weight);
  }

  classify(text: string): Classification {
    const p = this.model.predict(text);
    return {
      text,
      category: p.category,
      probability: round(p.probability),
      unsure: p.probability < UNSURE_BELOW,
      probabilities: {
        people: round(p.probabilities[0] as number),
        product: round(p.probabilities[1] as number),
        process: round(p.probabilities[2] as number),
        public: round(p.probabilities[3] as number),
        tech: round(p.probabilities[4] as number),
      },
    };
  }

  explain(text: string, limit = 5): Explanation {
    return explain(this.model, text, limit);
  }

  /** The categoriser `add`, `list` and the importers call: a category, its probability, why. */
  categoriser(): Categoriser {
    return (text) => {
      const p = this.model.predict(text);
      const probability = Math.round(p.probability * 100) / 100;
      const explainWords = () => this.explain(text, 3).for.map((w) => w.text);
      return {
        category: p.category,
        probability,
        unsure: p.probability < UNSURE_BELOW,
        // Only `add` and the web's live preview show the reason; `list` guesses thousands of
        // items and never asks, so the explanation is worked out on first read.
        get reason() {
          const words = explainWords();
          return `${words.length > 0 ? `words: ${words.join(", ")}` : "no telling words"}; p=${probability.toFixed(2)}`;
        },
      };
    };
  }

  /** Learns corrections made in this session (the file has them already). */
  learn(corrections: readonly Correction[]): void {
    applyCorrections(this.model, corrections, this.correctionWeight);
  }
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}

import type { Categoriser } from "../core/capture.js";
import { keywordCategory } from "../core/classify/keyword-rule.js";
import type { CliContext } from "./context.js";

/**
 * The categoriser every command uses for items without a category. The keyword rule marks
 * its answers as guesses: it is right often enough to save typing, not often enough to trust.
 */
export async function loadCategoriser(_ctx: CliContext): Promise<Categoriser> {
  return (text) => {
    const match = keywordCategory(text);
    if (!match) return undefined;
    return {
      category: match.category,
      probability: 0.5,
      unsure: true,
      reason: `keyword "${match.keyword}"`,
    };
  };
}

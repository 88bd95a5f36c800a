import { CATEGORIES, type Category } from "../category.js";
import { PpppptError } from "../errors.js";
import type { Role } from "./roles.js";

/**
 * A practice for growing in one category: what the playbook files hold once read
 * (playbook.ts reads and checks them). Kept apart from the schema so the reports that only
 * use practices do not load the validator.
 */
export interface PracticeItem {
  text: string;
  /** An estimate as the docket writes it: 30m, 1h30m. */
  est?: string;
  /** A recurrence as the docket writes it: 1w, 2w, 1m. */
  rec?: string;
}

export interface Practice {
  id: string;
  category: Category;
  roles: Role[];
  title: string;
  /** A question the leader answers yes, partly or no in the self-assessment. */
  prompt: string;
  why: string;
  items: PracticeItem[];
  /** The file the practice came from. */
  source: string;
}

/** Shipped practices first, in file order; a later file's practice replaces one with its id. */
export function mergePlaybooks(...sets: readonly Practice[][]): Practice[] {
  const byId = new Map<string, Practice>();
  for (const set of sets) for (const p of set) byId.set(p.id, p);
  const order = (p: Practice) => CATEGORIES.indexOf(p.category);
  return [...byId.values()].sort((a, b) => order(a) - order(b));
}

export function practicesFor(
  practices: readonly Practice[],
  filter: { category?: Category; role?: Role },
): Practice[] {
  return practices.filter(
    (p) =>
      (filter.category === undefined || p.category === filter.category) &&
      (filter.role === undefined || p.roles.includes(filter.role)),
  );
}

export function findPractice(practices: readonly Practice[], id: string): Practice {
  const found = practices.find((p) => p.id === id);
  if (!found) {
    throw new PpppptError(`no practice has the id "${id}"`, {
      hint: "Run `ppppt playbook` to see every practice with its id.",
    });
  }
  return found;
}

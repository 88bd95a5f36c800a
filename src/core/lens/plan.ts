import type { Category } from "../category.js";
import { addDays, type IsoDate } from "../dates.js";
import { setTag } from "../docket/edit.js";
import type { ItemLine } from "../docket/item.js";
import { ANSWER_VALUES, type Answer } from "./assessment.js";
import type { CategoryNeed } from "./need.js";
import type { Practice } from "./practice.js";
import type { Role } from "./roles.js";

/**
 * The growth plan: practices worth taking up now, from two signals of equal weight: the
 * self-assessment gap (answered no: 1, partly: ½, yes: 0, not answered: ½) and the need of
 * the practice's category in the recent balance (need.ts). Practices already under way (an
 * open item tagged `practice:ID`) are left out.
 */
export interface Proposal {
  practice: Practice;
  score: number;
  gap: number;
  need: number;
  reasons: string[];
}

export interface PlanInput {
  practices: readonly Practice[];
  role: Role;
  answers: Record<string, Answer>;
  needs: Record<Category, CategoryNeed>;
  adopted: ReadonlySet<string>;
}

const UNANSWERED_GAP = 0.5;

export function proposePlan(input: PlanInput): Proposal[] {
  const out: Proposal[] = [];
  for (const practice of input.practices) {
    if (!practice.roles.includes(input.role) || input.adopted.has(practice.id)) continue;
    const answer = input.answers[practice.id];
    const gap = answer ? 1 - ANSWER_VALUES[answer] : UNANSWERED_GAP;
    const need = input.needs[practice.category].need;
    const reasons: string[] = [];
    if (answer === "no") reasons.push(`you answered no to "${practice.prompt}"`);
    else if (answer === "partly") reasons.push(`you answered partly to "${practice.prompt}"`);
    else if (!answer) reasons.push("not assessed yet");
    if (need > 0) reasons.push(input.needs[practice.category].reason);
    out.push({ practice, score: gap + need, gap, need, reasons });
  }
  // Stable sort: equal scores keep the playbook's order, which puts basics first.
  return out.sort((a, b) => b.score - a.score);
}

/** The practice to take up next in one category (the weekly review's last line). */
export function nextPracticeIn(
  category: Category,
  input: Omit<PlanInput, "needs">,
): Practice | undefined {
  const gapOf = (p: Practice) => {
    const a = input.answers[p.id];
    return a ? 1 - ANSWER_VALUES[a] : UNANSWERED_GAP;
  };
  const candidates = input.practices.filter(
    (p) => p.category === category && p.roles.includes(input.role) && !input.adopted.has(p.id),
  );
  let best: Practice | undefined;
  for (const p of candidates) if (!best || gapOf(p) > gapOf(best)) best = p;
  return best;
}

/** Practices under way: an open item carries `practice:ID`. */
export function adoptedPractices(lines: readonly ItemLine[]): Set<string> {
  const out = new Set<string>();
  for (const line of lines) {
    if (line.item.done) continue;
    for (const tag of line.item.tags) if (tag.key === "practice") out.add(tag.value);
  }
  return out;
}

/**
 * The docket lines a practice becomes: dated today, in its category, tagged with the practice,
 * the first one due in a week so the plan starts now rather than someday.
 */
export function practiceItemTexts(practice: Practice, today: IsoDate): string[] {
  return practice.items.map((it) => {
    let text = `${today} ${it.text}`;
    text = setTag(text, "cat", practice.category);
    if (it.est) text = setTag(text, "est", it.est);
    if (it.rec) text = setTag(text, "rec", it.rec);
    text = setTag(text, "due", addDays(today, 7));
    return setTag(text, "practice", practice.id);
  });
}

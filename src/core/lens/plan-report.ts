import type { Category } from "../category.js";
import type { IsoDate } from "../dates.js";
import { type ItemJson, itemJson } from "../docket/item-json.js";
import { type Answer, assessmentScores, type CategoryScore } from "./assessment.js";
import { needsOver, needWindow } from "./need.js";
import type { Period } from "./period.js";
import { adoptedPractices, type Proposal, proposePlan } from "./plan.js";
import { type Practice, type PracticeItem, practicesFor } from "./practice.js";
import { type ReportInput, reportItems } from "./report-input.js";
import { ROLE_LABELS, type Role } from "./roles.js";

/**
 * The growth plan, whole: the proposals with their reasons, the assessment scores and the
 * practices under way. `ppppt plan --json` prints it (with what it added) and `GET /api/plan`
 * serves it.
 */
export interface ProposalJson {
  id: string;
  title: string;
  category: Category;
  why: string;
  score: number;
  gap: number;
  need: number;
  reasons: string[];
  items: PracticeItem[];
}

export interface PlanReport {
  role: Role;
  roleLabel: string;
  /** The date of the self-assessment the gaps come from; null when there is none. */
  assessed: IsoDate | null;
  /** The window the category needs were measured over. */
  period: Period;
  scores: CategoryScore[];
  proposals: ProposalJson[];
  /** Open items that carry `practice:ID`. */
  underWay: ItemJson[];
}

export interface PlanReportInput extends ReportInput {
  practices: readonly Practice[];
  answers?: Record<string, Answer>;
  assessed?: IsoDate;
  /** How many proposals (3 unless asked). */
  count?: number;
  /** The need window; by default the last next.needWindowDays days. */
  period?: Period;
}

export const DEFAULT_PROPOSALS = 3;

export function buildPlanReport(input: PlanReportInput): PlanReport {
  const { settings, today } = input;
  const role = settings.target.role;
  const period = input.period ?? needWindow(settings, today);
  const { needs } = needsOver(reportItems(input), settings, today, period);
  const answers = input.answers ?? {};
  const proposals = proposePlan({
    practices: input.practices,
    role,
    answers,
    needs,
    adopted: adoptedPractices(input.lines),
  }).slice(0, input.count ?? DEFAULT_PROPOSALS);
  return {
    role,
    roleLabel: ROLE_LABELS[role],
    assessed: input.assessed ?? null,
    period,
    scores: assessmentScores(answers, practicesFor(input.practices, { role })),
    proposals: proposals.map(proposalJson),
    underWay: input.lines
      .filter((l) => !l.item.done && l.item.tags.some((t) => t.key === "practice"))
      .map(itemJson),
  };
}

function proposalJson(p: Proposal): ProposalJson {
  return {
    id: p.practice.id,
    title: p.practice.title,
    category: p.practice.category,
    why: p.practice.why,
    score: p.score,
    gap: p.gap,
    need: p.need,
    reasons: p.reasons,
    items: p.practice.items,
  };
}

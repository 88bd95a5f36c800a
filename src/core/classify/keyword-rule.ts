import type { Category } from "../category.js";

/**
 * The simplest categoriser that could work: a few telling words per category. It stays as the
 * baseline the trained classifier is measured against (npm run eval).
 */
const KEYWORDS: Record<Category, readonly string[]> = {
  people: [
    "1:1",
    "1on1",
    "one-on-one",
    "coach",
    "coaching",
    "mentor",
    "mentoring",
    "hire",
    "hiring",
    "interview",
    "candidate",
    "promo",
    "promotion",
    "feedback",
    "perf",
    "performance review",
    "career",
    "onboarding",
    "offer",
    "skip-level",
    "team dinner",
    "headcount",
  ],
  product: [
    "customer",
    "roadmap",
    "feature",
    "pm",
    "product",
    "competitor",
    "competitive",
    "user",
    "users",
    "pricing",
    "launch",
    "beta",
    "dogfood",
    "escalation",
    "prd",
    "discovery",
  ],
  process: [
    "slo",
    "process",
    "retro",
    "retrospective",
    "policy",
    "backlog",
    "triage",
    "on-call",
    "oncall",
    "postmortem",
    "incident",
    "okr",
    "planning",
    "sprint",
    "support",
    "flaky",
    "all-hands",
    "workflow",
    "runbook",
  ],
  public: [
    "blog",
    "talk",
    "conference",
    "meetup",
    "podcast",
    "newsletter",
    "post",
    "keynote",
    "cfp",
    "panel",
    "webinar",
    "tweet",
    "linkedin",
    "article",
    "speaker",
  ],
  tech: [
    "rfc",
    "design",
    "architecture",
    "code",
    "bug",
    "refactor",
    "migration",
    "infra",
    "infrastructure",
    "latency",
    "database",
    "api",
    "test",
    "deploy",
    "scaling",
    "proposal",
    "review pr",
    "pr",
    "tech debt",
    "performance",
    "kubernetes",
    "outage",
  ],
};

export interface KeywordMatch {
  category: Category;
  keyword: string;
}

export function keywordCategory(text: string): KeywordMatch | undefined {
  const lower = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}:\-+ ]+/gu, " ")} `;
  let best: KeywordMatch | undefined;
  let bestAt = Number.POSITIVE_INFINITY;
  for (const [category, words] of Object.entries(KEYWORDS) as [Category, readonly string[]][]) {
    for (const word of words) {
      const at = lower.indexOf(` ${word} `);
      // The earliest telling word wins: "Blog post about our RFC process" is Public.
      if (at !== -1 && at < bestAt) {
        best = { category, keyword: word };
        bestAt = at;
      }
    }
  }
  return best;
}

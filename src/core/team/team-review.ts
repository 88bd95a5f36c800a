import type { Category } from "../category.js";
import { mostUnderTarget } from "../lens/balance.js";
import { type Practice, practicesFor } from "../lens/practice.js";
import type { Role } from "../lens/roles.js";
import type { TeamBalance } from "./roll-up.js";

/**
 * Where to coach: for each person, the categories they are starving (nothing done in the
 * starving window) and for how long, plus the one furthest under their role's target; for each
 * such category, practices from the playbook that fit that person's role, as topics for the
 * next 1:1. The director coaches the managers: the topics are theirs, not the director's own.
 */
export interface CoachingNeed {
  category: Category;
  /** Days since the last done item in it; null when never. */
  idleDays: number | null;
  starving: boolean;
  /** Percentage points under the role's target in the period (0 when not under). */
  under: number;
  topics: { id: string; title: string; prompt: string }[];
}

export interface PersonReview {
  name: string;
  role: Role;
  lastSync: string | undefined;
  needs: CoachingNeed[];
}

export function teamReview(
  balance: TeamBalance,
  practices: readonly Practice[],
  topicsPerNeed = 2,
): PersonReview[] {
  return balance.people.map((p) => {
    const wanted = new Map<Category, CoachingNeed>();
    const topics = (category: Category) =>
      practicesFor(practices, { category, role: p.role })
        .slice(0, topicsPerNeed)
        .map((x) => ({ id: x.id, title: x.title, prompt: x.prompt }));
    const underOf = (category: Category) => {
      const row = p.balance.categories.find((r) => r.category === category);
      return row && p.balance.total > 0 && row.drift < 0 ? -row.drift : 0;
    };
    for (const s of p.starving) {
      wanted.set(s.category, {
        category: s.category,
        idleDays: s.idleDays ?? null,
        starving: true,
        under: underOf(s.category),
        topics: topics(s.category),
      });
    }
    const under = mostUnderTarget(p.balance);
    if (under && !wanted.has(under)) {
      const activity = p.activity.find((a) => a.category === under);
      wanted.set(under, {
        category: under,
        idleDays: activity?.idleDays ?? null,
        starving: false,
        under: underOf(under),
        topics: topics(under),
      });
    }
    return { name: p.name, role: p.role, lastSync: p.lastSync, needs: [...wanted.values()] };
  });
}

import type { Categoriser } from "../capture.js";
import { CATEGORIES, type Category } from "../category.js";
import type { IsoDate } from "../dates.js";
import type { ItemLine } from "../docket/item.js";
import type { BalanceResult } from "../lens/balance.js";
import { buildBalanceReport } from "../lens/balance-report.js";
import type { Period } from "../lens/period.js";
import type { Mix, Role } from "../lens/roles.js";
import { roundHalfAway, wholePercents } from "../lens/rounding.js";
import { lensSettings } from "../lens/settings.js";
import { type CategoryActivity, starvingOf } from "../lens/starving.js";
import type { Member } from "./member.js";

/**
 * The director's roll-up: each person's balance, built by the same report `ppppt balance
 * --json` prints (buildBalanceReport, over their shared docket and done file), against their
 * own role's target; and the team's mix.
 *
 * The team's share of a category is the mean of the members' shares (each person who did
 * anything in the period weighs the same), and its target the mean of their targets. A mean
 * of shares, not a pooled sum, because one person's effort may be counted in minutes and
 * another's in items (balance.ts: the effort basis), and minutes and items do not add up.
 */
export interface TeamMemberInput {
  member: Member;
  lines: readonly ItemLine[];
  /** Their shared done file (archived items): history, as `balance` counts it. */
  doneLines: readonly ItemLine[];
  /** When their docket last reached the team (ISO instant), from git; undefined when never. */
  lastSync: string | undefined;
}

export interface PersonBalance {
  name: string;
  role: Role;
  lastSync: string | undefined;
  /** The shared items, docket and done file (private ones never reach the team). */
  items: number;
  balance: BalanceResult;
  activity: CategoryActivity[];
  /** The starving categories, the longest idle first. */
  starving: CategoryActivity[];
}

export interface TeamCategory {
  category: Category;
  /** Mean of the counted members' shares, percent. */
  share: number;
  /** Mean of the counted members' targets, percent. */
  target: number;
  drift: number;
  /** As every report shows them (rounding.ts): whole shares adding up to 100, the target rounded, their difference. */
  sharePct: number;
  targetPct: number;
  driftPts: number;
  /** Members starving this category. */
  starving: string[];
}

export interface TeamBalance {
  period: Period;
  today: IsoDate;
  /** Weeks without a done item after which a category starves. */
  starvingWeeks: number;
  people: PersonBalance[];
  team: {
    /** Members with done items in the period: the ones the team's mix is the mean of. */
    counted: number;
    categories: TeamCategory[];
    drift: number;
  };
}

export interface TeamBalanceOptions {
  mixes?: Partial<Record<Role, Partial<Mix>>>;
  starvingWeeks: number;
  categorise?: Categoriser;
}

export function personBalance(
  input: TeamMemberInput,
  period: Period,
  today: IsoDate,
  options: TeamBalanceOptions,
): PersonBalance {
  const { member } = input;
  const report = buildBalanceReport({
    lines: input.lines,
    doneLines: input.doneLines,
    settings: lensSettings({
      role: member.role,
      mixes: options.mixes,
      starvingWeeks: options.starvingWeeks,
    }),
    today,
    period,
    ...(options.categorise ? { categorise: options.categorise } : {}),
  });
  return {
    name: member.name,
    role: member.role,
    lastSync: input.lastSync,
    items: input.lines.length + input.doneLines.length,
    balance: report.balance,
    activity: report.activity,
    starving: starvingOf(report.activity),
  };
}

export function teamBalance(
  members: readonly TeamMemberInput[],
  period: Period,
  today: IsoDate,
  options: TeamBalanceOptions,
): TeamBalance {
  const people = [...members]
    .sort((a, b) => a.member.name.localeCompare(b.member.name))
    .map((m) => personBalance(m, period, today, options));
  const counted = people.filter((p) => p.balance.total > 0);
  const rows = CATEGORIES.map((category) => {
    const mean = (pick: (p: PersonBalance) => number) =>
      counted.length === 0 ? 0 : counted.reduce((s, p) => s + pick(p), 0) / counted.length;
    const row = (p: PersonBalance) =>
      p.balance.categories.find((r) => r.category === category) as BalanceResult["categories"][0];
    const share = mean((p) => row(p).share);
    const target = mean((p) => row(p).target);
    return {
      category,
      share,
      target,
      drift: share - target,
      starving: people
        .filter((p) => p.starving.some((s) => s.category === category))
        .map((p) => p.name),
    };
  });
  const percents = wholePercents(rows.map((r) => r.share));
  const categories = rows.map((r, i): TeamCategory => {
    const sharePct = counted.length > 0 ? (percents[i] as number) : 0;
    const targetPct = roundHalfAway(r.target);
    return { ...r, sharePct, targetPct, driftPts: sharePct - targetPct };
  });
  return {
    period,
    today,
    starvingWeeks: options.starvingWeeks,
    people,
    team: {
      counted: counted.length,
      categories,
      drift: categories.reduce((s, c) => s + Math.abs(c.drift), 0) / 2,
    },
  };
}

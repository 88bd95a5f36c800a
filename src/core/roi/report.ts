import type { IsoDate } from "../dates.js";
import type { ItemLine } from "../docket/item.js";
import {
  FIELD_NAMES,
  IMPACT_LABELS,
  type Impact,
  missingInputs,
  type Proposal,
  readProposal,
} from "./proposal.js";

/**
 * The ROI check: every open proposal scored on what remains (RICE, CD3), ranked, and flagged
 * where the numbers say the team should stop and think. One report object for the CLI, the
 * server and the deck; the rules are written out in docs/roi.md.
 */

export const ROI_FLAGS = ["sunk-cost", "over-engineering", "kill-due", "missing-inputs"] as const;
export type RoiFlag = (typeof ROI_FLAGS)[number];

/** Over-engineering's default rule: at least this many times the portfolio's median effort… */
export const OVER_ENGINEERING_EFFORT_FACTOR = 2;
/** …while the impact is at most this (low or minimal). */
export const OVER_ENGINEERING_MAX_IMPACT = 0.5;

export interface Sensitivity {
  rice: number;
  rank: number;
  /** Still at or above the median RICE of the rest of the portfolio. */
  stillWorthIt: boolean;
}

export interface ScoredProposal {
  id: string;
  title: string;
  line: number;
  /** 1 is the best; null when the proposal cannot be scored (see missing-inputs). */
  rank: number | null;
  /** reach × impact × confidence / remaining effort, confidence as a fraction. */
  rice: number | null;
  /** cost of delay per week / remaining weeks; null without a cost of delay. */
  cd3: number | null;
  /** RICE's numerator (reach × impact × confidence): what the chart plots against effort. */
  value: number | null;
  reach: number | null;
  impact: Impact | null;
  confidence: number | null;
  effort: number | null;
  spent: number | null;
  cod: number | null;
  carry: number | null;
  kill: string | null;
  review: IsoDate | null;
  met: IsoDate | null;
  flags: RoiFlag[];
  /** The numbers behind each flag that tripped. */
  reasons: Partial<Record<RoiFlag, string>>;
  /** The rank if the remaining effort doubles, or the impact halves; null when unscored. */
  sensitivity: { effortDoubled: Sensitivity; impactHalved: Sensitivity } | null;
}

export interface StoppedProposal {
  id: string;
  title: string;
  line: number;
  stopped: IsoDate;
  why: string;
  effort: number | null;
  spent: number | null;
}

export interface RoiReport {
  today: IsoDate;
  /** Open proposals in rank order; the unscored ones last, in docket order. */
  proposals: ScoredProposal[];
  /** Stopped proposals, the latest first: the deck's "what we stopped". */
  stopped: StoppedProposal[];
  portfolio: {
    /** The median RICE of the scored open proposals. */
    medianRice: number | null;
    /** The median remaining effort of the open proposals that give one. */
    medianEffort: number | null;
    /** Done proposals (shipped), not scored. */
    done: number;
  };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function riceScore(
  reach: number,
  impact: number,
  confidence: number,
  effort: number,
): number {
  return (reach * impact * (confidence / 100)) / effort;
}

/** Two decimals: enough to read, and the same in the terminal, the JSON and the page. */
function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** A number as the reasons print it: no trailing zeros. */
function num(n: number): string {
  return String(round(n));
}

interface Scorable {
  id: string;
  line: number;
  rice: number;
  cd3: number | null;
  effort: number;
}

/** Higher RICE first; then higher CD3 (urgency), less effort, and docket order. */
function compareScored(a: Scorable, b: Scorable): number {
  if (a.rice !== b.rice) return b.rice - a.rice;
  const ca = a.cd3 ?? Number.NEGATIVE_INFINITY;
  const cb = b.cd3 ?? Number.NEGATIVE_INFINITY;
  if (ca !== cb) return cb - ca;
  if (a.effort !== b.effort) return a.effort - b.effort;
  return a.line - b.line;
}

/** The rank `changed` would take among `others`. */
function rankAmong(changed: Scorable, others: readonly Scorable[]): number {
  return 1 + others.filter((o) => compareScored(o, changed) < 0).length;
}

/** The ROI report over the docket's item lines, as of `today`. */
export function roiReport(lines: readonly ItemLine[], today: IsoDate): RoiReport {
  const proposals: Proposal[] = [];
  for (const line of lines) {
    const p = readProposal(line);
    if (p) proposals.push(p);
  }
  const open = proposals.filter((p) => p.status === "open");
  const scores = new Map<string, Scorable>();
  for (const p of open) {
    const { reach, impact, confidence, effort, cod } = p.inputs;
    if (reach === undefined || impact === undefined || confidence === undefined) continue;
    if (effort === undefined) continue;
    scores.set(p.id, {
      id: p.id,
      line: p.line,
      rice: riceScore(reach, impact, confidence, effort),
      cd3: cod === undefined ? null : cod / effort,
      effort,
    });
  }
  const scored = [...scores.values()];
  const medianRice = median(scored.map((s) => s.rice));
  const efforts = open.flatMap((p) => (p.inputs.effort === undefined ? [] : [p.inputs.effort]));
  const medianEffort = median(efforts);
  const ranked = [...scored].sort(compareScored);
  const rankOf = new Map(ranked.map((s, i) => [s.id, i + 1]));

  const rows = open.map((p): ScoredProposal => {
    const s = scores.get(p.id);
    const i = p.inputs;
    const value =
      i.reach !== undefined && i.impact !== undefined && i.confidence !== undefined
        ? i.reach * i.impact * (i.confidence / 100)
        : null;
    const flags: RoiFlag[] = [];
    const reasons: Partial<Record<RoiFlag, string>> = {};
    const trip = (flag: RoiFlag, reason: string) => {
      flags.push(flag);
      reasons[flag] = reason;
    };

    if (s && i.spent !== undefined && medianRice !== null) {
      if (i.spent >= s.effort && s.rice < medianRice) {
        trip(
          "sunk-cost",
          `${num(i.spent)} weeks spent ≥ ${num(s.effort)} weeks remaining, and RICE on what remains ${num(s.rice)} < portfolio median ${num(medianRice)}: the case for going on rests on what is spent`,
        );
      }
    }

    const overReasons: string[] = [];
    if (
      i.effort !== undefined &&
      i.impact !== undefined &&
      medianEffort !== null &&
      i.effort >= OVER_ENGINEERING_EFFORT_FACTOR * medianEffort &&
      i.impact <= OVER_ENGINEERING_MAX_IMPACT
    ) {
      overReasons.push(
        `${num(i.effort)} weeks remaining ≥ ${OVER_ENGINEERING_EFFORT_FACTOR} × portfolio median ${num(medianEffort)} weeks, for ${IMPACT_LABELS[i.impact]} impact (${i.impact})`,
      );
    }
    if (i.carry !== undefined && i.cod !== undefined && i.carry >= i.cod) {
      overReasons.push(
        `carrying cost ${num(i.carry)}/week ≥ the value it brings, cost of delay ${num(i.cod)}/week`,
      );
    }
    if (overReasons.length > 0) trip("over-engineering", overReasons.join("; "));

    if (i.met !== undefined) {
      trip("kill-due", `kill criterion met on ${i.met}${i.kill ? `: "${i.kill}"` : ""}`);
    } else if (i.review !== undefined && i.review <= today) {
      trip(
        "kill-due",
        `review date ${i.review} reached (today ${today})${i.kill ? `: judge "${i.kill}"` : ""}`,
      );
    }

    const missing = missingInputs(i);
    if (missing.length > 0 || p.problems.length > 0) {
      const parts: string[] = [];
      if (missing.length > 0) parts.push(`needs ${missing.map((f) => FIELD_NAMES[f]).join(", ")}`);
      parts.push(...p.problems);
      trip("missing-inputs", parts.join("; "));
    }

    let sensitivity: ScoredProposal["sensitivity"] = null;
    if (s) {
      const others = scored.filter((o) => o.id !== s.id);
      const othersMedian = median(others.map((o) => o.rice));
      const worth = (rice: number) => othersMedian === null || rice >= othersMedian;
      const doubled: Scorable = {
        ...s,
        rice: s.rice / 2,
        cd3: s.cd3 === null ? null : s.cd3 / 2,
        effort: s.effort * 2,
      };
      const halved: Scorable = { ...s, rice: s.rice / 2 };
      sensitivity = {
        effortDoubled: {
          rice: round(doubled.rice),
          rank: rankAmong(doubled, others),
          stillWorthIt: worth(doubled.rice),
        },
        impactHalved: {
          rice: round(halved.rice),
          rank: rankAmong(halved, others),
          stillWorthIt: worth(halved.rice),
        },
      };
    }

    return {
      id: p.id,
      title: p.title,
      line: p.line,
      rank: rankOf.get(p.id) ?? null,
      rice: s ? round(s.rice) : null,
      cd3: s?.cd3 == null ? null : round(s.cd3),
      value: value === null ? null : round(value),
      reach: i.reach ?? null,
      impact: i.impact ?? null,
      confidence: i.confidence ?? null,
      effort: i.effort ?? null,
      spent: i.spent ?? null,
      cod: i.cod ?? null,
      carry: i.carry ?? null,
      kill: i.kill ?? null,
      review: i.review ?? null,
      met: i.met ?? null,
      flags,
      reasons,
      sensitivity,
    };
  });
  rows.sort((a, b) => {
    if (a.rank !== null && b.rank !== null) return a.rank - b.rank;
    if (a.rank !== null) return -1;
    if (b.rank !== null) return 1;
    return a.line - b.line;
  });

  const stopped = proposals
    .filter((p) => p.status === "stopped" && p.stopped)
    .map(
      (p): StoppedProposal => ({
        id: p.id,
        title: p.title,
        line: p.line,
        stopped: p.stopped?.date as IsoDate,
        why: p.stopped?.why ?? "",
        effort: p.inputs.effort ?? null,
        spent: p.inputs.spent ?? null,
      }),
    )
    .sort((a, b) => (a.stopped === b.stopped ? a.line - b.line : a.stopped < b.stopped ? 1 : -1));

  return {
    today,
    proposals: rows,
    stopped,
    portfolio: {
      medianRice: medianRice === null ? null : round(medianRice),
      medianEffort,
      done: proposals.filter((p) => p.status === "done").length,
    },
  };
}

import { z } from "zod";
import { appendItem, itemLines } from "../docket/docket.js";
import type { Docket } from "../docket/item.js";
import { PpppptError } from "../errors.js";
import { parseYamlWith } from "../yaml-file.js";

/**
 * Service level objectives over engineering health, in the shape of OpenSLO v1 (one YAML
 * document per SLO, `---` between them). The indicator is a good/total ratio whose metric
 * sources are ppppt's own event streams (`type: ppppt`, `query:` one of SLO_QUERIES).
 * docs/health.md, "SLOs", has the maths worked through.
 */

/** The event streams an indicator can count: each pairs a good query with its total. */
export const SLO_QUERIES = {
  "ci-runs-without-flaky-failures": "ci-runs",
  "bugs-resolved-within-target": "bugs-resolved",
  "tech-debt-younger-than-180d": "tech-debt-open",
} as const;
export type GoodQuery = keyof typeof SLO_QUERIES;

const DURATION = /^(\d+)(m|h|d|w|M)$/;

const metricSource = (query: z.ZodType<string>) =>
  z.strictObject({
    metricSource: z.strictObject({
      type: z.literal("ppppt"),
      spec: z.strictObject({ query }),
    }),
  });

const sloSchema = z.strictObject({
  apiVersion: z.literal("openslo/v1"),
  kind: z.literal("SLO"),
  metadata: z.strictObject({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "a lower-case name: letters, digits and -"),
    displayName: z.string().optional(),
    annotations: z.record(z.string(), z.string()).optional(),
  }),
  spec: z.strictObject({
    description: z.string().optional(),
    service: z.string().optional(),
    indicator: z.strictObject({
      metadata: z.strictObject({ name: z.string(), displayName: z.string().optional() }).optional(),
      spec: z.strictObject({
        ratioMetric: z.strictObject({
          counter: z.boolean().optional(),
          good: metricSource(z.enum(Object.keys(SLO_QUERIES) as [GoodQuery, ...GoodQuery[]])),
          total: metricSource(z.enum(Object.values(SLO_QUERIES) as [string, ...string[]])),
        }),
      }),
    }),
    timeWindow: z
      .array(
        z.strictObject({
          duration: z.string().regex(DURATION, "a duration like 28d, 1w or 1M"),
          isRolling: z.boolean(),
          calendar: z
            .strictObject({ startTime: z.string(), timeZone: z.string().optional() })
            .optional(),
        }),
      )
      .length(1, "one time window"),
    budgetingMethod: z.enum(["Occurrences", "Timeslices"]),
    objectives: z
      .array(
        z.strictObject({
          displayName: z.string().optional(),
          target: z.number().gt(0).lt(1),
          timeSliceTarget: z.number().gt(0).lte(1).optional(),
          timeSliceWindow: z.string().regex(DURATION).optional(),
        }),
      )
      .min(1),
  }),
});
export type SloSpec = z.infer<typeof sloSchema>;

/** The SLOs a team starts from, written to the config folder as slos.yaml by `ppppt slo --init`. */
export const DEFAULT_SLOS_YAML = `# ppppt's SLOs, in the shape of OpenSLO v1 (https://openslo.com). docs/health.md explains them.
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ci-flaky-free
  displayName: CI runs free of flaky failures
spec:
  description: 99% of CI runs have no test that failed and then passed (flaky), over 28 days.
  service: ci
  indicator:
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { type: ppppt, spec: { query: ci-runs-without-flaky-failures } } }
        total: { metricSource: { type: ppppt, spec: { query: ci-runs } } }
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - displayName: flaky-free runs
      target: 0.99
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: bugs-resolved-in-time
  displayName: Bugs resolved within their priority's target
spec:
  description: Bugs closed within the days their priority allows (config health.bugTargets; GitLab's 30/60/90/120).
  service: bugs
  indicator:
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { type: ppppt, spec: { query: bugs-resolved-within-target } } }
        total: { metricSource: { type: ppppt, spec: { query: bugs-resolved } } }
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Occurrences
  objectives:
    - target: 0.9
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: tech-debt-fresh
  displayName: No tech-debt item older than 180 days
spec:
  description: Open tech-debt items younger than 180 days, checked once a day.
  service: tech-debt
  indicator:
    spec:
      ratioMetric:
        counter: false
        good: { metricSource: { type: ppppt, spec: { query: tech-debt-younger-than-180d } } }
        total: { metricSource: { type: ppppt, spec: { query: tech-debt-open } } }
  timeWindow:
    - duration: 28d
      isRolling: true
  budgetingMethod: Timeslices
  objectives:
    - target: 0.99
      timeSliceTarget: 1
      timeSliceWindow: 1d
`;

/**
 * Reads an slos.yaml: one SLO per YAML document. Each document is checked on its own lines
 * (the others blanked), so an error names the file's real line.
 */
export function parseSlos(text: string, file: string): SloSpec[] {
  const lines = text.split("\n");
  const starts = [0];
  lines.forEach((l, i) => {
    if (/^---\s*$/.test(l)) starts.push(i + 1);
  });
  const slos: SloSpec[] = [];
  for (const [k, start] of starts.entries()) {
    const end = (starts[k + 1] ?? lines.length + 1) - 1;
    const doc = lines.map((l, i) => (i >= start && i < end ? l : "")).join("\n");
    if (doc.trim().replace(/^#.*$/gm, "").trim() === "") continue;
    slos.push(parseYamlWith(doc, file, sloSchema));
  }
  const names = new Set<string>();
  for (const s of slos) {
    const total = s.spec.indicator.spec.ratioMetric.total.metricSource.spec.query;
    if (SLO_QUERIES[goodQueryOf(s)] !== total) {
      throw new PpppptError(
        `${s.metadata.name}: the total of ${goodQueryOf(s)} is ${SLO_QUERIES[goodQueryOf(s)]}, not ${total}`,
        { file },
      );
    }
    if (names.has(s.metadata.name)) {
      throw new PpppptError(`two SLOs are named ${s.metadata.name}`, { file });
    }
    names.add(s.metadata.name);
  }
  return slos;
}

/** The indicator's good query (the schema allows only SLO_QUERIES' keys). */
export function goodQueryOf(slo: SloSpec): GoodQuery {
  return slo.spec.indicator.spec.ratioMetric.good.metricSource.spec.query as GoodQuery;
}

/** A duration as milliseconds; a month (`M`) is 30 days outside calendar windows. */
export function durationMs(text: string): number {
  const m = DURATION.exec(text);
  if (!m) throw new PpppptError(`${text} is not a duration`);
  const n = Number(m[1]);
  const unit = { m: 60e3, h: 3600e3, d: 86400e3, w: 7 * 86400e3, M: 30 * 86400e3 }[m[2] as "m"];
  return n * unit;
}

/** One event an indicator counts: a CI run, a resolved bug, a tech-debt item on a day. */
export interface SloEvent {
  /** ISO instant. */
  time: string;
  good: boolean;
  /** What made it bad (the flaky tests of a run, the bug's id), for worst offenders. */
  blame?: readonly string[];
}

/**
 * Burn-rate windows that suit the cadence (the SRE Workbook's multi-window idea): CI runs
 * come many a day, so a day against a week; bugs and tech debt move by the week, so a week
 * against the whole window.
 */
export const BURN_WINDOWS: Record<GoodQuery, { short: string; long: string }> = {
  "ci-runs-without-flaky-failures": { short: "1d", long: "7d" },
  "bugs-resolved-within-target": { short: "7d", long: "28d" },
  "tech-debt-younger-than-180d": { short: "7d", long: "28d" },
};

/** Fewer events (or slices) than this in the window: too few to judge, and never a breach. */
export const MIN_EVENTS = 20;
export const MIN_SLICES = 7;
/** Both windows burning at least this fast: the budget would be gone well before the window ends. */
export const FAST_BURN = 2;

export interface SloStatus {
  name: string;
  displayName: string;
  objective: number;
  window: string;
  budgetingMethod: "Occurrences" | "Timeslices";
  good: number;
  total: number;
  /** good / total over the window; null with no events. */
  indicator: number | null;
  /** 1 - bad / allowed-bad: 1 untouched, 0 spent, below 0 overspent; null with no events. */
  budgetLeft: number | null;
  burnRate: { short: number | null; long: number | null; shortWindow: string; longWindow: string };
  /** The indicator over the window before this one, and the change. */
  trend: {
    previous: number | null;
    change: number | null;
    word: "better" | "worse" | "steady" | "unknown";
  };
  worstOffenders: { what: string; count: number }[];
  status: "ok" | "burning" | "breached" | "too-few-events" | "no-data";
  /** One sentence saying what the status means. */
  why: string;
}

interface Span {
  from: number;
  to: number;
}

/** The window `now` falls in: the last `duration` (rolling) or the calendar period holding now. */
export function windowSpan(slo: SloSpec, now: Date): Span {
  const w = slo.spec.timeWindow[0] as SloSpec["spec"]["timeWindow"][number];
  const to = now.getTime();
  if (w.isRolling || w.calendar === undefined) return { from: to - durationMs(w.duration), to };
  const start = Date.parse(w.calendar.startTime.replace(" ", "T"));
  if (!Number.isFinite(start)) {
    throw new PpppptError(
      `${slo.metadata.name}: calendar.startTime ${w.calendar.startTime} is not a time`,
    );
  }
  const m = DURATION.exec(w.duration) as RegExpExecArray;
  if (m[2] === "M") {
    // Calendar months from the start's day of month, in UTC.
    const s = new Date(start);
    const months =
      (now.getUTCFullYear() - s.getUTCFullYear()) * 12 + now.getUTCMonth() - s.getUTCMonth();
    let k = Math.floor(months / Number(m[1])) * Number(m[1]);
    const at = (n: number) =>
      Date.UTC(
        s.getUTCFullYear(),
        s.getUTCMonth() + n,
        s.getUTCDate(),
        s.getUTCHours(),
        s.getUTCMinutes(),
      );
    if (at(k) > to) k -= Number(m[1]);
    return { from: at(k), to };
  }
  const length = durationMs(w.duration);
  const periods = Math.floor((to - start) / length);
  return { from: start + periods * length, to };
}

function inSpan(events: readonly SloEvent[], span: Span): SloEvent[] {
  return events.filter((e) => {
    const t = Date.parse(e.time);
    return t > span.from && t <= span.to;
  });
}

/** good and total in a span: events (Occurrences) or slices holding events (Timeslices). */
function tally(
  slo: SloSpec,
  events: readonly SloEvent[],
  span: Span,
): { good: number; total: number } {
  const within = inSpan(events, span);
  if (slo.spec.budgetingMethod === "Occurrences") {
    return { good: within.filter((e) => e.good).length, total: within.length };
  }
  const objective = slo.spec.objectives[0] as SloSpec["spec"]["objectives"][number];
  const slice = durationMs(objective.timeSliceWindow ?? "1d");
  const sliceTarget = objective.timeSliceTarget ?? objective.target;
  const slices = new Map<number, { good: number; total: number }>();
  for (const e of within) {
    const k = Math.floor((Date.parse(e.time) - span.from) / slice);
    const s = slices.get(k) ?? { good: 0, total: 0 };
    s.total++;
    if (e.good) s.good++;
    slices.set(k, s);
  }
  let good = 0;
  for (const s of slices.values()) if (s.good / s.total >= sliceTarget) good++;
  return { good, total: slices.size };
}

/**
 * Burn rate over the last `window`: the share of bad events there over the share the
 * objective allows. 1 spends the budget exactly over the SLO's window; 2 in half of it.
 */
function burnRate(
  slo: SloSpec,
  events: readonly SloEvent[],
  now: Date,
  window: string,
  target: number,
): number | null {
  const to = now.getTime();
  const t = tally(slo, events, { from: to - durationMs(window), to });
  if (t.total === 0) return null;
  return (t.total - t.good) / t.total / (1 - target);
}

/** a >= b, forgiving the last bits of a ratio ((1/50)/0.01 is 1.9999999999999996). */
function atLeast(a: number, b: number): boolean {
  return a >= b - 1e-9;
}

function percent(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

export function sloStatus(slo: SloSpec, events: readonly SloEvent[], now: Date): SloStatus {
  const objective = slo.spec.objectives[0] as SloSpec["spec"]["objectives"][number];
  const target = objective.target;
  const query = goodQueryOf(slo);
  const windows = BURN_WINDOWS[query];
  const span = windowSpan(slo, now);
  const { good, total } = tally(slo, events, span);
  const indicator = total === 0 ? null : good / total;
  const allowed = (1 - target) * total;
  const budgetLeft = total === 0 ? null : 1 - (total - good) / allowed;
  const length = span.to - span.from;
  const before = tally(slo, events, { from: span.from - length, to: span.from });
  const previous = before.total === 0 ? null : before.good / before.total;
  const change = indicator === null || previous === null ? null : indicator - previous;
  const word =
    change === null
      ? "unknown"
      : Math.abs(change) < 0.005
        ? "steady"
        : change > 0
          ? "better"
          : "worse";
  const blamed = new Map<string, number>();
  for (const e of inSpan(events, span)) {
    if (e.good) continue;
    for (const b of e.blame ?? []) blamed.set(b, (blamed.get(b) ?? 0) + 1);
  }
  const worstOffenders = [...blamed]
    .map(([what, count]) => ({ what, count }))
    .sort((a, b) => b.count - a.count || a.what.localeCompare(b.what))
    .slice(0, 5);
  const short = burnRate(slo, events, now, windows.short, target);
  const long = burnRate(slo, events, now, windows.long, target);
  const minimum = slo.spec.budgetingMethod === "Occurrences" ? MIN_EVENTS : MIN_SLICES;
  const unit = slo.spec.budgetingMethod === "Occurrences" ? "events" : "time slices";
  let status: SloStatus["status"];
  let why: string;
  if (total === 0) {
    status = "no-data";
    why = `no ${unit} in the last ${slo.spec.timeWindow[0]?.duration}`;
  } else if (total < minimum) {
    status = "too-few-events";
    why = `${total} ${unit} in the window, fewer than the ${minimum} it takes to judge`;
  } else if ((budgetLeft as number) < 0) {
    status = "breached";
    why = `${percent(indicator as number)} against an objective of ${percent(target)}: the error budget is spent`;
  } else if (
    short !== null &&
    long !== null &&
    atLeast(short, FAST_BURN) &&
    atLeast(long, FAST_BURN)
  ) {
    status = "burning";
    why = `burning ${short.toFixed(1)}x over ${windows.short} and ${long.toFixed(1)}x over ${windows.long}: at this pace the budget runs out before the window ends`;
  } else {
    status = "ok";
    why = `${percent(indicator as number)} against an objective of ${percent(target)}`;
  }
  return {
    name: slo.metadata.name,
    displayName: slo.metadata.displayName ?? slo.metadata.name,
    objective: target,
    window: `${slo.spec.timeWindow[0]?.duration} ${slo.spec.timeWindow[0]?.isRolling ? "rolling" : "calendar"}`,
    budgetingMethod: slo.spec.budgetingMethod,
    good,
    total,
    indicator,
    budgetLeft,
    burnRate: { short, long, shortWindow: windows.short, longWindow: windows.long },
    trend: { previous, change, word },
    worstOffenders,
    status,
    why,
  };
}

/** The tag a breach item carries, so the breach is put on the docket once. */
export function breachTag(name: string): string {
  return `slo:${name}`;
}

/** What to look at, per indicator, in the breach item's words. */
const LOOK_AT: Record<GoodQuery, string> = {
  "ci-runs-without-flaky-failures": "`ppppt health flaky`",
  "bugs-resolved-within-target": "`ppppt slo` for the slowest bugs",
  "tech-debt-younger-than-180d": "`ppppt slo` for the oldest tech-debt items",
};

/**
 * Adds one Process item for a breached SLO, unless an open item already carries its tag.
 * Returns the docket unchanged (the same object) when there is nothing to add.
 */
export function addBreachItem(
  docket: Docket,
  slo: SloSpec,
  status: SloStatus,
  today: string,
): { docket: Docket; added: string | undefined } {
  const tag = breachTag(slo.metadata.name);
  const [key, value] = tag.split(":") as [string, string];
  const open = itemLines(docket).some(
    (l) => !l.item.done && l.item.tags.some((t) => t.key === key && t.value === value),
  );
  if (open || status.status !== "breached") return { docket, added: undefined };
  const query = goodQueryOf(slo);
  const top = status.worstOffenders[0];
  const worst = top ? `, worst: ${top.what.replace(/\s+/g, " ")}` : "";
  const text = `${today} SLO breached: ${status.displayName} at ${percent(status.indicator as number)} (objective ${percent(status.objective)}); look at ${LOOK_AT[query]}${worst} cat:process ${tag}`;
  const added = appendItem(docket, text);
  return { docket: added.docket, added: added.line.text };
}

/** The error budget left at one moment, for the Health view's chart. */
export interface BudgetPoint {
  at: string;
  budgetLeft: number | null;
}

/**
 * The budget left as it stood at each of `points` moments a `step` apart, ending now (oldest
 * first): each point is the status the SLO would have shown then, over its window then.
 */
export function budgetHistory(
  slo: SloSpec,
  events: readonly SloEvent[],
  now: Date,
  points = 28,
  step = 86_400_000,
): BudgetPoint[] {
  const out: BudgetPoint[] = [];
  for (let k = points - 1; k >= 0; k--) {
    const at = new Date(now.getTime() - k * step);
    out.push({ at: at.toISOString(), budgetLeft: sloStatus(slo, events, at).budgetLeft });
  }
  return out;
}

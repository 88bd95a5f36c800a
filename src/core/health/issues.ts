import { z } from "zod";
import type { IssueRecord } from "../import/issue-record.js";
import { hoursBetween } from "../import/timestamp.js";
import { parseYamlWith } from "../yaml-file.js";
import type { SloEvent } from "./slo.js";

/**
 * Bugs and tech debt from issue-tracker exports (the records `src/core/import/`'s readers
 * give): time to resolution by priority, open bug age, tech-debt count and age over time, and
 * the events the bug and tech-debt SLOs count. docs/health.md, "Bugs and tech debt", has the
 * rules and the defaults.
 */

const DAY_MS = 86_400_000;

/** What the config's `health:` section says about issues (every key has a default). */
export interface IssueSettings {
  /** Labels that make an issue a bug, lower case (Jira's and GitHub's issue type Bug too). */
  bugLabels: readonly string[];
  /** Labels (or an issue type) that make an item tech debt, lower case. */
  techDebtLabels: readonly string[];
  /** Days to resolve a bug, by its priority or severity as `rankKey` normalises it. */
  bugTargets: ReadonlyMap<string, number>;
  /** Days for a bug with no priority or severity, or one the map does not name. */
  defaultTargetDays: number;
  /** An open tech-debt item older than this many days makes its day bad. */
  techDebtMaxDays: number;
}

/**
 * GitLab's remediation targets (30/60/90/120 days for severity or priority 1 to 4) are the
 * reference; Jira's priority names and the common label spellings map onto the same four.
 */
const RANKS: readonly [readonly string[], number][] = [
  [["0", "1", "critical", "blocker", "highest", "urgent"], 30],
  [["2", "high"], 60],
  [["3", "medium", "major", "normal"], 90],
  [["4", "low", "minor", "lowest", "trivial"], 120],
];

export const DEFAULT_ISSUE_SETTINGS: IssueSettings = {
  bugLabels: ["bug", "type: bug", "type::bug", "type/bug", "kind/bug", "defect"],
  techDebtLabels: [
    "tech-debt",
    "tech debt",
    "techdebt",
    "technical debt",
    "technical-debt",
    "type::tech debt",
    "debt",
  ],
  bugTargets: new Map(RANKS.flatMap(([names, days]) => names.map((n) => [n, days] as const))),
  defaultTargetDays: 120,
  techDebtMaxDays: 180,
};

/**
 * A priority or severity as the target map keys it: lower case, without a `priority`,
 * `severity`, `sev` or `pri` prefix and its separators, and a `P` or `S` before a digit
 * (`priority::1`, `P1`, `S1` and `Sev 1` → `1`; `Severity: Critical` → `critical`).
 */
export function rankKey(rank: string): string {
  const s = rank.trim().toLowerCase();
  const stripped = s
    .replace(/^(?:priority|severity|sev|pri)[\s:/_-]*/, "")
    .replace(/^[ps](\d)$/, "$1");
  return stripped === "" ? s : stripped;
}

const days = z.number().int().min(1).max(3650);
const configSchema = z.looseObject({
  health: z
    .strictObject({
      bugLabels: z.array(z.string()).optional(),
      techDebtLabels: z.array(z.string()).optional(),
      bugTargets: z.record(z.string(), days).optional(),
      techDebtMaxDays: days.optional(),
    })
    .optional()
    .nullable(),
});

/**
 * The config file's `health:` section (docs/health.md), from the file's text so that a wrong
 * value names its line: `bugTargets` entries are added over the defaults (`default:` sets the
 * days for bugs without a known priority); label lists replace the defaults.
 */
export function issueSettings(configText: string | undefined, file: string): IssueSettings {
  const checked =
    configText === undefined ? undefined : parseYamlWith(configText, file, configSchema).health;
  if (!checked) return DEFAULT_ISSUE_SETTINGS;
  const targets = new Map(DEFAULT_ISSUE_SETTINGS.bugTargets);
  let defaultTargetDays = DEFAULT_ISSUE_SETTINGS.defaultTargetDays;
  for (const [name, d] of Object.entries(checked.bugTargets ?? {})) {
    if (name.toLowerCase() === "default") defaultTargetDays = d;
    else targets.set(rankKey(name), d);
  }
  const lower = (xs: readonly string[] | undefined, fallback: readonly string[]) =>
    xs === undefined ? fallback : xs.map((x) => x.trim().toLowerCase());
  return {
    bugLabels: lower(checked.bugLabels, DEFAULT_ISSUE_SETTINGS.bugLabels),
    techDebtLabels: lower(checked.techDebtLabels, DEFAULT_ISSUE_SETTINGS.techDebtLabels),
    bugTargets: targets,
    defaultTargetDays,
    techDebtMaxDays: checked.techDebtMaxDays ?? DEFAULT_ISSUE_SETTINGS.techDebtMaxDays,
  };
}

/** Pull requests and issues closed as not planned say nothing about bugs or debt. */
export function counts(r: IssueRecord): boolean {
  return !r.isPullRequest && !r.closedAsNotPlanned;
}

function labelled(r: IssueRecord, labels: readonly string[]): boolean {
  if (r.type !== undefined && labels.includes(r.type.toLowerCase())) return true;
  return r.labels.some((l) => labels.includes(l.trim().toLowerCase()));
}

export function isBug(r: IssueRecord, s: IssueSettings): boolean {
  if (r.type !== undefined && r.type.toLowerCase() === "bug") return true;
  return labelled(r, s.bugLabels);
}

export function isTechDebt(r: IssueRecord, s: IssueSettings): boolean {
  return labelled(r, s.techDebtLabels);
}

/** A bug's priority as the export names it (priority, else severity), and the days it allows. */
export function bugTarget(r: IssueRecord, s: IssueSettings): { priority: string; days: number } {
  const rank = r.priority ?? r.severity;
  if (rank === undefined) return { priority: "none", days: s.defaultTargetDays };
  return { priority: rank, days: s.bugTargets.get(rankKey(rank)) ?? s.defaultTargetDays };
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function round2(x: number | null): number | null {
  return x === null ? null : Math.round(x * 100) / 100;
}

/** Hours from opening to closing, when the export gives both (undefined otherwise). */
export function hoursToClose(r: IssueRecord): number | undefined {
  if (r.state !== "closed" || r.created === undefined || r.closed === undefined) return undefined;
  return hoursBetween(r.created, r.closed);
}

/** What one export holds, as `ppppt health ingest-issues` reports it. */
export interface ExportSummary {
  /** Records in the file, pull requests included. */
  records: number;
  pullRequests: number;
  notPlanned: number;
  /** The rest: issues the figures count. */
  issues: number;
  open: number;
  closed: number;
  /** No state in the export (`gh issue list --json number,title`): neither open nor closed. */
  stateUnknown: number;
  /** Closed with both times known (older GitLab leaves `closed_at` out). */
  closedWithDates: number;
  medianHoursToClose: number | null;
  bugs: number;
  techDebt: number;
}

export function summarizeExport(records: readonly IssueRecord[], s: IssueSettings): ExportSummary {
  const kept = records.filter(counts);
  const hours = kept.flatMap((r) => {
    const h = hoursToClose(r);
    return h === undefined ? [] : [h];
  });
  return {
    records: records.length,
    pullRequests: records.filter((r) => r.isPullRequest).length,
    notPlanned: records.filter((r) => !r.isPullRequest && r.closedAsNotPlanned).length,
    issues: kept.length,
    open: kept.filter((r) => r.state === "open").length,
    closed: kept.filter((r) => r.state === "closed").length,
    stateUnknown: kept.filter((r) => r.state === "unknown").length,
    closedWithDates: hours.length,
    medianHoursToClose: round2(median(hours)),
    bugs: kept.filter((r) => isBug(r, s)).length,
    techDebt: kept.filter((r) => isTechDebt(r, s)).length,
  };
}

export interface PriorityFigures {
  priority: string;
  targetDays: number;
  open: number;
  /** Open bugs with no creation time: their age is unknown, not guessed. */
  openAgeUnknown: number;
  medianOpenAgeDays: number | null;
  oldestOpenAgeDays: number | null;
  /** Open bugs already older than the target. */
  openOverTarget: number;
  closed: number;
  /** Closed with a known time to close. */
  resolved: number;
  medianHoursToResolve: number | null;
  resolvedWithinTarget: number;
}

export interface TechDebtPoint {
  /** ISO instant the count is taken at. */
  at: string;
  open: number;
  medianAgeDays: number | null;
  oldestAgeDays: number | null;
  /** Open items at least the limit old (the ones that make a day bad). */
  olderThanMax: number;
}

export interface IssueFigures {
  issues: number;
  bugs: {
    open: number;
    closed: number;
    /** Closed with no closing time in the export: counted closed, but in no time figure. */
    closedDateUnknown: number;
    stateUnknown: number;
    byPriority: PriorityFigures[];
    oldestOpen: { key: string; title: string; priority: string; ageDays: number }[];
  };
  techDebt: {
    open: number;
    closedDateUnknown: number;
    medianAgeDays: number | null;
    oldestAgeDays: number | null;
    maxDays: number;
    /** Weekly, oldest first, ending now. */
    overTime: TechDebtPoint[];
    oldestOpen: { key: string; title: string; ageDays: number }[];
  };
}

function ageDays(r: IssueRecord, at: number): number | undefined {
  return r.created === undefined ? undefined : (at - r.created.ms) / DAY_MS;
}

function round1(x: number | null): number | null {
  return x === null ? null : Math.round(x * 10) / 10;
}

/** Open at `at`: created by then and not yet closed (records with no closing time are left out). */
function openAt(r: IssueRecord, at: number): boolean {
  if (r.created === undefined || r.created.ms > at) return false;
  if (r.state === "open") return true;
  return r.state === "closed" && r.closed !== undefined && r.closed.ms > at;
}

/** How many weekly points `overTime` holds. */
export const TECH_DEBT_WEEKS = 12;

export function issueFigures(
  records: readonly IssueRecord[],
  s: IssueSettings,
  now: Date,
): IssueFigures {
  const at = now.getTime();
  const kept = records.filter(counts);
  const bugs = kept.filter((r) => isBug(r, s));
  const groups = new Map<string, IssueRecord[]>();
  for (const b of bugs) {
    const { priority } = bugTarget(b, s);
    const key = priority === "none" ? "none" : rankKey(priority);
    const list = groups.get(key) ?? [];
    list.push(b);
    groups.set(key, list);
  }
  const byPriority: PriorityFigures[] = [...groups.values()].map((list) => {
    const first = list[0] as IssueRecord;
    const { priority, days } = bugTarget(first, s);
    const open = list.filter((r) => r.state === "open");
    const ages = open.flatMap((r) => {
      const a = ageDays(r, at);
      return a === undefined ? [] : [a];
    });
    const hours = list.flatMap((r) => {
      const h = hoursToClose(r);
      return h === undefined ? [] : [h];
    });
    return {
      priority,
      targetDays: days,
      open: open.length,
      openAgeUnknown: open.length - ages.length,
      medianOpenAgeDays: round1(median(ages)),
      oldestOpenAgeDays: round1(ages.length === 0 ? null : Math.max(...ages)),
      openOverTarget: ages.filter((a) => a > days).length,
      closed: list.filter((r) => r.state === "closed").length,
      resolved: hours.length,
      medianHoursToResolve: round2(median(hours)),
      resolvedWithinTarget: hours.filter((h) => h <= days * 24).length,
    };
  });
  byPriority.sort((a, b) => a.targetDays - b.targetDays || a.priority.localeCompare(b.priority));
  const oldestOpenBugs = bugs
    .filter((r) => r.state === "open" && r.created !== undefined)
    .map((r) => ({
      key: r.key,
      title: r.title,
      priority: bugTarget(r, s).priority,
      ageDays: round1(ageDays(r, at) as number) as number,
    }))
    .sort((a, b) => b.ageDays - a.ageDays)
    .slice(0, 5);

  const debt = kept.filter((r) => isTechDebt(r, s));
  const debtOpen = debt.filter((r) => r.state === "open");
  const debtAges = debtOpen.flatMap((r) => {
    const a = ageDays(r, at);
    return a === undefined ? [] : [a];
  });
  const overTime: TechDebtPoint[] = [];
  for (let w = TECH_DEBT_WEEKS - 1; w >= 0; w--) {
    const t = at - w * 7 * DAY_MS;
    const ages = debt.filter((r) => openAt(r, t)).map((r) => ageDays(r, t) as number);
    overTime.push({
      at: new Date(t).toISOString(),
      open: ages.length,
      medianAgeDays: round1(median(ages)),
      oldestAgeDays: round1(ages.length === 0 ? null : Math.max(...ages)),
      olderThanMax: ages.filter((a) => a >= s.techDebtMaxDays).length,
    });
  }
  return {
    issues: kept.length,
    bugs: {
      open: bugs.filter((r) => r.state === "open").length,
      closed: bugs.filter((r) => r.state === "closed").length,
      closedDateUnknown: bugs.filter((r) => r.state === "closed" && r.closed === undefined).length,
      stateUnknown: bugs.filter((r) => r.state === "unknown").length,
      byPriority,
      oldestOpen: oldestOpenBugs,
    },
    techDebt: {
      open: debtOpen.length,
      closedDateUnknown: debt.filter((r) => r.state === "closed" && r.closed === undefined).length,
      medianAgeDays: round1(median(debtAges)),
      oldestAgeDays: round1(debtAges.length === 0 ? null : Math.max(...debtAges)),
      maxDays: s.techDebtMaxDays,
      overTime,
      oldestOpen: debtOpen
        .filter((r) => r.created !== undefined)
        .map((r) => ({
          key: r.key,
          title: r.title,
          ageDays: round1(ageDays(r, at) as number) as number,
        }))
        .sort((a, b) => b.ageDays - a.ageDays)
        .slice(0, 5),
    },
  };
}

function named(r: IssueRecord): string {
  return r.title === "" ? r.key : `${r.key} ${r.title}`;
}

/**
 * `bugs-resolved`: one event per bug closed with both times known, at its closing time; good
 * when closed within its priority's target.
 */
export function bugResolvedEvents(records: readonly IssueRecord[], s: IssueSettings): SloEvent[] {
  const out: SloEvent[] = [];
  for (const r of records) {
    if (!counts(r) || !isBug(r, s)) continue;
    const hours = hoursToClose(r);
    if (hours === undefined) continue;
    const good = hours <= bugTarget(r, s).days * 24;
    out.push({
      time: new Date((r.closed as NonNullable<IssueRecord["closed"]>).ms).toISOString(),
      good,
      ...(good ? {} : { blame: [named(r)] }),
    });
  }
  return out;
}

/**
 * `tech-debt-open`: one event a day, for the `days` days before `now` (each at the middle of
 * its day counted back from now, so each falls in one time slice); good when no tech-debt
 * item open then is older than the limit, the old ones blamed. Days before the exports' first
 * issue was opened are not judged, and exports with no tech-debt item give no events at all.
 */
export function techDebtEvents(
  records: readonly IssueRecord[],
  s: IssueSettings,
  now: Date,
  days: number,
): SloEvent[] {
  const kept = records.filter(counts);
  const debt = kept.filter((r) => isTechDebt(r, s));
  if (debt.length === 0) return [];
  let since = Number.POSITIVE_INFINITY;
  for (const r of kept) if (r.created !== undefined) since = Math.min(since, r.created.ms);
  const out: SloEvent[] = [];
  for (let k = days - 1; k >= 0; k--) {
    const t = now.getTime() - (k + 0.5) * DAY_MS;
    if (t < since) continue;
    const old = debt.filter((r) => openAt(r, t) && (ageDays(r, t) as number) >= s.techDebtMaxDays);
    out.push({
      time: new Date(t).toISOString(),
      good: old.length === 0,
      ...(old.length === 0 ? {} : { blame: old.map(named) }),
    });
  }
  return out;
}

/** The tracker a file's name gives away: Jira alone exports CSV and XML. */
export function trackerByName(file: string): "jira" | undefined {
  return /\.(csv|xml)$/i.test(file) ? "jira" : undefined;
}

/** The tracker a reader's hint names ("It looks like a GitLab issue: use `ppppt import gitlab`"). */
export function trackerInHint(hint: string | undefined): "github" | "gitlab" | "jira" | undefined {
  const m = /import (github|gitlab|jira)\b/.exec(hint ?? "");
  return m ? (m[1] as "github" | "gitlab" | "jira") : undefined;
}

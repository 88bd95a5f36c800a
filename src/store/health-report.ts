import { ciRunEvents, detectFlaky, type FlakyReport } from "../core/health/flaky.js";
import {
  bugResolvedEvents,
  type IssueFigures,
  issueFigures,
  techDebtEvents,
} from "../core/health/issues.js";
import {
  type BudgetPoint,
  budgetHistory,
  goodQueryOf,
  type SloEvent,
  type SloSpec,
  type SloStatus,
  sloStatus,
  windowSpan,
} from "../core/health/slo.js";
import { healthPaths, readFlakyInputs, withHealthDb } from "./health-db.js";
import { readIssueRecords, readIssueSettings } from "./health-issues.js";
import type { Env } from "./paths.js";
import { readSlos } from "./slo-file.js";

export interface HealthReport {
  flaky: FlakyReport;
  slos: SloSpec[];
  statuses: SloStatus[];
  /** Each SLO's error budget left on each of the last 28 days (the order of `statuses`). */
  budgets: BudgetPoint[][];
  /** Bugs and tech debt from the ingested issue exports. */
  issues: IssueFigures;
  /** The slos.yaml read, or null when the defaults apply. */
  sloFile: string | null;
}

const DAY_MS = 86_400_000;

/**
 * The days of tech-debt events the SLOs need: each tech-debt SLO's window and the window
 * before it (for the trend), and never fewer than the 28-day long burn window.
 */
function techDebtDays(slos: readonly SloSpec[], now: Date): number {
  let days = 28;
  for (const slo of slos) {
    if (goodQueryOf(slo) !== "tech-debt-younger-than-180d") continue;
    const span = windowSpan(slo, now);
    days = Math.max(days, Math.ceil((2 * (span.to - span.from)) / DAY_MS) + 1);
  }
  return days;
}

/**
 * Everything `ppppt health flaky`, `ppppt health bugs`, `ppppt slo` and the dashboard show,
 * read in one opening of the database (closed again before this returns, so an ingest can run
 * meanwhile).
 */
export async function readHealthReport(
  docketPath: string,
  env: Env,
  now: Date,
): Promise<HealthReport> {
  const [{ slos, file, defaults }, settings] = await Promise.all([
    readSlos(env),
    readIssueSettings(env),
  ]);
  const { inputs, records } = await withHealthDb(healthPaths(docketPath), async (db) => ({
    inputs: await readFlakyInputs(db),
    records: await readIssueRecords(db),
  }));
  const flaky = detectFlaky(inputs.runs, inputs.results);
  const events = new Map<string, SloEvent[]>([
    ["ci-runs-without-flaky-failures", ciRunEvents(inputs.runs, flaky)],
    ["bugs-resolved-within-target", bugResolvedEvents(records, settings)],
    [
      "tech-debt-younger-than-180d",
      techDebtEvents(records, settings, now, techDebtDays(slos, now)),
    ],
  ]);
  const statuses = slos.map((slo) => sloStatus(slo, events.get(goodQueryOf(slo)) ?? [], now));
  return {
    flaky,
    slos,
    statuses,
    budgets: slos.map((slo) => budgetHistory(slo, events.get(goodQueryOf(slo)) ?? [], now)),
    issues: issueFigures(records, settings, now),
    sloFile: defaults ? null : file,
  };
}

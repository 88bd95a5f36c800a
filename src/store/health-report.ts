import { ciRunEvents, detectFlaky, type FlakyReport } from "../core/health/flaky.js";
import {
  goodQueryOf,
  type SloEvent,
  type SloSpec,
  type SloStatus,
  sloStatus,
} from "../core/health/slo.js";
import { healthPaths, readFlakyInputs, withHealthDb } from "./health-db.js";
import type { Env } from "./paths.js";
import { readSlos } from "./slo-file.js";

export interface HealthReport {
  flaky: FlakyReport;
  slos: SloSpec[];
  statuses: SloStatus[];
  /** The slos.yaml read, or null when the defaults apply. */
  sloFile: string | null;
}

/**
 * Everything `ppppt health flaky`, `ppppt slo` and the dashboard show, read in one opening of
 * the database (closed again before this returns, so an ingest can run meanwhile).
 */
export async function readHealthReport(
  docketPath: string,
  env: Env,
  now: Date,
): Promise<HealthReport> {
  const { slos, file, defaults } = await readSlos(env);
  const inputs = await withHealthDb(healthPaths(docketPath), (db) => readFlakyInputs(db));
  const flaky = detectFlaky(inputs.runs, inputs.results);
  // Bugs and tech debt have no events until issue exports are read (docs/health.md).
  const events = new Map<string, SloEvent[]>([
    ["ci-runs-without-flaky-failures", ciRunEvents(inputs.runs, flaky)],
  ]);
  const statuses = slos.map((slo) => sloStatus(slo, events.get(goodQueryOf(slo)) ?? [], now));
  return { flaky, slos, statuses, sloFile: defaults ? null : file };
}

import type { Hono } from "hono";
import type { Env } from "../store/paths.js";

/**
 * The Health view's data: the flaky report, each SLO's status and the bug and tech-debt
 * figures, as `ppppt health flaky --json`, `ppppt slo --json` and `ppppt health bugs --json`
 * print them. The database is opened per request and closed
 * before the answer goes out, so `ppppt health ingest` can run while the dashboard is open.
 * A GET never writes: breach items are added by `ppppt slo`.
 */
export interface HealthRouteOptions {
  docketPath: string;
  env: Env;
  now: () => Date;
}

export function registerHealthRoutes(app: Hono, o: HealthRouteOptions): void {
  app.get("/api/health", async (c) => {
    const { readHealthReport } = await import("../store/health-report.js");
    const report = await readHealthReport(o.docketPath, o.env, o.now());
    return c.json({
      flaky: report.flaky,
      slos: report.statuses,
      budgets: report.budgets,
      issues: report.issues,
      sloFile: report.sloFile,
    });
  });
}

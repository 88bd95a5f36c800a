import type { Hono } from "hono";
import type { Env } from "../store/paths.js";

/**
 * The Health view's data: the flaky report and each SLO's status, as `ppppt health flaky
 * --json` and `ppppt slo --json` print them. The database is opened per request and closed
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
      sloFile: report.sloFile,
    });
  });
}

import type { Hono } from "hono";
import type { IsoDate } from "../core/dates.js";
import type { ItemLine } from "../core/docket/item.js";
import { roiReport } from "../core/roi/report.js";

/** The ROI view: the same report `ppppt roi` prints, whole (proposals, stopped, portfolio). */

export interface RoiRouteOptions {
  today: () => IsoDate;
  /** The current docket's item lines (from the server's cache when it is fresh). */
  lines: () => Promise<ItemLine[]>;
}

export function registerRoiRoutes(app: Hono, o: RoiRouteOptions): void {
  app.get("/api/roi", async (c) => c.json(roiReport(await o.lines(), o.today())));
}

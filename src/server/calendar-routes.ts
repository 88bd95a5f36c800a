import type { Hono } from "hono";
import { workingHoursOf } from "../core/calendar/settings.js";
import { timeReport } from "../core/calendar/time-report.js";
import type { IsoDate } from "../core/dates.js";
import { readCalendarLedger } from "../store/calendar-ledger-file.js";
import { calendarZoneOf, readConfigFile } from "../store/config-file.js";
import type { Env } from "../store/paths.js";

/** The Time view: where the meetings went, from the calendar ledger (`ppppt import calendar`). */
export interface CalendarRouteOptions {
  docketPath: string;
  today: () => IsoDate;
  env: Env;
}

export function registerCalendarRoutes(app: Hono, o: CalendarRouteOptions): void {
  app.get("/api/time", async (c) => {
    const [ledger, config] = await Promise.all([
      readCalendarLedger(o.docketPath),
      readConfigFile(o.env),
    ]);
    return c.json(
      timeReport({
        events: ledger.events,
        sources: ledger.sources.length,
        today: o.today(),
        hours: workingHoursOf(config.calendar),
        zone: calendarZoneOf(config),
      }),
    );
  });
}

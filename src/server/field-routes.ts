import type { Hono } from "hono";
import { z } from "zod";
import type { IsoDate } from "../core/dates.js";
import {
  changeField,
  describeFieldChange,
  FIELD_NAMES,
  type FieldName,
  parseFieldChange,
} from "../core/docket/fields.js";
import type { Docket } from "../core/docket/item.js";
import { itemJson } from "../core/docket/item-json.js";
import {
  startedTimerJson,
  startTimer,
  stoppedTimerJson,
  stopTimers,
} from "../core/docket/timer.js";
import { requireNaturalDate } from "../core/natural-date.js";

/**
 * One field at a time and the timer: the same core functions `ppppt due|pri|snooze|tag|untag|
 * log` and `ppppt start|stop` call, taking the value in the same words the CLI takes.
 */
export interface FieldRouteOptions {
  today: () => IsoDate;
  /** The wall clock for timers (PPPPT_NOW in tests). */
  now: () => Date;
  change: <T>(fn: (docket: Docket) => { docket: Docket; result: T }) => Promise<T>;
}

const FieldBody = z.object({
  field: z.enum(FIELD_NAMES as [string, ...string[]]),
  value: z.string().max(200),
});

export function registerFieldRoutes(app: Hono, o: FieldRouteOptions): void {
  app.post("/api/items/:id/field", async (c) => {
    const id = c.req.param("id");
    const body = FieldBody.parse(await c.req.json());
    const today = o.today();
    const change = parseFieldChange(body.field as FieldName, body.value, (text, what) =>
      requireNaturalDate(text, today, what),
    );
    const r = await o.change((docket) => {
      const changed = changeField(docket, id, change);
      return { docket: changed.docket, result: changed };
    });
    return c.json({ item: itemJson(r.line), said: describeFieldChange(change, r.before, r.line) });
  });

  app.post("/api/items/:id/start", async (c) => {
    const id = c.req.param("id");
    const now = o.now();
    const r = await o.change((docket) => {
      const started = startTimer(docket, id, now);
      return { docket: started.docket, result: started };
    });
    return c.json(startedTimerJson(r, now));
  });

  app.post("/api/timer/stop", async (c) => {
    const now = o.now();
    const stopped = await o.change((docket) => {
      const r = stopTimers(docket, now);
      return { docket: r.docket, result: r.stopped };
    });
    return c.json({ stopped: stopped.map(stoppedTimerJson) });
  });
}

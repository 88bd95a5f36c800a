import type { Hono } from "hono";
import type { Categoriser } from "../core/capture.js";
import type { IsoDate } from "../core/dates.js";
import type { ItemLine } from "../core/docket/item.js";
import { doneHistory, historyWeek } from "../core/lens/done-history.js";
import {
  isWaiting,
  knownPeopleIn,
  peopleOf,
  personReportFor,
  personReportJson,
} from "../core/people.js";
import { readConfigFile } from "../store/config-file.js";
import { readDoneFile } from "../store/done-file.js";
import type { Env } from "../store/paths.js";

/**
 * The person page, the people to pick from and the done history: the same core reports
 * `ppppt person NAME --json` prints, over the docket and the done file.
 */

export interface PeopleRouteOptions {
  docketPath: string;
  env: Env;
  today: () => IsoDate;
  categorise: () => Promise<Categoriser>;
  /** The current docket's item lines (from the server's cache when it is fresh). */
  lines: () => Promise<ItemLine[]>;
}

export function registerPeopleRoutes(app: Hono, o: PeopleRouteOptions): void {
  const doneLinesOf = async () => (await readDoneFile(o.docketPath)).lines;

  /** Everyone known (the config's list, then every with: handle), with what is open about them. */
  app.get("/api/people", async (c) => {
    const config = await readConfigFile(o.env);
    const lines = await o.lines();
    const doneLines = await doneLinesOf();
    const people = knownPeopleIn(config.people, [...lines, ...doneLines]);
    const counts = new Map(people.map((p) => [p.handle, { open: 0, waiting: 0 }]));
    for (const line of lines) {
      if (line.item.done) continue;
      for (const handle of peopleOf(line)) {
        const n = counts.get(handle);
        if (!n) continue;
        n.open++;
        if (isWaiting(line)) n.waiting++;
      }
    }
    return c.json({
      people: people.map((p) => ({ ...p, ...(counts.get(p.handle) ?? { open: 0, waiting: 0 }) })),
    });
  });

  app.get("/api/person/:name", async (c) => {
    const config = await readConfigFile(o.env);
    const report = personReportFor(
      c.req.param("name"),
      config.people,
      await o.lines(),
      await doneLinesOf(),
    );
    return c.json(personReportJson(report));
  });

  /** `?week=YYYY-MM-DD`: any day of the week to show; this week without it. */
  app.get("/api/history", async (c) => {
    const today = o.today();
    const period = historyWeek(c.req.query("week"), today);
    const input = {
      lines: await o.lines(),
      doneLines: await doneLinesOf(),
      categorise: await o.categorise(),
      today,
    };
    return c.json(doneHistory(input, period));
  });
}

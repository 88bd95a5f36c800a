import type { Hono } from "hono";
import type { Categoriser } from "../core/capture.js";
import type { IsoDate } from "../core/dates.js";
import { PpppptError } from "../core/errors.js";
import { DEFAULT_LAST_DAYS, lastDaysPeriod } from "../core/lens/period.js";
import type { Env } from "../store/paths.js";
import { openTeamClone, readTeamRollUp } from "../store/team-repo.js";

/**
 * The Team view: the roll-up `ppppt team balance --json` prints (the last 30 days), as of this
 * machine's last sync. The page never syncs: reaching the network is `ppppt team sync`'s job.
 */
export interface TeamRouteOptions {
  env: Env;
  today: () => IsoDate;
  categorise: () => Promise<Categoriser>;
}

export function registerTeamRoutes(app: Hono, o: TeamRouteOptions): void {
  app.get("/api/team", async (c) => {
    try {
      await openTeamClone(o.env);
    } catch (error) {
      if (error instanceof PpppptError) return c.json({ joined: false, hint: error.hint ?? null });
      throw error;
    }
    const today = o.today();
    const { rollUp, snapshot } = await readTeamRollUp(
      o.env,
      lastDaysPeriod(DEFAULT_LAST_DAYS, today),
      today,
      () => o.categorise(),
    );
    return c.json({
      joined: true,
      me: snapshot.me,
      lastSync: snapshot.lastSync ?? null,
      ...rollUp,
    });
  });
}

import type { Hono } from "hono";
import type { Categoriser } from "../core/capture.js";
import type { IsoDate } from "../core/dates.js";
import { buildDeck, DECK_DAYS } from "../core/deck/deck-report.js";
import type { DeckStory } from "../core/deck/story.js";
import type { ItemLine } from "../core/docket/item.js";
import { lastDaysPeriod, namedPeriod } from "../core/lens/period.js";
import { lensSettingsOf, readConfigFile } from "../store/config-file.js";
import { knownPeople, readDeckTheme } from "../store/deck-files.js";
import { readDoneFile } from "../store/done-file.js";
import { readAssessment, readDueSnapshot } from "../store/lens-files.js";
import type { Env } from "../store/paths.js";
import { loadPlaybooks } from "../store/playbook-files.js";

/**
 * The deck on the dashboard: its outline (the story `ppppt deck --json` prints) and the .pptx
 * for download, the same file `ppppt deck` writes. `?period=7d|week|month|30d` and `?redact=1`
 * as on the command line.
 */
export interface DeckRouteOptions {
  docketPath: string;
  env: Env;
  today: () => IsoDate;
  categorise: () => Promise<Categoriser>;
  lines: () => Promise<ItemLine[]>;
}

export function registerDeckRoutes(app: Hono, o: DeckRouteOptions): void {
  const story = async (query: (k: string) => string | undefined): Promise<DeckStory> => {
    const today = o.today();
    const config = await readConfigFile(o.env);
    const redact = query("redact") === "1";
    return buildDeck({
      lines: await o.lines(),
      doneLines: (await readDoneFile(o.docketPath)).lines,
      settings: lensSettingsOf(config),
      today,
      period: query("period")
        ? namedPeriod(query("period") as string, today)
        : lastDaysPeriod(DECK_DAYS, today),
      categorise: await o.categorise(),
      practices: await loadPlaybooks(o.env),
      answers: (await readAssessment(o.docketPath))?.answers,
      previousDue: await readDueSnapshot(o.docketPath),
      ...(redact ? { redact: { names: knownPeople(config) } } : {}),
    });
  };

  app.get("/api/deck", async (c) => c.json(await story((k) => c.req.query(k))));

  app.get("/api/deck.pptx", async (c) => {
    const s = await story((k) => c.req.query(k));
    const { theme, logo } = await readDeckTheme(o.env);
    // The writer brings pptxgenjs and its zip library: loaded on the first download only.
    const { pptxOfStory } = await import("../writers/pptx-deck.js");
    const bytes = await pptxOfStory(s, theme, logo);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      "Content-Disposition": `attachment; filename="status-${s.today}.pptx"`,
    });
  });
}

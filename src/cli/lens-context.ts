import type { LedgerEvent } from "../core/calendar/ledger.js";
import type { Categoriser } from "../core/capture.js";
import type { IsoDate } from "../core/dates.js";
import type { ItemLine } from "../core/docket/item.js";
import { readOnlyItemLines } from "../core/docket/parse.js";
import type { ReportInput } from "../core/lens/report-input.js";
import { requireRole } from "../core/lens/roles.js";
import type { LensSettings } from "../core/lens/settings.js";
import { lensSettingsOf, readConfigFile, type UserConfig } from "../store/config-file.js";
import { readDocketFile } from "../store/docket-file.js";
import { readDoneFile } from "../store/done-file.js";
import { loadGuesses } from "./categoriser.js";
import type { CliContext } from "./context.js";

/** What every lens command reads first: the docket's items, the config, today, the categoriser. */
export interface LensInput extends ReportInput {
  today: IsoDate;
  docketPath: string;
  lines: ItemLine[];
  /** The done file's items (archived history; empty when there is no done file). */
  doneLines: ItemLine[];
  config: UserConfig;
  settings: LensSettings;
  categorise: Categoriser;
  /** The imported calendar's occurrences; undefined when no calendar was ever imported. */
  meetings: LedgerEvent[] | undefined;
}

export async function loadLensInput(ctx: CliContext, role?: string): Promise<LensInput> {
  const today = ctx.today();
  const config = await readConfigFile(ctx.env);
  const settings = lensSettingsOf(config, role === undefined ? undefined : requireRole(role));
  const docketPath = ctx.docketPath();
  const { docket } = await readDocketFile(docketPath);
  // The reports only read the items: light rows, not every item built in full.
  const lines = readOnlyItemLines(docket);
  const doneLines = (await readDoneFile(docketPath)).lines;
  // Loading the classifier costs tens of milliseconds: only when an item needs a guess that
  // the guess cache does not remember.
  const uncategorised = [...lines, ...doneLines].filter((l) => l.item.category === undefined);
  const categorise =
    uncategorised.length > 0
      ? await loadGuesses(
          ctx,
          uncategorised.map((l) => l.item.title),
        )
      : () => undefined;
  const { readMeetings } = await import("../store/calendar-ledger-file.js");
  const meetings = await readMeetings(docketPath);
  return { today, docketPath, lines, doneLines, config, settings, categorise, meetings };
}

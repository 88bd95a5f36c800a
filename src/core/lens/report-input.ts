import type { LedgerEvent } from "../calendar/ledger.js";
import type { Categoriser } from "../capture.js";
import type { IsoDate } from "../dates.js";
import type { ItemLine } from "../docket/item.js";
import { type LensItem, lensItems } from "./lens-items.js";
import type { LensSettings } from "./settings.js";

/**
 * What every report is built from. The shells gather it (the docket's lines, the done file's,
 * the config, today) and call one report function; an object, so a later source (calendar
 * hours, SLOs) is one more field rather than another argument in every caller.
 */
export interface ReportInput {
  /** The docket's item lines. */
  lines: readonly ItemLine[];
  /**
   * The done file's item lines (done.txt, where `archive` and todotxt-cli's auto-archive move
   * done items): history the reports count as if it were still in the docket.
   */
  doneLines?: readonly ItemLine[];
  settings: LensSettings;
  today: IsoDate;
  categorise?: Categoriser;
  /** The imported calendar's occurrences (docs/calendar.md); undefined when none was imported. */
  meetings?: readonly LedgerEvent[];
}

/**
 * The docket's items and the done file's, categorised once. A done-file line with the same
 * text as a docket line is counted once: `archive` writes the done file first, so a crash in
 * between leaves an item in both files.
 */
export function reportItems(
  input: Pick<ReportInput, "lines" | "doneLines" | "categorise">,
): LensItem[] {
  const done = input.doneLines ?? [];
  if (done.length === 0) return lensItems(input.lines, input.categorise);
  const inDocket = new Set<string>();
  for (const l of input.lines) if (l.item.done) inDocket.add(l.text);
  const archived = done.filter((l) => l.item.done && !inDocket.has(l.text));
  return lensItems([...input.lines, ...archived], input.categorise);
}

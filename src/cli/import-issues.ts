import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import type { Category } from "../core/category.js";
import type { ImportedItem } from "../core/import/imported-item.js";
import type { IssueReader, IssueRecord, Tracker } from "../core/import/issue-record.js";
import { emptySummary, skip } from "../core/import/merge.js";
import { readConfigFile } from "../store/config-file.js";
import { contextOf } from "./context.js";
import {
  applyImport,
  categoriserIfNeeded,
  type ImportFlags,
  importCommand,
  runImports,
  streamExport,
  summaryOf,
  userZone,
} from "./import-run.js";
import type { CliIO } from "./io.js";

/**
 * `ppppt import github|gitlab|jira FILE…`: every issue in the export becomes an item unless a
 * filter leaves it out; pull requests only with --prs. The readers are the core's, the same
 * the engineering-health figures read.
 */

interface IssueFlags extends ImportFlags {
  assignee?: string;
  label?: string;
  state?: "open" | "closed" | "all";
  prs?: boolean;
}

type MakeReader = (file: string, onIssue: (r: IssueRecord) => void) => IssueReader;

function stateOption(value: string): "open" | "closed" | "all" {
  const v = value.toLowerCase();
  if (v === "open" || v === "closed" || v === "all") return v;
  throw new InvalidArgumentError("use open, closed or all");
}

export function registerIssueImport(
  group: Command,
  io: CliIO,
  tracker: Tracker,
  description: string,
  loadReader: () => Promise<MakeReader>,
): void {
  importCommand(group, tracker, description)
    .option("--assignee <name>", "only issues assigned to this login or name")
    .option("--label <label>", "only issues with this label")
    .option("--state <state>", "only open or closed issues (default: all)", stateOption)
    .option("--prs", "take pull requests too (GitHub lists mix them in)")
    .action(async (files: string[], flags: IssueFlags, cmd: Command) => {
      const ctx = contextOf(io, cmd);
      const [makeReader, item, config] = await Promise.all([
        loadReader(),
        import("../core/import/issue-item.js"),
        readConfigFile(ctx.env),
      ]);
      const labels: Map<string, Category> = item.labelMap(config.raw.labels, config.path);
      const zone = userZone(io);
      const today = ctx.today();
      const { mergeImported } = await import("../core/import/merge.js");
      await runImports(ctx, files, flags, async (file) => {
        const items: ImportedItem[] = [];
        const filtered = emptySummary();
        let read = 0;
        let stateUnknown = 0;
        const reader = makeReader(file, (r) => {
          read++;
          const why = item.skipReason(r, { ...flags, pullRequests: flags.prs });
          if (why) {
            skip(filtered, why);
            return;
          }
          if (r.state === "unknown") stateUnknown++;
          items.push(item.issueItem(r, zone, labels));
        });
        await streamExport(ctx, file, (bytes) => reader.write(bytes));
        reader.end();
        const categorise = await categoriserIfNeeded(
          ctx,
          items.some((i) => i.category === undefined),
        );
        const outcome = await applyImport(
          ctx,
          (docket, state) => mergeImported(docket, items, state, { today, categorise }),
          flags.dryRun === true,
        );
        for (const [reason, n] of Object.entries(filtered.skipped))
          skip(outcome.summary, reason, n);
        const extra = stateUnknown > 0 ? { stateUnknown } : {};
        return { summary: summaryOf(file, read, outcome.summary, extra), outcome };
      });
    });
}

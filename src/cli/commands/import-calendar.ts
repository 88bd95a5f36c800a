import type { Command } from "commander";
import type { CalendarWarning } from "../../core/calendar/expand.js";
import type { ImportedSource } from "../../core/calendar/ledger.js";
import { type BucketCounts, countBuckets, tallyBuckets } from "../../core/calendar/occurrence.js";
import { formatDuration } from "../../core/duration.js";
import { PpppptError } from "../../core/errors.js";
import { calendarRange, type RangeOptions } from "../calendar-context.js";
import { contextOf, ExitStatus } from "../context.js";
import type { CliIO } from "../io.js";

interface ImportOptions extends RangeOptions {
  dryRun?: boolean;
  json?: boolean;
}

/** One input's outcome, as `--json` prints it. */
interface Summary extends BucketCounts {
  file: string;
  source: string;
  warnings: CalendarWarning[];
  error?: string;
}

export function registerImportCalendar(group: Command, io: CliIO): void {
  group
    .command("calendar")
    .description("import meetings from iCalendar files, a folder of them, stdin or a feed URL")
    .argument("<path...>", "an .ics file, a folder of .ics files, - for stdin, or an http(s) URL")
    .option("--from <date>", "first day of the range (default: 12 weeks before today)")
    .option("--to <date>", "first day after the range (default: 4 weeks after today)")
    .option("--dry-run", "show what would be imported; write nothing")
    .option("--json", "print one summary object per input, as a JSON array")
    .addHelpText(
      "after",
      [
        "",
        "An occurrence is imported when it overlaps [--from 00:00, --to 00:00) in its own zone.",
        "Timed meetings count; cancelled, all-day, declined (by an address in the config's",
        "calendar.me) and free (TRANSP:TRANSPARENT) ones are counted apart. Importing a source",
        "again replaces what it had in the range. A URL is kept in the config (mode 0600) only.",
        "",
        "Examples:",
        "  ppppt import calendar ~/Downloads/work.ics",
        "  ppppt import calendar ~/.calendars/work/ --from 2026-09-01 --to 2027-01-01",
        "  ppppt import calendar https://calendar.example.com/private-…/basic.ics --dry-run",
      ].join("\n"),
    )
    .action(async (paths: string[], options: ImportOptions, command: Command) => {
      const ctx = contextOf(io, command);
      const range = calendarRange(ctx, options);
      const [
        { readConfigFile, calendarZoneOf },
        input,
        { CalendarPlanner, CalendarExpander },
        { categoriseOccurrences },
        { LedgerImport },
        { progressBar },
      ] = await Promise.all([
        import("../../store/config-file.js"),
        import("../../store/calendar-input.js"),
        import("../../core/calendar/expand.js"),
        import("../../core/calendar/categorise-occurrences.js"),
        import("../../store/calendar-ledger-import.js"),
        import("../import-run.js"),
      ]);
      const config = await readConfigFile(ctx.env);
      const settings = config.calendar ?? {};
      const zone = calendarZoneOf(config);
      const feeds = settings.feeds ?? {};
      const { loadCategoriser } = await import("../categoriser.js");
      const categorise = await loadCategoriser(ctx);
      const summaries: Summary[] = [];
      const newFeeds: [string, string][] = [];
      // Occurrences go to the ledger as they are expanded (spilled to disk), never all in memory.
      const ledger = options.dryRun ? undefined : new LedgerImport();
      let imported = 0;
      let stdinRead = false;
      let written = false;
      let ledgerPath = "";

      try {
        for (const arg of paths) {
          // A URL is named by its feed name even here: the address itself is a secret.
          const shown = input.isFeedUrl(arg) ? input.feedName(arg) : arg;
          const summary: Summary = {
            file: shown,
            source: shown,
            ...countBuckets([]),
            warnings: [],
          };
          summaries.push(summary);
          let handle: number | undefined;
          let progress: ReturnType<typeof progressBar>;
          try {
            let source: Awaited<ReturnType<typeof input.openCalendarPath>>;
            if (arg === "-") {
              if (stdinRead) throw new PpppptError("- (stdin) is given twice");
              stdinRead = true;
              source = {
                source: "stdin",
                files: [input.calendarText("stdin", await io.readStdin())],
              };
            } else if (input.isFeedUrl(arg) || feeds[arg] !== undefined) {
              const url = feeds[arg] ?? arg;
              source = await input.fetchCalendar(url);
              if (feeds[source.source] !== url) newFeeds.push([source.source, url]);
            } else source = await input.openCalendarPath(arg);
            summary.source = source.source;
            handle = ledger?.source({ name: source.source, ...range });
            // Each file is read twice (expand.ts): each reading moves the bar half its bytes.
            const size = source.files.reduce((n, f) => n + f.size, 0);
            progress = progressBar(ctx, shown, size);
            const failed: string[] = [];
            for (const f of source.files) {
              let plan: ReturnType<InstanceType<typeof CalendarPlanner>["end"]>;
              try {
                const planner = new CalendarPlanner(f.file);
                for await (const c of f.chunks()) {
                  planner.push(c.text);
                  progress?.advance(c.bytes / 2);
                }
                plan = planner.end();
              } catch (error) {
                if (!(error instanceof PpppptError) || source.files.length === 1) throw error;
                // One broken file in a folder of them: the others still import.
                failed.push(error.describe());
                progress?.advance(f.size / 2);
                continue;
              }
              let batch: ImportedSource["events"] = [];
              const expander = new CalendarExpander(
                plan,
                { file: f.file, ...range, userZone: zone, me: settings.me ?? [] },
                (occurrences, details) => {
                  const events = categoriseOccurrences(
                    summary.source,
                    occurrences,
                    details,
                    categorise,
                  );
                  tallyBuckets(summary, events);
                  if (ledger) for (const e of events) batch.push(e);
                },
              );
              for await (const c of f.chunks()) {
                expander.push(c.text);
                progress?.advance(c.bytes / 2);
                if (ledger && handle !== undefined && batch.length > 0) {
                  await ledger.add(handle, batch);
                  batch = [];
                }
              }
              const { warnings } = expander.end();
              if (ledger && handle !== undefined && batch.length > 0)
                await ledger.add(handle, batch);
              summary.warnings.push(...warnings);
            }
            summary.minutes = Math.round(summary.minutes * 100) / 100;
            if (failed.length > 0) summary.error = failed.join("\n");
            imported++;
          } catch (error) {
            if (!(error instanceof PpppptError)) throw error;
            // The source imports nothing, whatever of it was read before the error.
            Object.assign(summary, countBuckets([]));
            if (ledger && handle !== undefined) await ledger.drop(handle);
            summary.error = error.describe();
          } finally {
            progress?.clear();
          }
        }

        for (const s of summaries) {
          for (const w of s.warnings) {
            io.stderr(`ppppt: ${w.file}${w.line ? `:${w.line}` : ""}: warning: ${w.message}\n`);
          }
          if (s.error) io.stderr(`ppppt: ${s.error}\n`);
        }

        if (ledger && imported > 0) {
          const { calendarLedgerPath } = await import("../../store/calendar-ledger-file.js");
          ledgerPath = calendarLedgerPath(ctx.docketPath());
          written = (await ledger.commit(ctx.docketPath())).written;
          if (newFeeds.length > 0) {
            const { writeConfigFeed } = await import("../../store/config-file.js");
            for (const [name, url] of newFeeds) await writeConfigFeed(ctx.env, name, url);
          }
        }
      } finally {
        await ledger?.close();
      }

      if (options.json) ctx.json(summaries);
      else {
        for (const s of summaries) {
          if (s.error && s.timed + s.allDay + s.cancelled + s.declined + s.free === 0) {
            ctx.out(`${s.file}: not imported`);
            continue;
          }
          ctx.out(
            `${s.file}: ${s.timed} meetings, ${formatDuration(Math.round(s.minutes))}; left out: ${s.allDay} all-day, ${s.cancelled} cancelled, ${s.declined} declined, ${s.free} free`,
          );
        }
        const where = `${range.from} to ${range.to} (the day before --to is the last)`;
        if (options.dryRun) ctx.out(ctx.style.dim(`Dry run, ${where}: nothing written.`));
        else if (written) ctx.out(ctx.style.dim(`Imported ${where} into ${ledgerPath}`));
        else if (imported > 0) ctx.out(ctx.style.dim(`Nothing changed in ${ledgerPath}`));
        for (const [name] of newFeeds) {
          if (!options.dryRun) ctx.out(ctx.style.dim(`Feed remembered in the config as ${name}`));
        }
      }
      if (summaries.some((s) => s.error)) throw new ExitStatus(1);
    });
}

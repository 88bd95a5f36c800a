import type { Command } from "commander";
import { CATEGORY_LABELS, parseCategory } from "../../core/category.js";
import { addDays, startOfWeek } from "../../core/dates.js";
import { formatDuration } from "../../core/duration.js";
import { PpppptError } from "../../core/errors.js";
import { calendarRange, type RangeOptions } from "../calendar-context.js";
import { type CliContext, contextOf } from "../context.js";
import type { CliIO } from "../io.js";

interface ListOptions extends RangeOptions {
  json?: boolean;
  all?: boolean;
}

export function registerCalendar(program: Command, io: CliIO): void {
  const calendar = program
    .command("calendar")
    .description("the imported meetings: list them, their load, sources; recategorise a series")
    .option("--from <date>", "first day (default: this week's Monday)")
    .option("--to <date>", "first day after (default: next Monday)")
    .option("--all", "also cancelled, all-day, declined and free occurrences")
    .option("--json", "print the occurrences as JSON")
    .addHelpText(
      "after",
      "\nImport with `ppppt import calendar PATH`.\n\nExamples:\n  ppppt calendar\n  ppppt calendar load --from 2026-11-02\n  ppppt calendar recat 7kq2…@google.com people",
    )
    .action(async (options: ListOptions, command: Command) => {
      const ctx = contextOf(io, command);
      const range = thisWeekUnlessGiven(ctx, options);
      const [{ readCalendarLedger }, { overlapsRange }] = await Promise.all([
        import("../../store/calendar-ledger-file.js"),
        import("../../core/calendar/occurrence.js"),
      ]);
      const ledger = await readCalendarLedger(ctx.docketPath());
      const shown = ledger.events.filter(
        (e) => (options.all || e.bucket === "timed") && overlapsRange(e, range.from, range.to),
      );
      if (options.json) {
        ctx.json(
          shown.map((e) => ({
            start: e.start,
            end: e.end,
            zone: e.zone,
            minutes: e.minutes,
            title: e.title,
            category: e.category ?? null,
            guessed: e.guessed,
            series: e.uid,
            bucket: e.bucket,
            source: e.source,
          })),
        );
        return;
      }
      if (shown.length === 0) {
        ctx.out(`No meetings from ${range.from} to ${addDays(range.to, -1)}.`);
        if (ledger.sources.length === 0)
          ctx.out(ctx.style.dim("Import some: ppppt import calendar PATH"));
        return;
      }
      let day = "";
      for (const e of shown) {
        if (e.start.slice(0, 10) !== day) {
          day = e.start.slice(0, 10);
          ctx.out(ctx.style.bold(day));
        }
        const time =
          e.start.length === 10 ? "all day    " : `${e.start.slice(11, 16)}-${e.end.slice(11, 16)}`;
        const cat = e.category ? `${CATEGORY_LABELS[e.category]}${e.guessed ? "?" : ""}` : "—";
        const note = e.bucket === "timed" ? "" : ctx.style.dim(` (${e.bucket})`);
        ctx.out(
          `  ${time} ${formatDuration(e.minutes).padStart(6)}  ${cat.padEnd(9)} ${e.title}${note}`,
        );
      }
      const total = shown.filter((e) => e.bucket === "timed").reduce((s, e) => s + e.minutes, 0);
      ctx.out(
        ctx.style.dim(
          `${formatDuration(total)} in meetings, ${range.from} to ${addDays(range.to, -1)}`,
        ),
      );
    });

  calendar
    .command("sources")
    .description("what was imported from where")
    .option("--json", "print the sources as JSON")
    .action(async (_options: unknown, command: Command) => {
      const ctx = contextOf(io, command);
      const options = ownOptions<{ json?: boolean }>(command);
      const [{ readCalendarLedger }, { sourceCounts }] = await Promise.all([
        import("../../store/calendar-ledger-file.js"),
        import("../../core/calendar/ledger.js"),
      ]);
      const ledger = await readCalendarLedger(ctx.docketPath());
      const counts = sourceCounts(ledger);
      const rows = ledger.sources.map((s) => ({ ...s, ...(counts.get(s.name) ?? {}) }));
      if (options.json) return ctx.json(rows);
      if (rows.length === 0) return ctx.out("Nothing imported yet: ppppt import calendar PATH");
      for (const r of rows) {
        ctx.out(`${r.name}  ${r.from} to ${addDays(r.to, -1)}  ${r.timed ?? 0} meetings`);
      }
    });

  calendar
    .command("forget")
    .description("remove everything imported from a source (series categories are kept)")
    .argument("<source>", "a source as `ppppt calendar sources` names it")
    .action(async (source: string, _options: unknown, command: Command) => {
      const ctx = contextOf(io, command);
      const [{ updateCalendarLedger }, { forgetSource }] = await Promise.all([
        import("../../store/calendar-ledger-file.js"),
        import("../../core/calendar/ledger.js"),
      ]);
      const { result } = await updateCalendarLedger(ctx.docketPath(), (ledger) => {
        const next = forgetSource(ledger, source);
        return { ledger: next, result: ledger.events.length - next.events.length };
      });
      ctx.out(`Forgot ${source}: ${result} occurrences removed.`);
    });

  calendar
    .command("recat")
    .description("set the category of a whole recurring series; ppppt learns from it")
    .argument("<series>", "the series id (the event's UID; `ppppt calendar --json` shows it)")
    .argument("<category>", "people, product, process, public or tech")
    .action(async (uid: string, name: string, _options: unknown, command: Command) => {
      const ctx = contextOf(io, command);
      const category = parseCategory(name);
      if (!category) {
        throw new PpppptError(`"${name}" is not a category`, {
          hint: "Use people, product, process, public or tech.",
        });
      }
      const [{ updateCalendarLedger }, { recategoriseSeries }] = await Promise.all([
        import("../../store/calendar-ledger-file.js"),
        import("../../core/calendar/ledger.js"),
      ]);
      const { result: title } = await updateCalendarLedger(ctx.docketPath(), (ledger) => ({
        ledger: recategoriseSeries(ledger, uid, category),
        result: ledger.events.findLast((e) => e.uid === uid)?.title ?? uid,
      }));
      // Taught like `ppppt recat`: the series' title becomes a correction the classifier folds in.
      const { appendCorrection } = await import("../../store/corrections-file.js");
      await appendCorrection(ctx.docketPath(), { date: ctx.today(), category, text: title });
      ctx.out(
        `${title} is ${CATEGORY_LABELS[category]}, every occurrence, in this and later imports.`,
      );
      ctx.out(
        ctx.style.dim(
          "  remembered: meetings and items with these words lean this way from now on",
        ),
      );
    });

  calendar
    .command("load")
    .description("meeting load: hours per week, 1:1 hours, focus time, the most fragmented days")
    .option("--from <date>", "first day (default: 4 weeks before this week's Monday)")
    .option("--to <date>", "first day after (default: next Monday)")
    .option("--json", "print the load as JSON")
    .action(async (_options: unknown, command: Command) => {
      const ctx = contextOf(io, command);
      const options = ownOptions<RangeOptions & { json?: boolean }>(command);
      const monday = startOfWeek(ctx.today());
      const range = calendarRange(ctx, {
        from: options.from ?? addDays(monday, -28),
        to: options.to ?? addDays(monday, 7),
      });
      const [
        { readCalendarLedger },
        { meetingLoad },
        { workingHoursOf },
        { readConfigFile, calendarZoneOf },
      ] = await Promise.all([
        import("../../store/calendar-ledger-file.js"),
        import("../../core/calendar/meeting-load.js"),
        import("../../core/calendar/settings.js"),
        import("../../store/config-file.js"),
      ]);
      const [ledger, config] = await Promise.all([
        readCalendarLedger(ctx.docketPath()),
        readConfigFile(ctx.env),
      ]);
      const load = meetingLoad(
        ledger.events,
        range,
        workingHoursOf(config.calendar),
        calendarZoneOf(config),
      );
      if (options.json) return ctx.json(load);
      const h = (m: number) => formatDuration(Math.round(m));
      ctx.out(ctx.style.bold(`Meeting load, ${range.from} to ${addDays(range.to, -1)}`));
      ctx.out(
        `  ${"week of".padEnd(11)} ${"meetings".padStart(9)} ${"1:1s".padStart(7)} ${"focus".padStart(7)}`,
      );
      for (const w of load.weeks) {
        ctx.out(
          `  ${w.week.padEnd(11)} ${h(w.meetingMinutes).padStart(9)} ${h(w.oneOnOneMinutes).padStart(7)} ${h(w.focusMinutes).padStart(7)}`,
        );
      }
      if (load.fragmentedDays.length > 0) {
        ctx.out(ctx.style.bold("Most fragmented days"));
        for (const d of load.fragmentedDays) {
          ctx.out(
            `  ${d.date}  ${d.meetings} meetings, ${h(d.meetingMinutes)}; ${d.shortGaps} gaps under 2h; focus ${h(d.focusMinutes)}`,
          );
        }
      }
      ctx.out(
        ctx.style.dim(
          "Focus time: free blocks of 2h or more within working hours (config: calendar.workingHours).",
        ),
      );
    });
}

/**
 * A subcommand's options with those given to `calendar` itself: commander gives `--json` and
 * the range to the parent, which has them too, wherever they are on the line.
 */
function ownOptions<T>(command: Command): T {
  return command.optsWithGlobals<T & Record<string, unknown>>();
}

/** The listing's default is this week, Monday to Monday. */
function thisWeekUnlessGiven(ctx: CliContext, options: RangeOptions) {
  const monday = startOfWeek(ctx.today());
  return calendarRange(ctx, {
    from: options.from ?? monday,
    to: options.to ?? (options.from ? undefined : addDays(monday, 7)),
  });
}

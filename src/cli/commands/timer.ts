import type { Command } from "commander";
import {
  elapsedMinutes,
  type StoppedTimer,
  startedTimerJson,
  startTimer,
  stoppedTimerJson,
  stopTimers,
  timerStamp,
} from "../../core/docket/timer.js";
import { formatDuration } from "../../core/duration.js";
import { updateDocketFile } from "../../store/docket-file.js";
import { type CliContext, contextOf } from "../context.js";
import { printChanged } from "../field-command.js";
import type { CliIO } from "../io.js";

export function registerTimer(program: Command, io: CliIO): void {
  program
    .command("start")
    .description("start a timer on an item (one at a time: a running one is stopped first)")
    .argument("<id>", "the item to time")
    .option("--json", "print the started item and any stopped timers as JSON")
    .addHelpText(
      "after",
      "\nThe start is stored on the item as timer:YYYY-MM-DDTHH:MM:SSZ (UTC, the wall clock;\nPPPPT_NOW overrides it). `ppppt stop` adds the time to spent:.\n\nExample:\n  ppppt start k3f9",
    )
    .action(async (id: string, options: { json?: boolean }, command: Command) => {
      const ctx = contextOf(io, command);
      const now = ctx.now();
      const r = await updateDocketFile(ctx.docketPath(), (docket) => {
        const started = startTimer(docket, id, now);
        return { docket: started.docket, result: started };
      });
      if (options.json) {
        ctx.json(startedTimerJson(r, now));
        return;
      }
      for (const s of r.stopped) printStopped(ctx, s);
      if (r.already) {
        const running = formatDuration(elapsedMinutes(r.already.since, now));
        printChanged(
          ctx,
          `The timer on ${r.started.id} is already running, since ${timerStamp(r.already.since)} (${running})`,
          r.started,
        );
      } else
        printChanged(ctx, `Started the timer on ${r.started.id} at ${timerStamp(now)}`, r.started);
    });

  program
    .command("stop")
    .description("stop the running timer and add the time to the item's spent:")
    .option("--json", "print the stopped items and the minutes added as JSON")
    .addHelpText("after", "\nExample:\n  ppppt stop")
    .action(async (options: { json?: boolean }, command: Command) => {
      const ctx = contextOf(io, command);
      const now = ctx.now();
      const stopped = await updateDocketFile(ctx.docketPath(), (docket) => {
        const r = stopTimers(docket, now);
        return { docket: r.docket, result: r.stopped };
      });
      if (options.json) ctx.json({ stopped: stopped.map(stoppedTimerJson) });
      else for (const s of stopped) printStopped(ctx, s);
    });
}

export function printStopped(ctx: CliContext, s: StoppedTimer): void {
  const spent = formatDuration(s.line.item.spent ?? 0);
  const sentence =
    s.minutes === 0
      ? `Stopped the timer on ${s.line.id} after under a minute: nothing added (spent ${spent})`
      : `Stopped the timer on ${s.line.id}: added ${formatDuration(s.minutes)} (spent ${spent})`;
  printChanged(ctx, sentence, s.line);
}

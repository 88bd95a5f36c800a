import type { IsoDate } from "../dates.js";
import { PpppptError } from "../errors.js";
import { type Completion, completeItem } from "./complete.js";
import { changeEach, findItem, itemLines, replaceItem } from "./docket.js";
import { getTag, setTag } from "./edit.js";
import { addSpent } from "./fields.js";
import type { Docket, ItemLine } from "./item.js";
import { type ItemJson, itemJson } from "./item-json.js";

/**
 * The timer: `timer:2026-12-01T22:10:07Z` on the item being worked on, the start as a UTC
 * timestamp with no spaces, so every device and every todo.txt app sees (and keeps) it.
 * Stopping adds the elapsed wall-clock time, in whole minutes, to `spent:` and removes the tag.
 * One timer at a time: starting one stops the others. The clock comes in as an argument.
 */
export const TIMER_KEY = "timer";

const STAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?Z$/;

/** `2026-12-01T22:10:07Z`: to the second, so a short timer is measured as short. */
export function timerStamp(instant: Date): string {
  return `${instant.toISOString().slice(0, 19)}Z`;
}

/** Reads `YYYY-MM-DDTHH:MMZ` or `YYYY-MM-DDTHH:MM:SSZ` (UTC only); undefined otherwise. */
export function readTimerStamp(text: string): Date | undefined {
  const m = STAMP.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls 2026-02-30 over into March: a stamp must say what it means.
  const back = [
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  ];
  return back.every((v, i) => v === [y, mo, d, h, mi, s][i]) ? date : undefined;
}

/**
 * Whole minutes from `since` to `now`, rounded to the nearest; under a minute is nothing, and
 * so is a start in the future (another device's clock ran ahead).
 */
export function elapsedMinutes(since: Date, now: Date): number {
  const ms = now.getTime() - since.getTime();
  if (ms < 60_000) return 0;
  return Math.round(ms / 60_000);
}

export interface RunningTimer {
  line: ItemLine;
  since: Date;
}

/** Every item with a timer tag, in file order (normally none or one). */
export function runningTimers(docket: Docket): RunningTimer[] {
  const out: RunningTimer[] = [];
  for (const line of itemLines(docket)) {
    // Most lines have no timer: a substring test spares building their tags.
    if (!line.text.includes(`${TIMER_KEY}:`)) continue;
    const value = getTag(line.text, TIMER_KEY);
    if (value === undefined) continue;
    out.push({ line, since: timerSince(line, value) });
  }
  return out;
}

function timerSince(line: ItemLine, value: string): Date {
  const since = readTimerStamp(value);
  if (since === undefined) {
    throw new PpppptError(
      `line ${line.number}: ${TIMER_KEY}:${value} on ${line.id} is not a UTC timestamp (YYYY-MM-DDTHH:MMZ)`,
      { hint: `Fix it in an editor, or \`ppppt untag ${line.id} ${TIMER_KEY}\` discards it.` },
    );
  }
  return since;
}

export interface StoppedTimer {
  /** The item after the stop: tag gone, time added. */
  line: ItemLine;
  since: Date;
  /** Minutes added to `spent:`. */
  minutes: number;
}

/** Stops the timer on one item (it must have one): adds the time, removes the tag. */
export function stopTimerOn(
  docket: Docket,
  id: string,
  now: Date,
): { docket: Docket; stopped: StoppedTimer } {
  const before = findItem(docket, id);
  const value = getTag(before.text, TIMER_KEY);
  if (value === undefined) throw new PpppptError(`no timer is running on ${before.id}`);
  const since = timerSince(before, value);
  const minutes = elapsedMinutes(since, now);
  const r = replaceItem(docket, before.id, (text) =>
    setTag(addSpent(text, minutes), TIMER_KEY, undefined),
  );
  return { docket: r.docket, stopped: { line: r.line, since, minutes } };
}

/** Stops every running timer; says so when there is none. */
export function stopTimers(docket: Docket, now: Date): { docket: Docket; stopped: StoppedTimer[] } {
  const running = runningTimers(docket);
  if (running.length === 0) {
    throw new PpppptError("no timer is running", { hint: "Start one with `ppppt start ID`." });
  }
  const r = changeEach(
    docket,
    running.map((t) => t.line.id),
    (d, id) => {
      const s = stopTimerOn(d, id, now);
      return { docket: s.docket, value: s.stopped };
    },
  );
  return { docket: r.docket, stopped: r.result };
}

export interface StartedTimer {
  docket: Docket;
  started: ItemLine;
  /** Timers on other items that starting this one stopped. */
  stopped: StoppedTimer[];
  /** The item's timer was already running: nothing changed. */
  already: RunningTimer | undefined;
}

export function startTimer(docket: Docket, id: string, now: Date): StartedTimer {
  const target = findItem(docket, id);
  if (target.item.done) {
    throw new PpppptError(`${target.id} is done; a timer runs on open items`, {
      hint: `Reopen it with \`ppppt undo ${target.id}\`, or log time with \`ppppt log ${target.id} 30m\`.`,
    });
  }
  const running = runningTimers(docket);
  const own = running.find((t) => t.line.id === target.id);
  if (own && running.length === 1) {
    return { docket, started: target, stopped: [], already: own };
  }
  let current = docket;
  const stopped: StoppedTimer[] = [];
  for (const t of running) {
    if (t.line.id === target.id) continue;
    const s = stopTimerOn(current, t.line.id, now);
    current = s.docket;
    stopped.push(s.stopped);
  }
  if (own) return { docket: current, started: findItem(current, target.id), stopped, already: own };
  const r = replaceItem(current, target.id, (text) => setTag(text, TIMER_KEY, timerStamp(now)));
  return { docket: r.docket, started: r.line, stopped, already: undefined };
}

export interface FinishOptions {
  today: IsoDate;
  now: Date;
  /** Minutes to add to `spent:` as it is marked done (`done ID --spent 45m`). */
  spent?: number;
}

export interface Finished extends Completion {
  /** The item's running timer, stopped first so its time counts. */
  stopped: StoppedTimer | undefined;
}

/**
 * `done` with time: a running timer on the item is stopped first (its time added, its tag
 * gone, so a recurring item's next occurrence does not inherit it), then `spent` is added,
 * then the item is completed.
 */
export function finishItem(docket: Docket, id: string, options: FinishOptions): Finished {
  let current = docket;
  let stopped: StoppedTimer | undefined;
  const before = findItem(current, id);
  if (!before.item.done && getTag(before.text, TIMER_KEY) !== undefined) {
    const s = stopTimerOn(current, before.id, options.now);
    current = s.docket;
    stopped = s.stopped;
  }
  const spent = options.spent;
  if (spent !== undefined && spent !== 0) {
    current = replaceItem(current, before.id, (text) => addSpent(text, spent)).docket;
  }
  return { ...completeItem(current, before.id, options.today), stopped };
}

/** A stopped timer in every `--json` output and in the server's API. */
export interface StoppedTimerJson {
  item: ItemJson;
  since: string;
  addedMinutes: number;
}

export function stoppedTimerJson(s: StoppedTimer): StoppedTimerJson {
  return { item: itemJson(s.line), since: timerStamp(s.since), addedMinutes: s.minutes };
}

/** `start`'s answer in `--json` and in the server's API. */
export function startedTimerJson(r: StartedTimer, now: Date) {
  return {
    started: itemJson(r.started),
    already: r.already !== undefined,
    since: timerStamp(r.already?.since ?? now),
    stopped: r.stopped.map(stoppedTimerJson),
  };
}

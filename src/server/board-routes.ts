import { stat } from "node:fs/promises";
import type { Context, Hono } from "hono";
import type { Categoriser } from "../core/capture.js";
import type { IsoDate } from "../core/dates.js";
import { checkDocket } from "../core/docket/check-report.js";
import { itemLines } from "../core/docket/docket.js";
import type { Docket, ItemLine } from "../core/docket/item.js";
import { itemJson } from "../core/docket/item-json.js";
import { runningTimers, timerStamp } from "../core/docket/timer.js";
import { buildNextReport } from "../core/lens/next.js";
import { lensSettingsOf, readConfigFile } from "../store/config-file.js";
import { readDoneFile } from "../store/done-file.js";
import { doneFilePath, type Env } from "../store/paths.js";
import {
  type BoardJson,
  type BoardMark,
  type BoardProblems,
  boardDelta,
  boardMark,
} from "./board-delta.js";
import type { DocketWatch } from "./docket-watch.js";
import { tokenMatches } from "./security.js";
import { readWebFile } from "./static-files.js";

/**
 * The board's routes: every open item in `ppppt next` order (GET /api/items), the change since
 * a version the page holds (GET /api/items/changes?since=V), and the page itself with the first
 * screen of the board inside it, so the first cards are drawn without a second round trip.
 */

export interface BoardRoutesOptions {
  docketPath: string;
  env: Env;
  today: () => IsoDate;
  now: () => Date;
  categorise: () => Promise<Categoriser>;
  current: () => Promise<{ version: string; docket: Docket }>;
  token: string;
  webRoot?: string;
  /** Changes on disk: the board is built again as soon as one lands, before anyone asks. */
  watch?: DocketWatch;
  /** Build the board once at start, so the first page load finds it ready. */
  warm?: boolean;
}

/** Cards per column in the first screen; the page shows as many before "Show more". */
export const FIRST_SCREEN_CARDS = 40;
/** Older boards kept to diff against: a page a few changes behind still gets a delta. */
const KEPT_MARKS = 8;

type BoardBody = Omit<BoardJson, "now">;

export function registerBoardRoutes(app: Hono, options: BoardRoutesOptions): void {
  // Ranking 10,000 items costs ~100 ms: the board is built once per docket version, done file,
  // settings, day and classifier, and kept with its JSON text.
  let cached:
    | { key: string; categoriser: Categoriser; body: BoardBody; json: string; mark?: BoardMark }
    | undefined;
  let done: { key: string; lines: readonly ItemLine[] } | undefined;
  const marks = new Map<string, BoardMark>();

  const doneLines = async (): Promise<readonly ItemLine[]> => {
    const path = doneFilePath(options.docketPath);
    const key = await stat(path).then(
      (s) => `${s.mtimeMs}:${s.size}:${s.ino}`,
      () => "none",
    );
    if (done?.key !== key) done = { key, lines: (await readDoneFile(options.docketPath)).lines };
    return done.lines;
  };

  const build = async () => {
    const today = options.today();
    const { version, docket } = await options.current();
    const settings = lensSettingsOf(await readConfigFile(options.env));
    const categoriser = await options.categorise();
    const lines = await doneLines();
    const key = JSON.stringify([version, today, done?.key, settings]);
    if (cached?.key === key && cached.categoriser === categoriser) return cached;
    // The board shows open items in `ppppt next` order: due, priority, age, category need.
    const ranked = buildNextReport({
      lines: itemLines(docket),
      doneLines: lines,
      settings,
      today,
      categorise: categoriser,
    });
    const { unreadable, duplicates } = checkDocket(docket);
    const problems: BoardProblems = { unreadable, duplicates };
    const body: BoardBody = {
      today,
      // The same hash the event stream sends, so the page can skip a reload it already has.
      version,
      items: ranked.items.map((entry) => itemJson(entry.line)),
      // Items with no cat: tag, placed by the classifier's guess until the user confirms one.
      predicted: Object.fromEntries(
        ranked.items
          .filter((entry) => entry.predicted && entry.category)
          .map((entry) => [entry.line.id, entry.category as string]),
      ),
      // Running timers, on any item (a snoozed or done one too), for the page's header.
      timers: runningTimers(docket).map((t) => ({
        item: itemJson(t.line),
        since: timerStamp(t.since),
      })),
      // What `ppppt check` reports, so the page warns as the CLI's footer does.
      problems,
    };
    // A repeated id cannot name one card: such a board is sent whole, never as a delta.
    const mark = duplicates.length === 0 ? boardMark(body) : undefined;
    if (mark) {
      marks.delete(version);
      marks.set(version, mark);
      while (marks.size > KEPT_MARKS) marks.delete(marks.keys().next().value as string);
    }
    cached = { key, categoriser, body, json: JSON.stringify(body), mark };
    return cached;
  };
  // One build at a time: a page's request and the warm-up after a change share one ranking.
  let queue: Promise<unknown> = Promise.resolve();
  const board = () => {
    const run = queue.then(build);
    queue = run.catch(() => undefined);
    return run;
  };
  // After a change (ours or another writer's) the board is ranked at once, so the page's delta
  // and the next page load find it ready.
  options.watch?.subscribe(() => {
    void board().catch(() => undefined);
  });
  if (options.warm) void board().catch(() => undefined);

  // The server's clock, so the page shows a timer's time as `ppppt stop` would count it.
  const withNow = (json: string) =>
    `{"now":${JSON.stringify(timerStamp(options.now()))},${json.slice(1)}`;

  app.get("/api/items", async (c) => {
    const b = await board();
    return c.body(withNow(b.json), 200, { "Content-Type": "application/json" });
  });

  app.get("/api/items/changes", async (c) => {
    const since = c.req.query("since") ?? "";
    const b = await board();
    const before = marks.get(since);
    if (!before || !b.mark) {
      return c.json(
        { error: "the page is too far behind for a list of changes: load the board again" },
        409,
      );
    }
    return c.json(boardDelta(before, { ...b.body, now: timerStamp(options.now()) }, b.mark));
  });

  const page = async (c: Context) => {
    const token = c.req.query("token");
    const html = await readWebFile(options.webRoot, "/index.html");
    // Only a request that carries the token gets the docket inside the page.
    if (html === undefined || token === undefined || !tokenMatches(token, options.token)) {
      return undefined;
    }
    const b = await board();
    const screen = firstScreen(b.body);
    const predicted = Object.fromEntries(
      screen.items
        .filter((i) => i.id in b.body.predicted)
        .map((i) => [i.id, b.body.predicted[i.id]]),
    );
    const first = { ...b.body, now: timerStamp(options.now()), ...screen, predicted };
    // `<` escaped, so no item text can end the data block; a JSON block is never executed,
    // so the CSP's script-src 'self' holds.
    const data = JSON.stringify(first).replace(/</g, "\\u003c");
    const block = `<script type="application/json" id="ppppt-first-screen">${data}</script>`;
    const text = html.toString("utf8").replace("</head>", `${block}</head>`);
    return c.body(text, 200, {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
    });
  };
  app.get("/", async (c, next) => (await page(c)) ?? next());
  app.get("/index.html", async (c, next) => (await page(c)) ?? next());
}

/**
 * The top cards of each column and every column's count: what the page draws before the
 * whole board arrives.
 */
export function firstScreen(body: Pick<BoardJson, "items" | "predicted">): {
  items: BoardJson["items"];
  partial: { counts: Record<string, number> };
} {
  const counts: Record<string, number> = {};
  const items = body.items.filter((item) => {
    const column = item.category ?? body.predicted[item.id] ?? "none";
    counts[column] = (counts[column] ?? 0) + 1;
    return (counts[column] as number) <= FIRST_SCREEN_CARDS;
  });
  return { items, partial: { counts } };
}

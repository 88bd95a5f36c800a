import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import type { Categoriser } from "../core/capture.js";
import { captureItem } from "../core/capture.js";
import { type Category, parseCategory } from "../core/category.js";
import type { IsoDate } from "../core/dates.js";
import { reopenItem } from "../core/docket/complete.js";
import { appendItem, itemLines, removeItem, replaceItem } from "../core/docket/docket.js";
import { EDIT_MODES, type EditMode, editItemText, setTag } from "../core/docket/edit.js";
import type { Docket } from "../core/docket/item.js";
import { itemJson } from "../core/docket/item-json.js";
import { parseDocket, readOnlyItemLines } from "../core/docket/parse.js";
import { printDocket } from "../core/docket/print.js";
import { finishItem, stoppedTimerJson } from "../core/docket/timer.js";
import { PpppptError } from "../core/errors.js";
import { knownPeopleIn } from "../core/people.js";
import { readConfigFile } from "../store/config-file.js";
import { readDocketBytes, updateDocketFile } from "../store/docket-file.js";
import type { Env } from "../store/paths.js";
import { registerAssessmentRoutes } from "./assessment-routes.js";
import { registerBoardRoutes } from "./board-routes.js";
import { registerCalendarRoutes } from "./calendar-routes.js";
import { registerDeckRoutes } from "./deck-routes.js";
import { contentVersion, type DocketWatch } from "./docket-watch.js";
import { registerFieldRoutes } from "./field-routes.js";
import { registerHealthRoutes } from "./health-routes.js";
import { registerLensRoutes } from "./lens-routes.js";
import { registerPeopleRoutes } from "./people-routes.js";
import { registerRoiRoutes } from "./roi-routes.js";
import { apiGuard, hostGuard, securityHeaders } from "./security.js";
import { serveWebFile } from "./static-files.js";
import { registerTeamRoutes } from "./team-routes.js";

/**
 * The dashboard's HTTP face: thin routes from JSON to the same core and store the CLI uses.
 * The browser never reads the docket; it gets items in the `itemJson` shape, as `--json` prints.
 */

export interface DashboardOptions {
  docketPath: string;
  token: string;
  /** The listening port, for the Host and Origin checks; known only once the server listens. */
  port: () => number;
  today: () => IsoDate;
  /** The wall clock, for timers; the system clock unless given (tests pass PPPPT_NOW's). */
  now?: () => Date;
  /** The categoriser `add` uses, loaded on first use and again after the page teaches it. */
  categoriser: () => Promise<Categoriser>;
  /** Teaches the classifier when the user moves an item to another category. */
  learn?: (text: string, category: Category) => Promise<void>;
  /** Changes to the docket, pushed to the page; without it the page must reload by itself. */
  watch?: DocketWatch;
  /** The built page (dist/web); undefined serves a hint to build it. */
  webRoot?: string;
  /** Where the config file and the user's playbooks are found (XDG variables, PPPPT_CONFIG). */
  env: Env;
  /** How long a write waits for another writer's lock (the store's default unless given). */
  lockWaitMs?: number;
  /** Rank the board once at start (the real server; not the tests' many short-lived apps). */
  warm?: boolean;
}

const AddBody = z.object({
  text: z.string().max(2000),
  /** Store the text exactly as given (undoing a delete), inferring nothing. */
  verbatim: z.boolean().optional(),
});
const EditBody = z.object({
  text: z.string().max(2000),
  /** See EditMode: `keep` as `ppppt edit`; the page's edit box sends `wording`. */
  mode: z.enum(EDIT_MODES as [EditMode, ...EditMode[]]).optional(),
});
const RecatBody = z.object({ category: z.string() });
const ClassifyBody = z.object({ text: z.string().max(2000) });

export function createDashboardApp(options: DashboardOptions): Hono {
  const app = new Hono();
  const path = options.docketPath;
  const now = options.now ?? (() => new Date());
  // Parsing 10,000 items costs ~100 ms: a write the page makes leaves its docket here, so the
  // reload that follows finds it by the file's hash instead of parsing the file again.
  let known: { version: string; docket: Docket } | undefined;
  const remember = (docket: Docket) => {
    known = { version: contentVersion(printDocket(docket)), docket };
  };
  const change = async <T>(fn: (docket: Docket) => { docket: Docket; result: T }): Promise<T> => {
    let after: Docket | undefined;
    const result = await updateDocketFile(
      path,
      (docket) => {
        const next = fn(docket);
        after = next.docket;
        return next;
      },
      { lockWaitMs: options.lockWaitMs },
    );
    if (after) remember(after);
    return result;
  };
  let categoriser: Promise<Categoriser> | undefined;
  const categorise = () => {
    categoriser ??= options.categoriser();
    return categoriser;
  };
  // A `ppppt recat` elsewhere writes a correction along with the docket: load the classifier
  // again after any change (~20 ms), so the page predicts what the CLI would.
  options.watch?.subscribe(() => {
    categoriser = undefined;
  });

  app.use("*", securityHeaders());
  app.use("*", hostGuard(options));
  app.use("/api/*", apiGuard(options));

  app.onError((error, c) => {
    if (error instanceof PpppptError) {
      const status = /^no item has the id/.test(error.message) ? 404 : 400;
      return c.json({ error: error.message, hint: error.hint ?? null }, status);
    }
    if (error instanceof z.ZodError) {
      return c.json({ error: "the request body is not what this route takes" }, 400);
    }
    // c.req.json() on a body cut short or not JSON at all: the client's mistake, not ours.
    if (error instanceof SyntaxError) {
      return c.json({ error: "the request body is not valid JSON" }, 400);
    }
    return c.json({ error: `unexpected error: ${(error as Error).message}` }, 500);
  });

  const current = async (): Promise<{ version: string; docket: Docket }> => {
    const bytes = await readDocketBytes(path);
    const version = contentVersion(bytes);
    const docket = known?.version === version ? known.docket : parseDocket(bytes);
    known = { version, docket };
    return known;
  };

  registerBoardRoutes(app, {
    docketPath: path,
    env: options.env,
    today: options.today,
    now,
    categorise,
    current,
    token: options.token,
    webRoot: options.webRoot,
    watch: options.watch,
    warm: options.warm,
  });

  registerLensRoutes(app, {
    docketPath: path,
    env: options.env,
    today: options.today,
    categorise,
    lines: async () => itemLines((await current()).docket),
    change,
  });
  registerPeopleRoutes(app, {
    docketPath: path,
    env: options.env,
    today: options.today,
    categorise,
    lines: async () => itemLines((await current()).docket),
  });
  registerAssessmentRoutes(app, { docketPath: path, env: options.env, today: options.today });
  registerFieldRoutes(app, { today: options.today, now, change });
  registerCalendarRoutes(app, { docketPath: path, today: options.today, env: options.env });
  registerRoiRoutes(app, {
    today: options.today,
    lines: async () => itemLines((await current()).docket),
  });
  registerTeamRoutes(app, { env: options.env, today: options.today, categorise });
  registerHealthRoutes(app, { docketPath: path, env: options.env, now });
  registerDeckRoutes(app, {
    docketPath: path,
    env: options.env,
    today: options.today,
    categorise,
    lines: async () => itemLines((await current()).docket),
  });

  app.post("/api/classify", async (c) => {
    const body = ClassifyBody.parse(await c.req.json());
    const text = body.text.trim();
    if (text === "") return c.json({ stored: "", inferred: [], category: null, unsure: false });
    const guess = (await categorise())(text);
    const capture = captureItem(text, {
      today: options.today(),
      categorise: () => guess,
      dated: false,
    });
    return c.json({
      stored: capture.text,
      inferred: capture.inferred,
      category: guess?.category ?? null,
      unsure: guess?.unsure ?? false,
      reason: guess?.reason ?? null,
    });
  });

  app.post("/api/items", async (c) => {
    const body = AddBody.parse(await c.req.json());
    if (body.text.trim() === "") throw new PpppptError("nothing to add: give the item's text");
    const today = options.today();
    const config = body.verbatim ? undefined : await readConfigFile(options.env);
    const categoriser = config ? await categorise() : undefined;
    // Captured inside the change, as `ppppt add` does: the people known are the docket's own.
    const { line, capture } = await change((docket) => {
      const capture =
        config && categoriser
          ? captureItem(body.text, {
              today,
              categorise: categoriser,
              people: knownPeopleIn(config.people, readOnlyItemLines(docket)),
            })
          : { text: body.text, inferred: [], ambiguous: [] };
      const added = appendItem(docket, capture.text);
      return { docket: added.docket, result: { line: added.line, capture } };
    });
    return c.json(
      { item: itemJson(line), inferred: capture.inferred, ambiguous: capture.ambiguous },
      201,
    );
  });

  app.post("/api/items/:id/done", async (c) => {
    const id = c.req.param("id");
    const today = options.today();
    const at = now();
    // As `ppppt done`: a running timer on the item is stopped and its time counted first.
    const result = await change((docket) => {
      const done = finishItem(docket, id, { today, now: at });
      return { docket: done.docket, result: done };
    });
    return c.json({
      done: itemJson(result.done),
      next: result.next ? itemJson(result.next) : null,
      stopped: result.stopped ? stoppedTimerJson(result.stopped) : null,
    });
  });

  app.post("/api/items/:id/undo", async (c) => {
    const id = c.req.param("id");
    const r = await change((docket) => {
      const reopened = reopenItem(docket, id);
      return { docket: reopened.docket, result: reopened };
    });
    return c.json({ item: itemJson(r.line), removed: r.removed ? itemJson(r.removed) : null });
  });

  app.patch("/api/items/:id", async (c) => {
    const id = c.req.param("id");
    const body = EditBody.parse(await c.req.json());
    const text = body.text.trim();
    if (text === "") throw new PpppptError("give the new text; to remove an item, delete it");
    const line = await change((docket) => {
      const r = replaceItem(docket, id, (old) => editItemText(old, text, body.mode ?? "keep"));
      return { docket: r.docket, result: r.line };
    });
    return c.json({ item: itemJson(line) });
  });

  app.delete("/api/items/:id", async (c) => {
    const id = c.req.param("id");
    const removed = await change((docket) => {
      const r = removeItem(docket, id);
      return { docket: r.docket, result: r.removed };
    });
    return c.json({ removed: itemJson(removed) });
  });

  app.post("/api/items/:id/recat", async (c) => {
    const id = c.req.param("id");
    const body = RecatBody.parse(await c.req.json());
    const category = parseCategory(body.category);
    if (!category) {
      throw new PpppptError(`"${body.category}" is not a category`, {
        hint: "Use people, product, process, public or tech.",
      });
    }
    const line = await change((docket) => {
      const r = replaceItem(docket, id, (text) => setTag(text, "cat", category));
      return { docket: r.docket, result: r.line };
    });
    if (options.learn) {
      await options.learn(line.item.title, category);
      categoriser = undefined;
    }
    return c.json({ item: itemJson(line) });
  });

  app.get("/api/events", (c) => {
    const watch = options.watch;
    return streamSSE(c, async (stream) => {
      let wake: (() => void) | undefined;
      const closed = new Promise<void>((resolve) => {
        wake = resolve;
      });
      stream.onAbort(() => wake?.());
      await stream.writeSSE({
        event: "docket",
        data: JSON.stringify({ version: watch?.version() }),
      });
      const unsubscribe = watch?.subscribe((version) => {
        void stream.writeSSE({ event: "docket", data: JSON.stringify({ version }) });
      });
      // A comment line now and then keeps proxies and the browser from calling it dead.
      const ping = setInterval(() => void stream.write(": ping\n\n"), 15_000);
      await closed;
      clearInterval(ping);
      unsubscribe?.();
    });
  });

  app.all("/api/*", (c) => c.json({ error: "no such route" }, 404));
  app.get("*", (c) => serveWebFile(c, options.webRoot));
  return app;
}

import type { Hono } from "hono";
import type { Categoriser } from "../core/capture.js";
import type { IsoDate } from "../core/dates.js";
import { appendItem } from "../core/docket/docket.js";
import type { Docket, ItemLine } from "../core/docket/item.js";
import { itemJson } from "../core/docket/item-json.js";
import { PpppptError } from "../core/errors.js";
import { buildBalanceReport } from "../core/lens/balance-report.js";
import { DEFAULT_LAST_DAYS, namedPeriod, type PeriodKind } from "../core/lens/period.js";
import { adoptedPractices, practiceItemTexts } from "../core/lens/plan.js";
import { buildPlanReport } from "../core/lens/plan-report.js";
import { findPractice, practicesFor } from "../core/lens/playbook.js";
import type { ReportInput } from "../core/lens/report-input.js";
import { buildReviewReport, reviewJson } from "../core/lens/review.js";
import { parseRole, ROLE_LABELS } from "../core/lens/roles.js";
import type { LensSettings } from "../core/lens/settings.js";
import { readMeetings } from "../store/calendar-ledger-file.js";
import { lensSettingsOf, readConfigFile } from "../store/config-file.js";
import { readDoneFile } from "../store/done-file.js";
import { readAssessment, readDueSnapshot } from "../store/lens-files.js";
import type { Env } from "../store/paths.js";
import { loadPlaybooks } from "../store/playbook-files.js";

/**
 * The lens views: balance, review, playbook and plan, each the same core report the CLI
 * prints with `--json`, so the page and `ppppt balance --json` never disagree.
 */

export interface LensRouteOptions {
  docketPath: string;
  env: Env;
  today: () => IsoDate;
  categorise: () => Promise<Categoriser>;
  /** The current docket's item lines (from the server's cache when it is fresh). */
  lines: () => Promise<ItemLine[]>;
  /** Applies a change through the safe store, as every write in the server does. */
  change: <T>(fn: (docket: Docket) => { docket: Docket; result: T }) => Promise<T>;
}

const PERIODS: PeriodKind[] = ["week", "month", "quarter"];

/** The page's default period, as `ppppt balance`'s: the last 30 days. */
const DEFAULT_PERIOD = `${DEFAULT_LAST_DAYS}d`;

export async function settingsFor(env: Env, role: string | undefined): Promise<LensSettings> {
  const config = await readConfigFile(env);
  const chosen = role === undefined || role === "" ? undefined : parseRole(role);
  if (role && !chosen) {
    throw new PpppptError(`"${role}" is not a role`, {
      hint: "Use manager, senior-manager, director, senior-director or vp.",
    });
  }
  return lensSettingsOf(config, chosen);
}

export function registerLensRoutes(app: Hono, o: LensRouteOptions): void {
  /** What every report reads: the docket's lines, the done file's, the settings, today. */
  const inputFor = async (role: string | undefined): Promise<ReportInput> => ({
    lines: await o.lines(),
    doneLines: (await readDoneFile(o.docketPath)).lines,
    settings: await settingsFor(o.env, role),
    today: o.today(),
    categorise: await o.categorise(),
    meetings: await readMeetings(o.docketPath),
  });

  app.get("/api/balance", async (c) => {
    const input = await inputFor(c.req.query("role"));
    const period = namedPeriod(c.req.query("period") ?? DEFAULT_PERIOD, input.today);
    const trendParam = c.req.query("trend");
    const trendKind = trendParam === undefined ? undefined : PERIODS.find((k) => k === trendParam);
    if (trendParam !== undefined && !trendKind)
      throw new PpppptError(`"${trendParam}" is not a period: use week, month or quarter`);
    return c.json(buildBalanceReport({ ...input, period, trendKind }));
  });

  app.get("/api/review", async (c) => {
    const input = await inputFor(c.req.query("role"));
    const last = c.req.query("period");
    const review = buildReviewReport({
      ...input,
      period: last === undefined ? undefined : namedPeriod(last, input.today),
      practices: await loadPlaybooks(o.env),
      answers: (await readAssessment(o.docketPath))?.answers,
      previousDue: await readDueSnapshot(o.docketPath),
    });
    return c.json(reviewJson(review));
  });

  app.get("/api/playbook", async (c) => {
    const settings = await settingsFor(o.env, c.req.query("role"));
    const practices = practicesFor(await loadPlaybooks(o.env), { role: settings.target.role });
    const adopted = adoptedPractices(await o.lines());
    return c.json({
      role: settings.target.role,
      roleLabel: ROLE_LABELS[settings.target.role],
      practices: practices.map((p) => ({ ...p, adopted: adopted.has(p.id) })),
    });
  });

  app.get("/api/plan", async (c) => {
    const input = await inputFor(c.req.query("role"));
    const assessment = await readAssessment(o.docketPath);
    return c.json(
      buildPlanReport({
        ...input,
        practices: await loadPlaybooks(o.env),
        answers: assessment?.answers,
        assessed: assessment?.date,
      }),
    );
  });

  app.post("/api/plan/:practice", async (c) => {
    const today = o.today();
    const practice = findPractice(await loadPlaybooks(o.env), c.req.param("practice"));
    const added = await o.change((docket) => {
      const lines = docket.lines.filter((l): l is ItemLine => l.kind === "item");
      if (adoptedPractices(lines).has(practice.id)) {
        throw new PpppptError(`${practice.id} is already under way`, {
          hint: "Finish or remove its open items first, or choose another practice.",
        });
      }
      let current = docket;
      const out: ItemLine[] = [];
      for (const text of practiceItemTexts(practice, today)) {
        const a = appendItem(current, text);
        current = a.docket;
        out.push(a.line);
      }
      return { docket: current, result: out };
    });
    return c.json({ added: added.map(itemJson) }, 201);
  });
}

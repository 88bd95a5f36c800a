import type { Hono } from "hono";
import type { Categoriser } from "../core/capture.js";
import { addDays, type IsoDate } from "../core/dates.js";
import { appendItem } from "../core/docket/docket.js";
import type { Docket, ItemLine } from "../core/docket/item.js";
import { itemJson } from "../core/docket/item-json.js";
import { PpppptError } from "../core/errors.js";
import { assessmentScores } from "../core/lens/assessment.js";
import { balanceOfLensItems } from "../core/lens/balance.js";
import { lensItems } from "../core/lens/lens-items.js";
import { categoryNeeds } from "../core/lens/need.js";
import { type PeriodKind, periodOf, sincePeriod } from "../core/lens/period.js";
import {
  adoptedPractices,
  type Proposal,
  practiceItemTexts,
  proposePlan,
} from "../core/lens/plan.js";
import { findPractice, practicesFor } from "../core/lens/playbook.js";
import { reviewJson, weeklyReview } from "../core/lens/review.js";
import { parseRole, ROLE_LABELS } from "../core/lens/roles.js";
import type { LensSettings } from "../core/lens/settings.js";
import { activityOfLensItems } from "../core/lens/starving.js";
import { balanceTrend } from "../core/lens/trend.js";
import { lensSettingsOf, readConfigFile } from "../store/config-file.js";
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

async function settingsFor(env: Env, role: string | undefined): Promise<LensSettings> {
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
  app.get("/api/balance", async (c) => {
    const today = o.today();
    const kindParam = c.req.query("period") ?? "month";
    const kind = PERIODS.find((k) => k === kindParam);
    if (!kind) throw new PpppptError(`"${kindParam}" is not a period: use week, month or quarter`);
    // The trend is weekly unless asked otherwise: a week is what a leader can still change.
    const trendParam = c.req.query("trend") ?? "week";
    const trendKind = PERIODS.find((k) => k === trendParam);
    if (!trendKind)
      throw new PpppptError(`"${trendParam}" is not a period: use week, month or quarter`);
    const settings = await settingsFor(o.env, c.req.query("role"));
    const lines = await o.lines();
    const categorise = await o.categorise();
    const items = lensItems(lines, categorise);
    return c.json({
      balance: balanceOfLensItems(items, periodOf(kind, today, today), settings.target, today),
      activity: activityOfLensItems(items, today, settings.starvingWeeks),
      starvingWeeks: settings.starvingWeeks,
      trend: balanceTrend(lines, trendKind, settings.target, today, categorise),
      trendKind,
      roleLabel: ROLE_LABELS[settings.target.role],
    });
  });

  app.get("/api/review", async (c) => {
    const settings = await settingsFor(o.env, c.req.query("role"));
    const review = weeklyReview({
      lines: await o.lines(),
      today: o.today(),
      settings,
      practices: await loadPlaybooks(o.env),
      answers: (await readAssessment(o.docketPath))?.answers,
      previousDue: await readDueSnapshot(o.docketPath),
      categorise: await o.categorise(),
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
    const today = o.today();
    const settings = await settingsFor(o.env, c.req.query("role"));
    const practices = await loadPlaybooks(o.env);
    const assessment = await readAssessment(o.docketPath);
    const lines = await o.lines();
    const items = lensItems(lines, await o.categorise());
    const window = sincePeriod(addDays(today, -(settings.next.needWindowDays - 1)), today);
    const needs = categoryNeeds(
      balanceOfLensItems(items, window, settings.target, today),
      activityOfLensItems(items, today, settings.starvingWeeks),
    );
    const forRole = practicesFor(practices, { role: settings.target.role });
    const proposals = proposePlan({
      practices,
      role: settings.target.role,
      answers: assessment?.answers ?? {},
      needs,
      adopted: adoptedPractices(lines),
    }).slice(0, 3);
    const underWay = lines.filter(
      (l) => !l.item.done && l.item.tags.some((t) => t.key === "practice"),
    );
    return c.json({
      role: settings.target.role,
      roleLabel: ROLE_LABELS[settings.target.role],
      assessed: assessment?.date ?? null,
      scores: assessmentScores(assessment?.answers ?? {}, forRole),
      proposals: proposals.map(proposalJson),
      underWay: underWay.map(itemJson),
    });
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

function proposalJson(p: Proposal) {
  return {
    id: p.practice.id,
    title: p.practice.title,
    category: p.practice.category,
    why: p.practice.why,
    score: p.score,
    gap: p.gap,
    need: p.need,
    reasons: p.reasons,
    items: p.practice.items,
  };
}

import type { Hono } from "hono";
import { z } from "zod";
import type { IsoDate } from "../core/dates.js";
import { ANSWERS, assessmentScores, withAnswers } from "../core/lens/assessment.js";
import { checkAnswerIds } from "../core/lens/assessment-file.js";
import { practicesFor } from "../core/lens/practice.js";
import { ROLE_LABELS } from "../core/lens/roles.js";
import { assessmentPath, readAssessment, writeAssessment } from "../store/lens-files.js";
import type { Env } from "../store/paths.js";
import { loadPlaybooks } from "../store/playbook-files.js";
import { settingsFor } from "./lens-routes.js";

/**
 * The self-assessment in the browser: the questions `ppppt assess` asks (the role's practices),
 * the saved answers and their scores; answers are saved to the same assessment.json, merged as
 * `ppppt assess --answer` merges them, and the reply is what `ppppt assess --json` prints.
 */

export interface AssessmentRouteOptions {
  docketPath: string;
  env: Env;
  today: () => IsoDate;
}

const AnswersBody = z.object({
  answers: z.record(z.string(), z.enum(ANSWERS)),
  role: z.string().optional(),
});

export function registerAssessmentRoutes(app: Hono, o: AssessmentRouteOptions): void {
  const practicesOf = async (role: string | undefined) => {
    const settings = await settingsFor(o.env, role);
    const all = await loadPlaybooks(o.env);
    return {
      role: settings.target.role,
      all,
      practices: practicesFor(all, { role: settings.target.role }),
    };
  };

  app.get("/api/assessment", async (c) => {
    const { role, practices } = await practicesOf(c.req.query("role"));
    const saved = await readAssessment(o.docketPath);
    const answers = saved?.answers ?? {};
    return c.json({
      role,
      roleLabel: ROLE_LABELS[role],
      path: assessmentPath(o.docketPath),
      date: saved?.date ?? null,
      questions: practices.map((p) => ({
        id: p.id,
        category: p.category,
        title: p.title,
        prompt: p.prompt,
      })),
      answers,
      scores: assessmentScores(answers, practices),
    });
  });

  // The page saves each answer as it is clicked: saves run one after another, each reading the
  // file the one before wrote, or quick clicks would each drop the others' answers.
  let saving: Promise<unknown> = Promise.resolve();
  app.post("/api/assessment", async (c) => {
    const body = AnswersBody.parse(await c.req.json());
    const { role, all, practices } = await practicesOf(body.role);
    const given = checkAnswerIds(body.answers, all, undefined);
    const save = saving.then(async () => {
      const assessment = withAnswers(await readAssessment(o.docketPath), given, o.today(), role);
      return { path: await writeAssessment(o.docketPath, assessment), assessment };
    });
    saving = save.catch(() => undefined);
    const { path, assessment } = await save;
    return c.json({ path, assessment, scores: assessmentScores(assessment.answers, practices) });
  });
}

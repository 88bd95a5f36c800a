import type { Command } from "commander";
import { CATEGORY_LABELS } from "../../core/category.js";
import { appendItem } from "../../core/docket/docket.js";
import type { ItemLine } from "../../core/docket/item.js";
import { itemJson } from "../../core/docket/item-json.js";
import { PpppptError } from "../../core/errors.js";
import { lastDaysPeriod, parseLastDays } from "../../core/lens/period.js";
import { adoptedPractices, practiceItemTexts } from "../../core/lens/plan.js";
import { buildPlanReport } from "../../core/lens/plan-report.js";
import { findPractice, type Practice } from "../../core/lens/practice.js";
import { updateDocketFile } from "../../store/docket-file.js";
import { contextOf } from "../context.js";
import { requireCount, wholeNumber } from "../count-option.js";
import type { CliIO } from "../io.js";
import { LAST_OPTION } from "../period-option.js";
import { renderItem } from "../render.js";
import { ROLE_OPTION } from "../role-option.js";

interface PlanOptions {
  add?: string[];
  yes?: boolean;
  number: number;
  last?: string;
  role?: string;
  json?: boolean;
}

export function registerPlan(program: Command, io: CliIO): void {
  program
    .command("plan")
    .description("a growth plan: practices to take up, from your self-assessment and balance")
    .option("--add <ids...>", "add the items of these practices to the docket")
    .option("-y, --yes", "add the items of the proposed practices")
    .option("-n, --number <n>", "how many practices to propose", wholeNumber, 3)
    .option(LAST_OPTION[0], "measure the category need over the last days: 7d, 30d, 90d")
    .option(...ROLE_OPTION)
    .option("--json", "print the proposals (and anything added) as JSON")
    .addHelpText(
      "after",
      "\nPractices rank by the assessment gap (no > partly or unanswered > yes) plus how much\ntheir category needs attention in the last weeks. Added items carry practice:ID.\n\nExamples:\n  ppppt plan\n  ppppt plan --add public-status-as-story\n  ppppt plan --yes -n 2",
    )
    .action(async (options: PlanOptions, command: Command) => {
      const ctx = contextOf(io, command);
      const n = requireCount(options.number);
      const { loadLensInput } = await import("../lens-context.js");
      const { readAssessment } = await import("../../store/lens-files.js");
      const { loadPlaybooks } = await import("../../store/playbook-files.js");
      const input = await loadLensInput(ctx, options.role);
      const { today, settings } = input;
      const practices = await loadPlaybooks(ctx.env);
      const assessment = await readAssessment(input.docketPath);
      const report = buildPlanReport({
        lines: input.lines,
        doneLines: input.doneLines,
        settings,
        today,
        categorise: input.categorise,
        practices,
        answers: assessment?.answers,
        assessed: assessment?.date,
        count: n,
        period:
          options.last === undefined
            ? undefined
            : lastDaysPeriod(parseLastDays(options.last), today),
      });
      const proposals = report.proposals;
      const adopted = adoptedPractices(input.lines);

      let chosen: Practice[] = [];
      if (options.add) chosen = options.add.map((id) => findPractice(practices, id));
      else if (options.yes) chosen = proposals.map((p) => findPractice(practices, p.id));
      const already = chosen.filter((p) => adopted.has(p.id));
      if (already.length > 0) {
        throw new PpppptError(
          `${already.map((p) => p.id).join(", ")} ${already.length === 1 ? "is" : "are"} already under way (open items carry practice:${already[0]?.id})`,
          { hint: "Finish or remove those items first, or choose another practice." },
        );
      }
      let added: ItemLine[] = [];
      if (chosen.length > 0) {
        added = await updateDocketFile(input.docketPath, (docket) => {
          let current = docket;
          const lines: ItemLine[] = [];
          for (const p of chosen) {
            for (const text of practiceItemTexts(p, today)) {
              const a = appendItem(current, text);
              current = a.docket;
              lines.push(a.line);
            }
          }
          return { docket: current, result: lines };
        });
      }
      if (options.json) {
        ctx.json({ ...report, added: added.map(itemJson) });
        return;
      }
      if (added.length > 0) {
        for (const line of added) ctx.out(`Added ${renderItem(line, today, ctx.style)}`);
        return;
      }
      if (!assessment) {
        ctx.out(
          ctx.style.dim("No self-assessment yet (`ppppt assess`): ranking by balance alone."),
        );
      }
      if (proposals.length === 0) {
        ctx.out("Every practice for your role is already under way.");
        return;
      }
      proposals.forEach((p, i) => {
        ctx.out(
          `${i + 1}. ${ctx.style.bold(p.title)} ${ctx.style.cyan(`(${p.id}, ${CATEGORY_LABELS[p.category]})`)}`,
        );
        for (const r of p.reasons) ctx.out(ctx.style.dim(`   ${r}`));
        ctx.out(`   ${p.why}`);
        for (const it of p.items) {
          ctx.out(`   - ${it.text}${it.rec ? ctx.style.dim(` (every ${it.rec})`) : ""}`);
        }
      });
      ctx.out(
        ctx.style.dim(
          `Category need over the ${report.period.label}. Take one up with \`ppppt plan --add ID\`, or all of these with \`ppppt plan --yes\`.`,
        ),
      );
    });
}

import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { CATEGORY_LABELS, parseCategory } from "../../core/category.js";
import { PpppptError } from "../../core/errors.js";
import { type Answer, type Assessment, assessmentScores } from "../../core/lens/assessment.js";
import { type Practice, practicesFor } from "../../core/lens/practice.js";
import { ROLE_LABELS, requireRole } from "../../core/lens/roles.js";
import { plural } from "../../core/wording.js";
import { type CliContext, contextOf } from "../context.js";
import type { CliIO } from "../io.js";
import { ROLE_OPTION } from "../role-option.js";

interface AssessOptions {
  answers?: string;
  answer?: string[];
  cat?: string;
  role?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerAssess(program: Command, io: CliIO): void {
  program
    .command("assess")
    .description("self-assessment: answer yes, partly or no to each practice's question")
    .option("--answers <file>", "take the answers from a YAML or JSON file (id: yes|partly|no)")
    .option(
      "--answer <id=answer>",
      "answer one practice (repeatable): people-skip-levels=partly",
      collect,
    )
    .option("-c, --cat <category>", "ask only about this category")
    .option(...ROLE_OPTION)
    .option("--json", "print the saved assessment and scores as JSON")
    .addHelpText(
      "after",
      "\nIn a terminal it asks each question in turn; otherwise give --answers or --answer.\nAnswers are saved to assessment.json beside the docket, over the previous ones.\n\nExamples:\n  ppppt assess\n  ppppt assess --cat public\n  ppppt assess --answers answers.yaml --json",
    )
    .action(async (options: AssessOptions, command: Command) => {
      const ctx = contextOf(io, command);
      const today = ctx.today();
      const { lensSettingsOf, readConfigFile } = await import("../../store/config-file.js");
      const { readAssessment, writeAssessment } = await import("../../store/lens-files.js");
      const { loadPlaybooks } = await import("../../store/playbook-files.js");
      const { parseAnswerFlags, parseAnswersFile } = await import(
        "../../core/lens/assessment-file.js"
      );
      const config = await readConfigFile(ctx.env);
      const role = lensSettingsOf(
        config,
        options.role === undefined ? undefined : requireRole(options.role),
      ).target.role;
      const category = options.cat === undefined ? undefined : parseCategory(options.cat);
      if (options.cat !== undefined && !category) {
        throw new PpppptError(`"${options.cat}" is not a category`, {
          hint: "Use people, product, process, public or tech.",
        });
      }
      const all = await loadPlaybooks(ctx.env);
      const practices = practicesFor(all, { role, category });
      const docketPath = ctx.docketPath();
      const previous = (await readAssessment(docketPath))?.answers ?? {};

      let given: Record<string, Answer>;
      if (options.answers !== undefined || options.answer !== undefined) {
        given = {};
        if (options.answers !== undefined) {
          let text: string;
          try {
            text = await readFile(options.answers, "utf8");
          } catch (error) {
            throw new PpppptError(`cannot read ${options.answers}: ${(error as Error).message}`);
          }
          given = parseAnswersFile(text, options.answers, all);
        }
        Object.assign(given, parseAnswerFlags(options.answer ?? [], all));
      } else if (io.stdinIsTTY && io.stdoutIsTTY) {
        const asked = await askInTerminal(practices, previous, role);
        if (!asked) return;
        given = asked;
      } else {
        throw new PpppptError("assess needs a terminal to ask its questions", {
          hint: "Give the answers with --answers FILE or --answer ID=yes|partly|no.",
        });
      }
      const assessment: Assessment = { date: today, role, answers: { ...previous, ...given } };
      const path = await writeAssessment(docketPath, assessment);
      const scores = assessmentScores(assessment.answers, practicesFor(all, { role }));
      if (options.json) {
        ctx.json({ path, assessment, scores });
        return;
      }
      report(ctx, Object.keys(given).length, path, scores);
    });
}

async function askInTerminal(
  practices: Practice[],
  previous: Record<string, Answer>,
  role: string,
): Promise<Record<string, Answer> | undefined> {
  const clack = await import("@clack/prompts");
  clack.intro(
    `Self-assessment for a ${ROLE_LABELS[role as keyof typeof ROLE_LABELS]}: ${practices.length} questions`,
  );
  const answers: Record<string, Answer> = {};
  for (const p of practices) {
    const value = await clack.select<Answer>({
      message: `${CATEGORY_LABELS[p.category]}: ${p.prompt}`,
      options: [
        { value: "yes", label: "Yes" },
        { value: "partly", label: "Partly" },
        { value: "no", label: "No" },
      ],
      initialValue: previous[p.id] ?? "partly",
    });
    if (clack.isCancel(value)) {
      clack.cancel("Stopped; nothing saved.");
      return undefined;
    }
    answers[p.id] = value;
  }
  clack.outro("Saved. `ppppt plan` proposes practices from these answers.");
  return answers;
}

function report(
  ctx: CliContext,
  count: number,
  path: string,
  scores: ReturnType<typeof assessmentScores>,
): void {
  ctx.out(`Saved ${plural(count, "answer")} to ${path}`);
  for (const s of scores) {
    const score = s.score === undefined ? "not assessed" : `${s.score.toFixed(0)}%`;
    ctx.out(
      `  ${CATEGORY_LABELS[s.category].padEnd(9)} ${score.padStart(12)}  ${ctx.style.dim(`${s.answered} of ${s.practices} answered`)}`,
    );
  }
  ctx.out(ctx.style.dim("`ppppt plan` proposes practices from these answers and your balance."));
}

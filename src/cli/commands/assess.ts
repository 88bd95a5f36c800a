import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { CATEGORY_LABELS, type Category, parseCategory } from "../../core/category.js";
import type { IsoDate } from "../../core/dates.js";
import { PpppptError } from "../../core/errors.js";
import {
  type Answer,
  assessmentScores,
  parseAnswer,
  type UnfinishedRound,
  withAnswers,
} from "../../core/lens/assessment.js";
import { type Practice, practicesFor } from "../../core/lens/practice.js";
import { ROLE_LABELS, type Role, requireRole } from "../../core/lens/roles.js";
import { plural } from "../../core/wording.js";
import { chooserOf } from "../choose.js";
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
      "\nIn a terminal it asks each question in turn, saving each answer as it is given: stopped\n(Ctrl-C), the next `ppppt assess` goes on where it stopped. Answers can be piped in too, one\nper line (yes, partly or no) in the order of `ppppt playbook`; or give --answers or --answer.\nAnswers are saved to assessment.json beside the docket, over the previous ones.\n\nExamples:\n  ppppt assess\n  ppppt assess --cat public\n  printf 'yes\\nno\\npartly\\n' | ppppt assess --cat tech\n  ppppt assess --answers answers.yaml --json",
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
      const saved = await readAssessment(docketPath);

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
      } else {
        // One question at a time, each answer saved as it is given (see askRound).
        const ask = io.stdinIsTTY && io.stdoutIsTTY ? terminalAsker(io) : await pipedAsker(io);
        const round = await askRound(ctx, { ask, practices, role, category, docketPath, today });
        if (!round.finished) return;
        const scores = assessmentScores(round.answers, practicesFor(all, { role }));
        if (options.json) {
          const assessment = { date: today, role, answers: round.answers };
          ctx.json({ path: round.path, assessment, scores });
        } else report(ctx, round.given, round.path, scores);
        return;
      }
      const assessment = withAnswers(saved, given, today, role);
      const path = await writeAssessment(docketPath, assessment);
      const scores = assessmentScores(assessment.answers, practicesFor(all, { role }));
      if (options.json) {
        ctx.json({ path, assessment, scores });
        return;
      }
      report(ctx, Object.keys(given).length, path, scores);
    });
}

/** Asks one practice's question; undefined when the user stops. */
type Asker = (practice: Practice, initial: Answer | undefined) => Promise<Answer | undefined>;

function terminalAsker(io: CliIO): Asker {
  const choose = chooserOf(io);
  return async (p, initial) => {
    const value = await choose({
      message: `${CATEGORY_LABELS[p.category]}: ${p.prompt}`,
      choices: [
        { value: "yes", label: "Yes" },
        { value: "partly", label: "Partly" },
        { value: "no", label: "No" },
      ],
      initial: initial ?? "partly",
    });
    return value === undefined ? undefined : (value as Answer);
  };
}

/**
 * Answers piped in (`printf 'yes\nno\n' | ppppt assess`): one per line, in the order the
 * questions are asked (`ppppt playbook` lists them); the input running out stops the round
 * as Ctrl-C does, so the next `assess` goes on from there.
 */
async function pipedAsker(io: CliIO): Promise<Asker> {
  const text = await io.readStdin();
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length === 0) {
    throw new PpppptError("assess needs a terminal to ask its questions", {
      hint: "Give the answers with --answers FILE or --answer ID=yes|partly|no, or pipe them in, one per line.",
    });
  }
  let next = 0;
  return async (p) => {
    if (next >= lines.length) return undefined;
    const line = lines[next++] as string;
    const answer = parseAnswer(line);
    if (!answer) {
      throw new PpppptError(`"${line.trim()}" is not yes, partly or no (answer ${next}, ${p.id})`, {
        hint: "The answers before it are saved; `ppppt assess` goes on from this question.",
      });
    }
    return answer;
  };
}

interface Round {
  ask: Asker;
  practices: Practice[];
  role: Role;
  category: Category | undefined;
  docketPath: string;
  today: IsoDate;
}

/**
 * Asks the round's questions, saving the assessment after every answer (through the store),
 * with the questions still to ask. Stopped half-way, nothing given is lost, and the next
 * `assess` for the same role and category asks only the rest, and says so.
 */
async function askRound(
  ctx: CliContext,
  round: Round,
): Promise<{ finished: boolean; given: number; path: string; answers: Record<string, Answer> }> {
  const { assessmentPath, readAssessment, writeAssessment } = await import(
    "../../store/lens-files.js"
  );
  const { practices, role, docketPath, today } = round;
  const category = round.category ?? null;
  const saved = await readAssessment(docketPath);
  const answers: Record<string, Answer> = { ...(saved?.answers ?? {}) };
  const earlier = saved?.unfinished;
  const resuming = earlier && earlier.role === role && earlier.category === category;
  const ids = new Set(practices.map((p) => p.id));
  let remaining = resuming
    ? earlier.remaining.filter((id) => ids.has(id))
    : practices.map((p) => p.id);
  const total = resuming ? earlier.total : practices.length;
  if (resuming && remaining.length > 0) {
    ctx.out(
      `Resuming the self-assessment: ${total - remaining.length} of ${total} answered, ${plural(remaining.length, "question")} to go.`,
    );
  } else {
    if (resuming) remaining = practices.map((p) => p.id);
    ctx.out(
      `Self-assessment for a ${ROLE_LABELS[role]}: ${plural(remaining.length, "question")}; each answer is saved as you give it.`,
    );
  }
  const save = (unfinished: UnfinishedRound | undefined) =>
    writeAssessment(docketPath, {
      date: today,
      role,
      answers,
      ...(unfinished ? { unfinished } : {}),
    });
  const byId = new Map(practices.map((p) => [p.id, p]));
  let given = 0;
  let path = assessmentPath(docketPath);
  while (remaining.length > 0) {
    const practice = byId.get(remaining[0] as string) as Practice;
    const answer = await round.ask(practice, answers[practice.id]);
    if (answer === undefined) {
      const path = await save({ role, category, total, remaining });
      ctx.out(
        `Stopped: ${plural(given, "answer")} saved, ${plural(remaining.length, "question")} to go; \`ppppt assess\` goes on from here.`,
      );
      return { finished: false, given, path, answers };
    }
    answers[practice.id] = answer;
    remaining = remaining.slice(1);
    given++;
    path = await save(remaining.length > 0 ? { role, category, total, remaining } : undefined);
  }
  return { finished: true, given, path, answers };
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

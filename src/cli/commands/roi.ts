import { type Command, InvalidArgumentError } from "commander";
import { itemLines } from "../../core/docket/docket.js";
import type { Docket } from "../../core/docket/item.js";
import { PpppptError } from "../../core/errors.js";
import {
  FIELD_NAMES,
  FIELD_ORDER,
  IMPACT_LABELS,
  IMPACT_SCALE,
  type Impact,
  missingInputs,
  NUMBER_FIELDS,
  type NumberField,
  numberProblem,
  type RequiredField,
  type RoiField,
  type RoiInputs,
  readNumber,
} from "../../core/roi/proposal.js";
import type { RoiReport, ScoredProposal } from "../../core/roi/report.js";
import { type CliContext, contextOf } from "../context.js";
import type { CliIO } from "../io.js";
import { asProgramDoes } from "../subcommand.js";

/** The flags as commander reads them: numbers already numbers, dates still as typed. */
type InputOptions = Partial<Record<NumberField, number>> & { kill?: string; review?: string };

interface SetOptions extends InputOptions {
  met?: string | boolean;
  unset?: string;
}

/** A percentage may be typed with its sign: `80%` is 80. */
function percentText(value: string): string {
  return value.trim().replace(/%$/, "");
}

function percentArg(value: string): number {
  return numberArg(percentText(value));
}

/** A number on the command line; anything else means the line does not parse (exit 2). */
function numberArg(value: string): number {
  const n = readNumber(value);
  if (n === undefined) throw new InvalidArgumentError(`"${value}" is not a number.`);
  return n;
}

function inputOptions(command: Command): Command {
  return command
    .option("--reach <n>", "users or customers reached per quarter", numberArg)
    .option(
      "--impact <n>",
      "RICE impact: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal",
      numberArg,
    )
    .option("--confidence <pct>", "confidence in these numbers, a percentage 0-100", percentArg)
    .option("--effort <weeks>", "remaining effort in person-weeks", numberArg)
    .option("--spent <weeks>", "person-weeks already spent (shown, never scored)", numberArg)
    .option("--cod <per-week>", "cost of delay per week", numberArg)
    .option(
      "--carry <per-week>",
      "carrying cost per week once built, in the unit of --cod",
      numberArg,
    )
    .option("--kill <text>", 'kill criterion: "stop if p95 is not under 200 ms"')
    .option("--review <date>", 'when to judge the kill criterion: 2027-02-01, "in 6 weeks"')
    .option("--json", "print the proposal as `ppppt roi --json` shows it");
}

async function inputsFrom(options: InputOptions, ctx: CliContext): Promise<RoiInputs> {
  const inputs: RoiInputs = {};
  for (const field of NUMBER_FIELDS) {
    const value = options[field];
    if (value !== undefined) (inputs as Record<NumberField, number>)[field] = value;
  }
  if (options.kill !== undefined) inputs.kill = options.kill;
  if (options.review !== undefined) {
    const { requireNaturalDate } = await import("../../core/natural-date.js");
    inputs.review = requireNaturalDate(options.review, ctx.today(), "review date");
  }
  return inputs;
}

/**
 * Whether a subcommand was asked for JSON. The program hands options it does not know to
 * `roi`, which takes `--json` as its own before `roi add` sees it; so ask both.
 */
function wantsJson(command: Command): boolean {
  return command.optsWithGlobals<{ json?: boolean }>().json === true;
}

export function registerRoi(program: Command, io: CliIO): void {
  const roi = program
    .command("roi")
    .description(
      "the ROI check: proposals scored (RICE, CD3), ranked, sunk cost and over-engineering flagged",
    )
    .option("--json", "print the report as JSON: { proposals: [...] } in rank order")
    .option("--md", "print the report as Markdown")
    .option("--stopped", "list the stopped proposals (with --json: { stopped: [...] })")
    .addHelpText(
      "after",
      '\nThe formulas and flag rules are in docs/roi.md.\n\nExamples:\n  ppppt roi\n  ppppt roi add "Cache the search results" --reach 1000 --impact 2 --confidence 80 --effort 4\n  ppppt roi set ca01 --effort 3 --spent 2\n  ppppt roi stop ca01 --why "the CDN does it"',
    )
    .action(
      async (options: { json?: boolean; md?: boolean; stopped?: boolean }, command: Command) => {
        const ctx = contextOf(io, command);
        const report = await readReport(ctx);
        const { roiLines, roiMarkdown, stoppedLine } = await import("../render-roi.js");
        if (options.stopped) {
          if (options.json) ctx.json({ stopped: report.stopped });
          else if (report.stopped.length === 0) ctx.out("No stopped proposals.");
          else for (const s of report.stopped) ctx.out(stoppedLine(s));
          return;
        }
        if (options.json) {
          ctx.json({ proposals: report.proposals });
          return;
        }
        if (options.md) {
          ctx.out(roiMarkdown(report).trimEnd());
          return;
        }
        for (const line of roiLines(report, ctx.style)) ctx.out(line);
      },
    );

  asProgramDoes(
    inputOptions(
      roi
        .command("add")
        .description(
          "add a proposal (a Tech item); in a terminal it asks for the required inputs not given",
        )
        .argument("<title...>", "what is proposed"),
    ),
    io,
  ).action(async (words: string[], options: InputOptions, command: Command) => {
    const ctx = contextOf(io, command);
    const today = ctx.today();
    const inputs = await inputsFrom(options, ctx);
    const { inputProblems } = await import("../../core/roi/proposal-edits.js");
    // A bad flag is refused before any question is asked about the rest.
    const problems = inputProblems(inputs);
    if (problems.length > 0) throw new PpppptError(problems.join("; "));
    const missing = missingInputs(inputs);
    if (missing.length > 0 && io.stdinIsTTY && io.stdoutIsTTY) {
      const asked = await askFor(missing, io);
      if (!asked) return;
      Object.assign(inputs, asked);
    }
    const { addProposal } = await import("../../core/roi/proposal-edits.js");
    const { updateDocketFile } = await import("../../store/docket-file.js");
    const r = await updateDocketFile(ctx.docketPath(), (docket) => {
      const added = addProposal(docket, words.join(" "), inputs, today);
      return { docket: added.docket, result: added };
    });
    await reportChange(ctx, wantsJson(command), r.line.id, "Added");
  });

  asProgramDoes(
    inputOptions(
      roi
        .command("set")
        .description("change a proposal's inputs (any item becomes a proposal this way)")
        .argument("<id>", "the proposal"),
    )
      .option(
        "--met [date]",
        "record that the kill criterion is met (today unless a date is given)",
      )
      .option("--unset <fields>", `remove inputs, comma-separated: ${FIELD_ORDER.join(",")}`),
    io,
  ).action(async (id: string, options: SetOptions, command: Command) => {
    const ctx = contextOf(io, command);
    const inputs = await inputsFrom(options, ctx);
    if (options.met !== undefined) {
      if (options.met === true) inputs.met = ctx.today();
      else {
        const { requireNaturalDate } = await import("../../core/natural-date.js");
        inputs.met = requireNaturalDate(String(options.met), ctx.today(), "date for --met");
      }
    }
    const unset = unsetFields(options.unset);
    if (Object.keys(inputs).length === 0 && unset.length === 0) {
      throw new PpppptError("nothing to change: give an input to set or --unset", {
        hint: `ppppt roi set ${id} --effort 3`,
      });
    }
    const { setProposalInputs } = await import("../../core/roi/proposal-edits.js");
    const { updateDocketFile } = await import("../../store/docket-file.js");
    const r = await updateDocketFile(ctx.docketPath(), (docket) => {
      const changed = setProposalInputs(docket, id, inputs, unset);
      return { docket: changed.docket, result: changed };
    });
    await reportChange(ctx, wantsJson(command), r.line.id, "Changed");
  });

  asProgramDoes(
    roi
      .command("stop")
      .description("stop a proposal: kept, marked stopped with the reason and the date")
      .argument("<id>", "the proposal")
      .requiredOption("--why <text>", "why it stops, for the record and the deck")
      .option("--json", "print the stopped proposal as JSON"),
    io,
  ).action(async (id: string, options: { why: string }, command: Command) => {
    const ctx = contextOf(io, command);
    const today = ctx.today();
    const { stopProposal } = await import("../../core/roi/proposal-edits.js");
    const { updateDocketFile } = await import("../../store/docket-file.js");
    const r = await updateDocketFile(ctx.docketPath(), (docket) => {
      const stopped = stopProposal(docket, id, options.why, today);
      return { docket: stopped.docket, result: stopped };
    });
    const report = await reportOf(r.docket, today);
    const stopped = report.stopped.find((s) => s.id === r.line.id);
    if (wantsJson(command)) ctx.json(stopped);
    else ctx.out(`Stopped ${r.line.id} on ${today}: ${r.proposal.title} (${options.why.trim()})`);
  });

  asProgramDoes(
    roi
      .command("rm")
      .description("delete a proposal (the removed line is printed, to add back if need be)")
      .argument("<id>", "the proposal")
      .option("--json", "print the removed proposal as JSON"),
    io,
  ).action(async (id: string, _options: unknown, command: Command) => {
    const ctx = contextOf(io, command);
    const { removeProposal } = await import("../../core/roi/proposal-edits.js");
    const { updateDocketFile } = await import("../../store/docket-file.js");
    const { itemJson } = await import("../../core/docket/item-json.js");
    const { findItem } = await import("../../core/docket/docket.js");
    const removed = await updateDocketFile(ctx.docketPath(), (docket) => {
      const line = findItem(docket, id);
      const r = removeProposal(docket, id);
      return { docket: r.docket, result: line };
    });
    if (wantsJson(command)) ctx.json(itemJson(removed));
    else ctx.out(`Removed ${removed.id}: ${removed.text}`);
  });
}

function unsetFields(text: string | undefined): RoiField[] {
  if (text === undefined) return [];
  const fields: RoiField[] = [];
  for (const word of text
    .split(",")
    .map((w) => w.trim())
    .filter((w) => w !== "")) {
    const field = FIELD_ORDER.find((f) => f === word);
    if (!field) {
      throw new PpppptError(`--unset ${word}: no such input`, {
        hint: `Use ${FIELD_ORDER.join(", ")}.`,
      });
    }
    fields.push(field);
  }
  return fields;
}

async function reportOf(docket: Docket, today: string): Promise<RoiReport> {
  const { roiReport } = await import("../../core/roi/report.js");
  return roiReport(itemLines(docket), today);
}

async function readReport(ctx: CliContext): Promise<RoiReport> {
  const { readDocketFile } = await import("../../store/docket-file.js");
  const { docket } = await readDocketFile(ctx.docketPath());
  return reportOf(docket, ctx.today());
}

/** After add or set: the proposal as the check now sees it, among the rest. */
async function reportChange(
  ctx: CliContext,
  json: boolean,
  id: string,
  verb: string,
): Promise<void> {
  // Read back rather than scored in memory: the new line's number is known only in the file.
  const report = await readReport(ctx);
  const row = report.proposals.find((p) => p.id === id);
  if (json) {
    ctx.json(row);
    return;
  }
  if (!row) return;
  ctx.out(`${verb} proposal ${row.id}: ${row.title}`);
  ctx.out(
    ctx.style.dim(`  ${scoreLine(row, report.proposals.filter((p) => p.rank !== null).length)}`),
  );
  for (const flag of row.flags) ctx.out(`  ${ctx.style.red(flag)}: ${row.reasons[flag]}`);
  if (row.flags.includes("missing-inputs")) {
    ctx.out(ctx.style.dim(`  \`ppppt roi set ${row.id} --reach N …\` fills them in.`));
  }
}

function scoreLine(row: ScoredProposal, scored: number): string {
  if (row.rice === null || row.rank === null) return "not scored yet";
  const cd3 = row.cd3 === null ? "" : `, CD3 ${row.cd3}`;
  return `RICE ${row.rice}${cd3}: rank ${row.rank} of ${scored}`;
}

const PROMPT_HINTS: Record<Exclude<RequiredField, "impact">, string> = {
  reach: "users or customers per quarter",
  confidence: "a percentage, 0-100",
  effort: "person-weeks still to do",
};

/**
 * Asks, in a terminal, for the required inputs the flags left out; undefined when the user
 * cancels (nothing is written then).
 */
async function askFor(missing: RequiredField[], io: CliIO): Promise<RoiInputs | undefined> {
  const clack = await import("@clack/prompts");
  const streams = io.promptStreams ?? {};
  clack.intro(`The ROI check needs ${missing.map((f) => FIELD_NAMES[f]).join(", ")}`, streams);
  const answers: RoiInputs = {};
  for (const field of missing) {
    let value: number | symbol;
    if (field === "impact") {
      value = await clack.select<Impact>({
        ...streams,
        message: "Impact on each one reached",
        options: IMPACT_SCALE.map((v) => ({ value: v, label: `${v} ${IMPACT_LABELS[v]}` })),
        initialValue: 1,
      });
    } else {
      const typed = await clack.text({
        ...streams,
        message: `${FIELD_NAMES[field][0]?.toUpperCase()}${FIELD_NAMES[field].slice(1)} (${PROMPT_HINTS[field]})`,
        validate: (text) => {
          const typed = text ?? "";
          const n = readNumber(field === "confidence" ? percentText(typed) : typed);
          if (n === undefined) return `"${typed}" is not a number`;
          return numberProblem(field, n);
        },
      });
      value = clack.isCancel(typed)
        ? typed
        : (readNumber(field === "confidence" ? percentText(typed) : typed) as number);
    }
    if (clack.isCancel(value)) {
      clack.cancel("Stopped; nothing saved.", streams);
      return undefined;
    }
    (answers as Record<NumberField, number>)[field] = value as number;
  }
  clack.outro("Scoring it against the rest.", streams);
  return answers;
}

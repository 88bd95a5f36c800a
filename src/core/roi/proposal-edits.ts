import { type IsoDate, isIsoDate } from "../dates.js";
import { appendItem, findItem, removeItem, replaceItem } from "../docket/docket.js";
import { completeText, setTag } from "../docket/edit.js";
import type { Docket, ItemLine } from "../docket/item.js";
import { PpppptError } from "../errors.js";
import {
  FIELD_NAMES,
  FIELD_ORDER,
  isNumberField,
  MARKER_TAG,
  MARKER_VALUE,
  numberProblem,
  type Proposal,
  ROI_TAGS,
  type RoiField,
  type RoiInputs,
  readProposal,
  STOPPED_TAG,
  tagValue,
  WHY_TAG,
} from "./proposal.js";

/**
 * The changes `ppppt roi add|set|stop|rm` (and the server) make, as docket operations: each
 * returns a new docket, or throws before changing anything when a value is wrong.
 */

/** Every problem with a set of inputs, one sentence each; empty when they are all usable. */
export function inputProblems(inputs: RoiInputs): string[] {
  const problems: string[] = [];
  for (const field of FIELD_ORDER) {
    const value = inputs[field];
    if (value === undefined) continue;
    if (isNumberField(field)) {
      const p = numberProblem(field, value as number);
      if (p) problems.push(p);
    } else if (field === "kill") {
      if (String(value).trim() === "") problems.push("the kill criterion is empty");
      else if (/[\r\n]/.test(String(value))) problems.push("the kill criterion is one line");
    } else if (!isIsoDate(String(value))) {
      problems.push(`${FIELD_NAMES[field]} ${value} is not a date: use YYYY-MM-DD`);
    }
  }
  if (inputs.kill !== undefined && inputs.review === undefined) {
    problems.push("a kill criterion needs a review date (--review YYYY-MM-DD) to be judged on");
  }
  return problems;
}

function requireUsable(inputs: RoiInputs): void {
  const problems = inputProblems(inputs);
  if (problems.length > 0) throw new PpppptError(problems.join("; "));
}

function withInputs(text: string, inputs: RoiInputs, unset: readonly RoiField[] = []): string {
  let out = setTag(text, MARKER_TAG, MARKER_VALUE);
  for (const field of FIELD_ORDER) {
    const value = inputs[field];
    if (value !== undefined) out = setTag(out, ROI_TAGS[field], tagValue(field, value));
    else if (unset.includes(field)) out = setTag(out, ROI_TAGS[field], undefined);
  }
  return out;
}

export interface ProposalChange {
  docket: Docket;
  line: ItemLine;
  proposal: Proposal;
}

function changed(docket: Docket, line: ItemLine): ProposalChange {
  return { docket, line, proposal: readProposal(line) as Proposal };
}

/** A new Tech item carrying the inputs, stamped with today's date as `ppppt add` does. */
export function addProposal(
  docket: Docket,
  title: string,
  inputs: RoiInputs,
  today: IsoDate,
): ProposalChange {
  const words = title.trim();
  if (words === "") throw new PpppptError("a proposal needs a title");
  requireUsable(inputs);
  let text = withInputs(`${today} ${words}`, inputs);
  // The title may name another category on purpose; otherwise a proposal is Tech work.
  if (!/(^|\s)cat:\S/.test(words)) text = setTag(text, "cat", "tech");
  const added = appendItem(docket, text);
  return changed(added.docket, added.line);
}

/**
 * Changes some inputs and removes others. Any item may become a proposal this way (the
 * "ROI check on the caching rewrite" item already on the board), but a stopped one stays stopped.
 */
export function setProposalInputs(
  docket: Docket,
  id: string,
  inputs: RoiInputs,
  unset: readonly RoiField[] = [],
): ProposalChange {
  const both = unset.filter((f) => inputs[f] !== undefined);
  if (both.length > 0) {
    throw new PpppptError(`${both.join(", ")}: give a value or --unset it, not both`);
  }
  const before = findItem(docket, id);
  const current = readProposal(before);
  if (current?.status === "stopped") {
    throw new PpppptError(`proposal ${before.id} was stopped on ${current.stopped?.date}`, {
      hint: "A stopped proposal is kept as it was; add a new one to reopen the question.",
    });
  }
  const merged: RoiInputs = { ...current?.inputs, ...inputs };
  for (const field of unset) delete merged[field];
  requireUsable(merged);
  const r = replaceItem(docket, before.id, (text) => withInputs(text, inputs, unset));
  return changed(r.docket, r.line);
}

/**
 * Stops a proposal: it is done as far as todo.txt apps care (`x` and today), and keeps
 * `roi-stopped:DATE` and `roi-why:` so the deck can say what was stopped, and why.
 */
export function stopProposal(
  docket: Docket,
  id: string,
  why: string,
  today: IsoDate,
): ProposalChange {
  const line = findItem(docket, id);
  const proposal = requireProposal(line);
  if (proposal.status === "stopped") {
    throw new PpppptError(`proposal ${line.id} was already stopped on ${proposal.stopped?.date}`);
  }
  if (proposal.status === "done") throw new PpppptError(`proposal ${line.id} is already done`);
  if (why.trim() === "") throw new PpppptError("say why it stops: --why TEXT");
  if (/[\r\n]/.test(why)) throw new PpppptError("the reason is one line");
  const r = replaceItem(docket, line.id, (text) =>
    completeText(setTag(setTag(text, STOPPED_TAG, today), WHY_TAG, tagValue("kill", why)), today),
  );
  return changed(r.docket, r.line);
}

export function removeProposal(docket: Docket, id: string): { docket: Docket; removed: Proposal } {
  const proposal = requireProposal(findItem(docket, id));
  const r = removeItem(docket, proposal.id);
  return { docket: r.docket, removed: proposal };
}

function requireProposal(line: ItemLine): Proposal {
  const proposal = readProposal(line);
  if (!proposal) {
    throw new PpppptError(`item ${line.id} is not a proposal`, {
      hint: `Give it ROI inputs with \`ppppt roi set ${line.id} --reach N …\`, or see \`ppppt roi\`.`,
    });
  }
  return proposal;
}

import { type IsoDate, isIsoDate } from "../dates.js";
import type { ItemLine } from "../docket/item.js";

/**
 * A proposal is a docket item with ROI tags (see docs/roi.md): it lives where the leader's
 * other work lives, shows on the board under Tech, and any todo.txt app keeps its tags.
 */

/** RICE's impact scale (Intercom's): 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal. */
export const IMPACT_SCALE = [3, 2, 1, 0.5, 0.25] as const;
export type Impact = (typeof IMPACT_SCALE)[number];

export const IMPACT_LABELS: Record<Impact, string> = {
  3: "massive",
  2: "high",
  1: "medium",
  0.5: "low",
  0.25: "minimal",
};

/** What a proposal says about itself; every field may be missing from a hand-written line. */
export interface RoiInputs {
  /** Users or customers reached per quarter. */
  reach?: number;
  impact?: Impact;
  /** Percent, 0 to 100. */
  confidence?: number;
  /** Person-weeks still to do. */
  effort?: number;
  /** Person-weeks already spent: shown, never counted in a score. */
  spent?: number;
  /** Cost of delay per week (any unit of value, the same as `carry`). */
  cod?: number;
  /** Carrying cost per week once built (maintenance), in the unit of `cod`. */
  carry?: number;
  /** The kill criterion, in words: "stop if p95 is not under 200 ms". */
  kill?: string;
  /** When the kill criterion is to be judged. */
  review?: IsoDate;
  /** The day the kill criterion was recorded as met. */
  met?: IsoDate;
}

export type RoiField = keyof RoiInputs;
export type NumberField = "reach" | "impact" | "confidence" | "effort" | "spent" | "cod" | "carry";
export type DateField = "review" | "met";

/** The inputs RICE cannot do without. */
export const REQUIRED_FIELDS = ["reach", "impact", "confidence", "effort"] as const;
export type RequiredField = (typeof REQUIRED_FIELDS)[number];

/** The tag each input is written as. `roi:proposal` marks the item as a proposal. */
export const ROI_TAGS = {
  reach: "roi-reach",
  impact: "roi-impact",
  confidence: "roi-confidence",
  effort: "roi-effort",
  spent: "roi-spent",
  cod: "roi-cod",
  carry: "roi-carry",
  kill: "roi-kill",
  review: "roi-review",
  met: "roi-met",
} as const satisfies Record<RoiField, string>;
export const MARKER_TAG = "roi";
export const MARKER_VALUE = "proposal";
export const STOPPED_TAG = "roi-stopped";
export const WHY_TAG = "roi-why";

export const NUMBER_FIELDS: readonly NumberField[] = [
  "reach",
  "impact",
  "confidence",
  "effort",
  "spent",
  "cod",
  "carry",
];

export const FIELD_ORDER: readonly RoiField[] = [...NUMBER_FIELDS, "kill", "review", "met"];

export function isNumberField(field: RoiField): field is NumberField {
  return (NUMBER_FIELDS as readonly string[]).includes(field);
}

/** How each input is named in messages and prompts. */
export const FIELD_NAMES: Record<RoiField, string> = {
  reach: "reach",
  impact: "impact",
  confidence: "confidence",
  effort: "remaining effort",
  spent: "effort spent",
  cod: "cost of delay",
  carry: "carrying cost",
  kill: "kill criterion",
  review: "review date",
  met: "kill criterion met",
};

/**
 * Why a number cannot be this input, or undefined when it can. The one rule for every way a
 * value comes in: a flag, a prompt, a tag in the file, a route.
 */
export function numberProblem(field: NumberField, value: number): string | undefined {
  if (!Number.isFinite(value)) return `${FIELD_NAMES[field]} ${value} is not a number`;
  if (field === "impact") {
    if ((IMPACT_SCALE as readonly number[]).includes(value)) return undefined;
    return `impact ${value} is not on the RICE scale: use 3 (massive), 2 (high), 1 (medium), 0.5 (low) or 0.25 (minimal)`;
  }
  if (value < 0) return `${FIELD_NAMES[field]} ${value} is negative`;
  if (field === "confidence" && value > 100) {
    return `confidence ${value} is over 100: give a percentage from 0 to 100`;
  }
  if (field === "effort" && value === 0) {
    return "remaining effort 0 leaves nothing to weigh: give the person-weeks still to do (more than 0), or mark the item done";
  }
  return undefined;
}

/** A number as a flag or a tag writes it: `4`, `0.5`, `1200`. */
export function readNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/**
 * Free text in a tag value, which cannot hold a space: spaces become `_`, and the few
 * characters that would then be ambiguous are %-escaped (`_` as %5F, `%` as %25, a leading
 * `/` as %2F since such a word is not a tag). Readable in the file, exact on the way back.
 */
export function encodeTagText(text: string): string {
  const words = text.trim().split(/\s+/);
  const escaped = words
    .map((w) => w.replace(/%/g, "%25").replace(/_/g, "%5F"))
    .join("_")
    .replace(/^\//, "%2F");
  return escaped;
}

export function decodeTagText(value: string): string {
  return value
    .replace(/_/g, " ")
    .replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    );
}

export type ProposalStatus = "open" | "stopped" | "done";

export interface Proposal {
  id: string;
  title: string;
  /** 1-based line in the docket. */
  line: number;
  status: ProposalStatus;
  inputs: RoiInputs;
  /** Tags that are there but cannot be read, each said as the user should hear it. */
  problems: string[];
  stopped: { date: IsoDate; why: string } | undefined;
}

/** True when the item carries the marker or any ROI tag. */
export function isProposal(line: ItemLine): boolean {
  return line.item.tags.some((t) => t.key === MARKER_TAG || t.key.startsWith("roi-"));
}

/** The proposal an item is, or undefined for an item that is not one. */
export function readProposal(line: ItemLine): Proposal | undefined {
  if (!isProposal(line)) return undefined;
  const inputs: RoiInputs = {};
  const problems: string[] = [];
  const first = (key: string) => line.item.tags.find((t) => t.key === key)?.value;
  for (const field of FIELD_ORDER) {
    const tag = ROI_TAGS[field];
    const raw = first(tag);
    if (raw === undefined) continue;
    if (isNumberField(field)) {
      const n = readNumber(raw);
      const problem = n === undefined ? `${tag}:${raw} is not a number` : numberProblem(field, n);
      if (problem !== undefined || n === undefined) {
        problems.push(problem ?? `${tag}:${raw} is not a number`);
        continue;
      }
      (inputs as Record<NumberField, number>)[field] = n;
    } else if (field === "kill") {
      inputs.kill = decodeTagText(raw);
    } else if (isIsoDate(raw)) {
      inputs[field] = raw;
    } else {
      problems.push(`${tag}:${raw} is not a date (YYYY-MM-DD)`);
    }
  }
  const stoppedOn = first(STOPPED_TAG);
  let stopped: Proposal["stopped"];
  if (stoppedOn !== undefined) {
    if (isIsoDate(stoppedOn)) {
      const why = first(WHY_TAG);
      stopped = { date: stoppedOn, why: why === undefined ? "" : decodeTagText(why) };
    } else problems.push(`${STOPPED_TAG}:${stoppedOn} is not a date (YYYY-MM-DD)`);
  }
  return {
    id: line.id,
    title: line.item.title,
    line: line.number,
    status: stopped ? "stopped" : line.item.done ? "done" : "open",
    inputs,
    problems,
    stopped,
  };
}

/** The required inputs a proposal lacks, in the order RICE names them. */
export function missingInputs(inputs: RoiInputs): RequiredField[] {
  return REQUIRED_FIELDS.filter((f) => inputs[f] === undefined);
}

/** A value as its tag writes it. */
export function tagValue(field: RoiField, value: number | string): string {
  if (field === "kill") return encodeTagText(String(value));
  return String(value);
}

import { type MeetingTime, meetingTimeIn, meetingTimeMarkdown } from "../calendar/meeting-time.js";
import { CATEGORIES, CATEGORY_LABELS, type Category } from "../category.js";
import { daysBetween, type IsoDate } from "../dates.js";
import type { ItemLine } from "../docket/item.js";
import { type ItemJson, itemJson } from "../docket/item-json.js";
import { formatDuration } from "../duration.js";
import { plural } from "../wording.js";
import type { Answer } from "./assessment.js";
import { type BalanceResult, balanceOfLensItems, periodPhrase } from "./balance.js";
import { type CategoryNeed, needsOver, needWindow } from "./need.js";
import { lastDaysPeriod, type Period } from "./period.js";
import { adoptedPractices, nextPracticeIn } from "./plan.js";
import type { Practice } from "./practice.js";
import { type ReportInput, reportItems } from "./report-input.js";
import { ROLE_LABELS } from "./roles.js";
import { signedPoints } from "./rounding.js";
import type { LensSettings } from "./settings.js";
import type { CategoryActivity } from "./starving.js";

/**
 * The weekly review over the seven days ending today (or `--last`) (any weekday works, so a Friday review
 * and a Monday one both cover a full week): what got done per category, what slipped, the
 * drift, the category that needs attention most and the practice to take up for it.
 */
export interface Pushed {
  line: ItemLine;
  /** The due date at the last saved review. */
  from: IsoDate;
  to: IsoDate;
}

export interface Review {
  today: IsoDate;
  period: Period;
  role: LensSettings["target"]["role"];
  done: { category: Category | undefined; items: ItemLine[] }[];
  /** Open items past their due date, the most overdue first. */
  overdue: ItemLine[];
  /** Open items whose due date moved later since the last saved review. */
  pushed: Pushed[];
  balance: BalanceResult;
  activity: CategoryActivity[];
  /** The category that needs attention most (need.ts, over the next settings' window). */
  focus: CategoryNeed | undefined;
  practice: Practice | undefined;
  /** The week's meetings beside the items, and the costliest series; null with no calendar. */
  meetings: MeetingTime | null;
}

export interface ReviewInput extends ReportInput {
  practices: readonly Practice[];
  answers?: Record<string, Answer>;
  /** Due dates of open items at the last saved review, by item id. */
  previousDue?: Record<string, IsoDate>;
  /** The period reviewed; by default the seven days ending today. */
  period?: Period;
}

/** A review covers a week unless `--last` says otherwise. */
export const REVIEW_DAYS = 7;

export function buildReviewReport(input: ReviewInput): Review {
  const { today, settings } = input;
  const categorised = reportItems(input);
  const period = input.period ?? lastDaysPeriod(REVIEW_DAYS, today);
  const balance = balanceOfLensItems(categorised, period, settings.target, today);
  const { needs, activity } = needsOver(categorised, settings, today, needWindow(settings, today));

  const groups = new Map<Category | undefined, ItemLine[]>();
  for (const c of CATEGORIES) groups.set(c, []);
  groups.set(undefined, []);
  for (const li of categorised) {
    const c = li.item.completed;
    if (li.item.done && c && c >= period.start && c <= period.end) {
      groups.get(li.category)?.push(li.line);
    }
  }
  const done = [...groups].map(([category, items]) => ({ category, items }));

  const open = input.lines.filter((l) => !l.item.done);
  const overdue = open
    .filter((l) => l.item.due !== undefined && l.item.due < today)
    .sort((a, b) => (a.item.due as string).localeCompare(b.item.due as string));
  const pushed: Pushed[] = [];
  for (const line of open) {
    const from = input.previousDue?.[line.id];
    if (from && line.item.due && line.item.due > from)
      pushed.push({ line, from, to: line.item.due });
  }

  // The neediest category; among equals (several starving) the one idle longest.
  const idle = (c: Category) =>
    activity.find((a) => a.category === c)?.idleDays ?? Number.POSITIVE_INFINITY;
  let focus: CategoryNeed | undefined;
  for (const c of CATEGORIES) {
    const n = needs[c];
    if (n.need <= 0) continue;
    if (!focus || n.need > focus.need || (n.need === focus.need && idle(c) > idle(focus.category)))
      focus = n;
  }
  const practice = focus
    ? nextPracticeIn(focus.category, {
        practices: input.practices,
        role: settings.target.role,
        answers: input.answers ?? {},
        adopted: adoptedPractices(input.lines),
      })
    : undefined;

  return {
    today,
    period,
    role: settings.target.role,
    done,
    overdue,
    pushed,
    balance,
    activity,
    focus,
    practice,
    meetings: meetingTimeIn(input.meetings, period, balance, settings.target.mix),
  };
}

/** Due dates of open items, saved with a written review so the next one can see pushes. */
export function dueSnapshot(lines: readonly ItemLine[]): Record<string, IsoDate> {
  const out: Record<string, IsoDate> = {};
  for (const l of lines) if (!l.item.done && l.item.due) out[l.id] = l.item.due;
  return out;
}

export interface ReviewJson {
  today: IsoDate;
  period: Period;
  role: string;
  done: { category: Category | null; items: ItemJson[] }[];
  overdue: ItemJson[];
  pushed: { item: ItemJson; from: IsoDate; to: IsoDate }[];
  balance: BalanceResult;
  activity: CategoryActivity[];
  focus: CategoryNeed | null;
  practice: { id: string; title: string; category: Category; prompt: string; why: string } | null;
  meetings: MeetingTime | null;
}

export function reviewJson(r: Review): ReviewJson {
  return {
    today: r.today,
    period: r.period,
    role: r.role,
    done: r.done.map((g) => ({ category: g.category ?? null, items: g.items.map(itemJson) })),
    overdue: r.overdue.map(itemJson),
    pushed: r.pushed.map((p) => ({ item: itemJson(p.line), from: p.from, to: p.to })),
    balance: r.balance,
    activity: r.activity,
    focus: r.focus ?? null,
    practice: r.practice
      ? {
          id: r.practice.id,
          title: r.practice.title,
          category: r.practice.category,
          prompt: r.practice.prompt,
          why: r.practice.why,
        }
      : null,
    meetings: r.meetings,
  };
}

/** The review as a Markdown note (what `review --write` saves and `review --md` prints). */
export function reviewMarkdown(r: Review): string {
  const out: string[] = [];
  const title = r.period.label === `last ${REVIEW_DAYS} days` ? "Weekly review" : "Review";
  out.push(`# ${title}, ${r.period.start} to ${r.period.end}`, "");
  out.push(
    r.balance.total === 0
      ? `Period: ${periodPhrase(r.period)}. Role: ${ROLE_LABELS[r.role]}.`
      : `Period: ${periodPhrase(r.period)}. Role: ${ROLE_LABELS[r.role]}. Effort ${r.balance.basisNote}; ${r.balance.totalNote}.`,
    "",
  );
  out.push("## Done", "");
  const total = r.done.reduce((s, g) => s + g.items.length, 0);
  if (total === 0) out.push(`Nothing marked done in ${periodPhrase(r.period)}.`, "");
  for (const g of r.done) {
    if (g.items.length === 0) continue;
    out.push(
      `### ${g.category ? CATEGORY_LABELS[g.category] : "Uncategorised"} (${g.items.length})`,
      "",
    );
    for (const l of g.items) out.push(`- ${l.item.title}${timeNote(l)}`);
    out.push("");
  }
  out.push("## Slipped", "");
  if (r.overdue.length === 0 && r.pushed.length === 0) out.push("Nothing overdue or pushed.", "");
  for (const l of r.overdue) {
    const days = daysBetween(l.item.due as string, r.today);
    out.push(`- overdue ${plural(days, "day")}: ${l.item.title} (${l.id})`);
  }
  for (const p of r.pushed) {
    out.push(`- pushed from ${p.from} to ${p.to}: ${p.line.item.title} (${p.line.id})`);
  }
  if (r.overdue.length + r.pushed.length > 0) out.push("");
  out.push("## Balance", "");
  out.push("| category | share | target | drift |", "| --- | ---: | ---: | ---: |");
  for (const row of r.balance.categories) {
    out.push(
      `| ${CATEGORY_LABELS[row.category]} | ${row.sharePct}% | ${row.target}% | ${signedPoints(row.driftPts)} |`,
    );
  }
  out.push("", r.balance.judgement, "");
  if (r.meetings) out.push("## Where the time went", "", ...meetingTimeMarkdown(r.meetings), "");
  out.push("## Next", "");
  const starving = r.activity.filter((a) => a.starving);
  if (starving.length > 0) {
    out.push(
      `Starving (nothing done for a while): ${starving.map((a) => CATEGORY_LABELS[a.category]).join(", ")}.`,
      "",
    );
  }
  if (!r.focus) out.push("Every category is at or above its target: keep the mix.", "");
  else {
    out.push(`Focus: ${r.focus.reason}.`, "");
    if (r.practice) {
      out.push(`Practice to take up: **${r.practice.title}** (\`${r.practice.id}\`).`, "");
      out.push(`> ${r.practice.prompt}`, "", r.practice.why, "");
      out.push(`Add its items with \`ppppt plan --add ${r.practice.id}\`.`, "");
    } else out.push("Every practice for this category is already under way.", "");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

function timeNote(l: ItemLine): string {
  if (l.item.spent !== undefined) return ` (${formatDuration(l.item.spent)})`;
  if (l.item.estimate !== undefined) return ` (est ${formatDuration(l.item.estimate)})`;
  return "";
}

import { type MeetingHours, meetingHoursByCategory } from "../calendar/meeting-hours.js";
import type { Categoriser } from "../capture.js";
import { CATEGORY_LABELS, type Category } from "../category.js";
import { daysBetween, type IsoDate } from "../dates.js";
import type { ItemLine } from "../docket/item.js";
import { ageText, plural } from "../wording.js";
import type { Answer } from "./assessment.js";
import type { RoleTarget } from "./balance.js";
import { type LensItem, lensItems } from "./lens-items.js";
import { type CategoryNeed, needsOver, needWindow } from "./need.js";
import type { Period } from "./period.js";
import { adoptedPractices, nextPracticeIn } from "./plan.js";
import type { Practice } from "./practice.js";
import { type ReportInput, reportItems } from "./report-input.js";
import type { LensSettings, NextSettings, NextWeights } from "./settings.js";
import { starvingOf } from "./starving.js";

/**
 * What to do now. Each open item gets a score that is the sum of four terms, factor (0..1) ×
 * weight, so `--explain` can show exactly why one item outranks another:
 * - due: 1.0 at a week or more overdue, falling linearly to 0.2 at two weeks ahead and staying
 *   there; 0 without a due date (Taskwarrior's due curve);
 * - priority: A 1.0, B 0.65, C 0.3, lower letters or none 0 (Taskwarrior's H/M/L ratios);
 * - age: days since the creation date over ageMaxDays, at most 1;
 * - category: the need of the item's category (need.ts) over the last needWindowDays.
 * Done, hidden (h:1) and not-yet-started (t: ahead) items are left out.
 */
export type TermName = "due" | "priority" | "age" | "category";

export interface ScoreTerm {
  name: TermName;
  factor: number;
  weight: number;
  /** factor × weight. */
  value: number;
  why: string;
}

export interface NextItem {
  line: ItemLine;
  category: Category | undefined;
  predicted: boolean;
  score: number;
  terms: ScoreTerm[];
  /** Moved up into the top five for the most starving category (see StarvingSlot). */
  keptForStarving?: boolean;
}

export interface NextResult {
  today: IsoDate;
  /** The window the category need was measured over. */
  window: { start: IsoDate; end: IsoDate };
  needs: Record<Category, CategoryNeed>;
  items: NextItem[];
}

export interface NextOptions {
  target: RoleTarget;
  starvingWeeks: number;
  next: NextSettings;
  categorise?: Categoriser;
}

export function dueFactor(due: IsoDate | undefined, today: IsoDate): number {
  if (due === undefined) return 0;
  const days = daysBetween(today, due);
  if (days <= -7) return 1;
  if (days >= 14) return 0.2;
  return 1 - ((days + 7) * 0.8) / 21;
}

const PRIORITY_FACTORS: Record<string, number> = { A: 1, B: 0.65, C: 0.3 };

export function priorityFactor(priority: string | undefined): number {
  return priority ? (PRIORITY_FACTORS[priority] ?? 0) : 0;
}

export function ageFactor(created: IsoDate | undefined, today: IsoDate, maxDays: number): number {
  if (created === undefined || maxDays <= 0) return 0;
  return Math.min(1, Math.max(0, daysBetween(created, today) / maxDays));
}

export function rankNext(
  items: readonly ItemLine[],
  today: IsoDate,
  options: NextOptions,
): NextResult {
  const settings: LensSettings = {
    target: options.target,
    starvingWeeks: options.starvingWeeks,
    next: options.next,
  };
  const r = rankLensItems(lensItems(items, options.categorise), settings, today);
  return { today, window: r.window, needs: r.needs, items: r.items };
}

function rankLensItems(
  categorised: readonly LensItem[],
  settings: LensSettings,
  today: IsoDate,
  period?: Period,
) {
  const window = period ?? needWindow(settings, today);
  const { needs, activity } = needsOver(categorised, settings, today, window);
  const w = settings.next.weights;

  const ranked: NextItem[] = [];
  for (const li of categorised) {
    const it = li.item;
    if (it.done || it.hidden) continue;
    if (it.threshold !== undefined && it.threshold > today) continue;
    const due = dueFactor(it.due, today);
    const priority = priorityFactor(it.priority);
    const age = ageFactor(it.created, today, settings.next.ageMaxDays);
    const need = li.category ? needs[li.category] : undefined;
    const terms: ScoreTerm[] = [
      term("due", due, w.due, dueWhy(it.due, today)),
      term("priority", priority, w.priority, it.priority ? `priority ${it.priority}` : "none"),
      term("age", age, w.age, it.created ? ageText(daysBetween(it.created, today)) : "no date"),
      term(
        "category",
        need?.need ?? 0,
        w.category,
        need ? need.reason : "no category, so no category need",
      ),
    ];
    const score = terms.reduce((s, t) => s + t.value, 0);
    ranked.push({ line: li.line, category: li.category, predicted: li.predicted, score, terms });
  }
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      (a.line.item.due ?? "9999").localeCompare(b.line.item.due ?? "9999") ||
      a.line.number - b.line.number,
  );
  return {
    window: { start: window.start, end: window.end },
    period: window,
    needs,
    activity,
    items: ranked,
  };
}

/**
 * The danger the product exists for is a category that silently starves, and a score can bury
 * it: the demo's starving Public came 12th or 13th by score alone. So the top five always holds one
 * entry for the most starving category (never done, else idle longest): its best open item,
 * moved up to fifth place when it ranks lower, or, when it has no open item, the practice to
 * take up for it.
 */
export const STARVING_SLOT_RANK = 5;

export interface StarvingSlot {
  category: Category;
  /** Why: "Public: nothing done for 40 days". */
  reason: string;
  /** The open item kept in the top five, when the category has one. */
  itemId: string | null;
  /** When it has none: the practice to take up (null when the playbook has none left). */
  practice: { id: string; title: string; prompt: string } | null;
}

export interface NextReport {
  today: IsoDate;
  /** The window the category need was measured over (`--last`, else next.needWindowDays). */
  period: Period;
  window: { start: IsoDate; end: IsoDate };
  weights: NextWeights;
  needs: Record<Category, CategoryNeed>;
  /** Every open item, best first, the starving slot applied. */
  items: NextItem[];
  /** The most starving category's place in the top five; null when none starves. */
  starving: StarvingSlot | null;
  /** Meeting minutes per category over the same window; null when no calendar was imported. */
  meetingHours: MeetingHours | null;
}

export interface NextReportInput extends ReportInput {
  /** The need window; by default the last next.needWindowDays days. */
  period?: Period;
  /** The playbook, for a starving category with no open item (its practice takes the slot). */
  practices?: readonly Practice[];
  answers?: Record<string, Answer>;
}

export function buildNextReport(input: NextReportInput): NextReport {
  const { settings, today } = input;
  const r = rankLensItems(reportItems(input), settings, today, input.period);
  const items = r.items;
  const most = starvingOf(r.activity)[0];
  let starving: StarvingSlot | null = null;
  if (most) {
    const category = most.category;
    const at = items.findIndex((e) => e.category === category);
    const slot = STARVING_SLOT_RANK - 1;
    if (at > slot) {
      const [kept] = items.splice(at, 1) as [NextItem];
      items.splice(slot, 0, { ...kept, keptForStarving: true });
    }
    const practice =
      at === -1 && input.practices
        ? nextPracticeIn(category, {
            practices: input.practices,
            role: settings.target.role,
            answers: input.answers ?? {},
            adopted: adoptedPractices(input.lines),
          })
        : undefined;
    starving = {
      category,
      reason: r.needs[category].reason,
      itemId: at === -1 ? null : (items[Math.min(at, slot)]?.line.id ?? null),
      practice: practice
        ? { id: practice.id, title: practice.title, prompt: practice.prompt }
        : null,
    };
  }
  return {
    today,
    period: r.period,
    window: r.window,
    weights: settings.next.weights,
    needs: r.needs,
    items,
    starving,
    meetingHours: input.meetings ? meetingHoursByCategory(input.meetings, r.window) : null,
  };
}

/** One line of `next`'s top N: an item, or the practice that holds the starving slot. */
export type NextEntry =
  | { kind: "item"; entry: NextItem }
  | { kind: "practice"; category: Category; practice: NonNullable<StarvingSlot["practice"]> };

/**
 * The first `n` entries as `next` shows them. When the most starving category has no open
 * item but a practice to take up, the practice takes the fifth place (right after the items
 * when fewer are open) and the items after it move down one; `-n 3` shows the top three only.
 */
export function topEntries(report: NextReport, n: number): NextEntry[] {
  const out: NextEntry[] = report.items.map((entry) => ({ kind: "item", entry }));
  const slot = report.starving;
  if (slot?.practice && slot.itemId === null) {
    const at = Math.min(STARVING_SLOT_RANK - 1, out.length);
    out.splice(at, 0, { kind: "practice", category: slot.category, practice: slot.practice });
  }
  return out.slice(0, n);
}

/** "Public: nothing ever done": why the slot's entry is there, for --explain. */
export function starvingSlotWhy(slot: StarvingSlot): string {
  return `kept in the top ${STARVING_SLOT_RANK} for ${CATEGORY_LABELS[slot.category]}, the most starving category (${slot.reason})`;
}

function term(name: TermName, factor: number, weight: number, why: string): ScoreTerm {
  return { name, factor, weight, value: factor * weight, why };
}

function dueWhy(due: IsoDate | undefined, today: IsoDate): string {
  if (due === undefined) return "no due date";
  const days = daysBetween(today, due);
  if (days < 0) return `${plural(-days, "day")} overdue`;
  if (days === 0) return "due today";
  return `due in ${plural(days, "day")}`;
}

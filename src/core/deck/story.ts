import { CATEGORIES, CATEGORY_LABELS, type Category } from "../category.js";
import { addDays, daysBetween, type IsoDate } from "../dates.js";
import type { Item, ItemLine } from "../docket/item.js";
import { isPrivate } from "../docket/private.js";
import { formatDuration } from "../duration.js";
import type { BalanceResult } from "../lens/balance.js";
import type { LensItem } from "../lens/lens-items.js";
import type { CategoryNeed } from "../lens/need.js";
import type { Period } from "../lens/period.js";
import type { Practice } from "../lens/practice.js";
import type { Pushed } from "../lens/review.js";
import { roundHalfAway, signedPoints } from "../lens/rounding.js";
import type { CategoryActivity } from "../lens/starving.js";
import type { RoiReport } from "../roi/report.js";
import { plural } from "../wording.js";
import { nameRedactor, oneOnOneNames, withNames } from "./redact.js";
import { type CategoryStatus, categoryStatus, type Status } from "./status.js";

/**
 * The deck's story as data (docs/deck.md): the slides in the order a weekly business review
 * tells it (what came in, what went out, what it means), each with its speaker notes. The
 * .pptx writer and the Markdown writer draw this; nothing here knows a file format.
 */
export type SlideKind =
  | "title"
  | "bottom-line"
  | "wins"
  | "balance"
  | "meetings"
  | "status"
  | "slo"
  | "roi"
  | "risks"
  | "asks"
  | "next";

export interface Bullet {
  text: string;
  /** 0 for a point, 1 for a point under the one before. */
  level: 0 | 1;
}

/** A clustered bar chart: one bar per label in each series. */
export interface BarChart {
  labels: string[];
  series: { name: string; values: number[] }[];
  unit: "percent" | "hours";
}

export interface Table {
  header: string[];
  rows: { cells: string[]; status?: Status }[];
  /** The column whose cell is coloured by the row's status. */
  statusColumn?: number;
}

export interface Slide {
  kind: SlideKind;
  title: string;
  subtitle?: string;
  bullets: Bullet[];
  chart?: BarChart;
  table?: Table;
  /** Speaker notes, drafted from the items: what to say, with the detail the slide leaves out. */
  notes: string;
}

export interface DeckStory {
  title: string;
  subtitle: string;
  period: Period;
  today: IsoDate;
  /** True when nothing was done in the period: the deck says so rather than being empty. */
  nothingDone: boolean;
  redacted: boolean;
  slides: Slide[];
}

/** Meeting hours per category over the period, where the calendar is imported. */
export interface MeetingHours {
  category: Category;
  hours: number;
}

/** One SLO's state over the period, where health data exists. */
export interface SloStatus {
  name: string;
  status: "met" | "at-risk" | "breached";
  /** The objective as the leader wrote it, e.g. "p1 bugs fixed within 7 days, 95%". */
  objective?: string;
  /** Percent of the error budget left, 0..100. */
  budgetLeft?: number;
  /** How fast the budget burns: 1 spends it exactly over the SLO's window. */
  burnRate?: number;
}

export interface DeckStoryInput {
  today: IsoDate;
  period: Period;
  roleLabel: string;
  /** The balance report's mix over `period`: the chart's data, as `balance --json` has it. */
  balance: BalanceResult;
  activity: readonly CategoryActivity[];
  /** Every item, categorised (the docket's and the done file's). */
  items: readonly LensItem[];
  /** From the weekly review: what is overdue or pushed, and what to take up next. */
  review?: {
    overdue: readonly ItemLine[];
    pushed: readonly Pushed[];
    focus: CategoryNeed | undefined;
    practice: Practice | undefined;
  };
  roi?: RoiReport;
  /** Optional sections: present when the data exists. */
  meetings?: readonly MeetingHours[];
  slos?: readonly SloStatus[];
  /**
   * Given: names become initials. These are the names beyond what the items say (the config's
   * `people:`, calendar attendees); `with:` tags and 1:1 names are added here.
   */
  redact?: { names: readonly string[] };
}

const WINS_PER_CATEGORY = 2;
const NOTES_PER_CATEGORY = 6;
const LIST_ON_SLIDE = 5;

const STATUS_WORD: Record<Status, string> = { green: "Green", amber: "Amber", red: "Red" };

export function deckStory(input: DeckStoryInput): DeckStory {
  const { balance, period, today } = input;
  // Private items never appear: not as a win, a risk, an ask or a proposal. Their effort stays
  // in the balance shares (an aggregate), so the chart equals `balance --json`.
  const items = input.items.filter((li) => !isPrivate(li.item));
  const privateLines = new Set(
    input.items.filter((li) => isPrivate(li.item)).map((li) => li.line.number),
  );
  const visible = (l: ItemLine) => !isPrivate(l.item);

  const done = items.filter((li) => {
    const c = li.item.completed;
    return li.item.done && c !== undefined && c >= period.start && c <= period.end;
  });
  const nothingDone = done.length === 0;
  const unit = (n: number) => effortText(balance, n);

  const byCategory = new Map<Category, LensItem[]>();
  for (const c of CATEGORIES) byCategory.set(c, []);
  for (const li of done) if (li.category) byCategory.get(li.category)?.push(li);
  for (const list of byCategory.values()) list.sort(biggestFirst);
  const rows = [...balance.categories].sort((a, b) => b.effort - a.effort);
  const statuses = new Map<Category, CategoryStatus>(
    balance.categories.map((r) => [
      r.category,
      categoryStatus(
        r,
        input.activity.find((a) => a.category === r.category),
        balance.judged,
      ),
    ]),
  );

  const overdue = (input.review?.overdue ?? []).filter(visible);
  const pushed = (input.review?.pushed ?? []).filter((p) => visible(p.line));
  const starving = input.activity.filter(
    (a) =>
      a.starving && (balance.categories.find((r) => r.category === a.category)?.target ?? 0) > 0,
  );
  const asks = items.filter((li) => !li.item.done && isAsk(li.item));

  const slides: Slide[] = [];
  const title = deckTitle(period);
  const subtitle = `${period.start} to ${period.end} · ${input.roleLabel}`;

  slides.push({
    kind: "title",
    title,
    subtitle,
    bullets: [],
    notes: `This is the status for ${periodWords(period)} (${period.start} to ${period.end}), built from the docket on ${today}. ${
      nothingDone
        ? "Nothing was marked done in this period, so this deck is mostly about what is open and what comes next."
        : `${done.length} item${done.length === 1 ? "" : "s"} done; the story: what went out, where the time went, what it means, and what I need.`
    }`,
  });

  // The bottom line: the one sentence someone who reads nothing else must know (the 5-15 idea).
  const worst = [...balance.categories]
    .map((r) => ({ r, s: statuses.get(r.category) as CategoryStatus }))
    .filter((x) => x.s.status !== "green")
    .sort(
      (a, b) =>
        rank(b.s.status) - rank(a.s.status) || Math.abs(b.r.driftPts) - Math.abs(a.r.driftPts),
    )[0];
  const top = rows[0];
  const bottomLine = nothingDone
    ? `Nothing was marked done in ${periodWords(period)}${overdue.length > 0 ? `, and ${plural(overdue.length, "item is", "items are")} overdue` : ""}.`
    : `${plural(done.length, "item", "items")} done (${unit(balance.total)}), most of the effort on ${CATEGORY_LABELS[(top as (typeof rows)[number]).category]} (${pct((top as (typeof rows)[number]).sharePct)}); ${
        worst
          ? `${CATEGORY_LABELS[worst.r.category]} is ${worst.s.status}: ${worst.s.reason}.`
          : "every category is within 5 points of its target."
      }`;
  const support: Bullet[] = [];
  const topWin = [...done].sort(biggestFirst)[0];
  if (topWin) support.push({ text: `Biggest win: ${shownTitle(topWin.item)}`, level: 0 });
  const firstRisk = overdue[0];
  if (firstRisk) {
    support.push({
      text: `Biggest risk: ${shownTitle(firstRisk.item)} (${lateText(firstRisk.item, today)})`,
      level: 0,
    });
  } else if (starving[0]) {
    support.push({
      text: `Biggest risk: ${CATEGORY_LABELS[starving[0].category]} is starving`,
      level: 0,
    });
  }
  support.push({
    text:
      asks.length > 0 ? `${plural(asks.length, "ask", "asks")} at the end` : "No asks this time",
    level: 0,
  });
  slides.push({
    kind: "bottom-line",
    title: "The bottom line",
    subtitle: bottomLine,
    bullets: support,
    notes:
      `${bottomLine} ${balance.total > 0 ? `Effort ${balance.basisNote}.` : ""} ${balance.judgement}`.trim(),
  });

  // Wins, the biggest category first.
  const winCats = rows.filter((r) => (byCategory.get(r.category) ?? []).length > 0);
  const winBullets: Bullet[] = [];
  const winNotes: string[] = [];
  for (const r of winCats) {
    const list = byCategory.get(r.category) ?? [];
    winBullets.push({
      text: `${CATEGORY_LABELS[r.category]}: ${plural(list.length, "item", "items")}, ${pct(r.sharePct)} of the effort`,
      level: 0,
    });
    for (const li of list.slice(0, WINS_PER_CATEGORY))
      winBullets.push({ text: shownTitle(li.item), level: 1 });
    winNotes.push(
      `${CATEGORY_LABELS[r.category]}: ${list
        .slice(0, NOTES_PER_CATEGORY)
        .map((li) => `${shownTitle(li.item)}${timeOf(li.item)}`)
        .join(
          "; ",
        )}${list.length > NOTES_PER_CATEGORY ? `; and ${list.length - NOTES_PER_CATEGORY} more` : ""}.`,
    );
  }
  const uncategorised = done.filter((li) => li.category === undefined).length;
  slides.push({
    kind: "wins",
    title: "Wins",
    bullets: nothingDone
      ? [{ text: "Nothing was marked done in this period.", level: 0 }]
      : winBullets,
    notes: nothingDone
      ? `Nothing was marked done between ${period.start} and ${period.end}. If work happened, it was not closed in the docket: worth saying, and worth fixing before next time.`
      : `${winNotes.join(" ")}${uncategorised > 0 ? ` ${plural(uncategorised, "item has", "items have")} no category and ${uncategorised === 1 ? "is" : "are"} not shown.` : ""}`,
  });

  // Where the time went: the balance report's shares against the role's target mix.
  const over = [...balance.categories].sort((a, b) => b.driftPts - a.driftPts);
  const most = over[0];
  const least = over[over.length - 1];
  slides.push({
    kind: "balance",
    title: "Where the time went",
    subtitle: nothingDone
      ? "Nothing done in this period: no effort to show against the target mix."
      : `Share of effort against the ${input.roleLabel} target mix, ${balance.basis === "time" ? "by time" : "by items done"}`,
    bullets: [],
    chart: {
      labels: balance.categories.map((r) => CATEGORY_LABELS[r.category]),
      series: [
        { name: "Actual share", values: balance.categories.map((r) => r.sharePct) },
        { name: "Target share", values: balance.categories.map((r) => r.target) },
      ],
      unit: "percent",
    },
    notes:
      balance.total === 0 || !most || !least
        ? `No effort was recorded in this period, so every bar is at zero against the target mix of a ${input.roleLabel}.`
        : `Effort ${balance.basisNote}, ${unit(balance.total)} in all. ${balance.categories
            .map((r) => `${CATEGORY_LABELS[r.category]} ${pct(r.sharePct)} against ${r.target}%`)
            .join(
              ", ",
            )}. Most over target: ${CATEGORY_LABELS[most.category]} (${signed(most.driftPts)}); most under: ${CATEGORY_LABELS[least.category]} (${signed(least.driftPts)}).${
            balance.predicted > 0
              ? ` ${plural(balance.predicted, "item's category was", "items' categories were")} predicted by the classifier.`
              : ""
          }`,
  });

  const meetings = input.meetings ?? [];
  const meetingTotal = meetings.reduce((s, m) => s + m.hours, 0);
  if (meetingTotal > 0) {
    const hoursOf = (c: Category) => meetings.find((m) => m.category === c)?.hours ?? 0;
    const busiest = [...CATEGORIES].sort((a, b) => hoursOf(b) - hoursOf(a))[0] as Category;
    slides.push({
      kind: "meetings",
      title: "Time in meetings",
      subtitle: `${hours(meetingTotal)} of meetings from the calendar`,
      bullets: [],
      chart: {
        labels: CATEGORIES.map((c) => CATEGORY_LABELS[c]),
        series: [{ name: "Meeting hours", values: CATEGORIES.map(hoursOf) }],
        unit: "hours",
      },
      notes: `${hours(meetingTotal)} in meetings over the period; most of it ${CATEGORY_LABELS[busiest]} (${hours(hoursOf(busiest))}). ${CATEGORIES.map((c) => `${CATEGORY_LABELS[c]} ${hours(hoursOf(c))}`).join(", ")}.`,
    });
  }

  // Status per category, with its evidence.
  const statusRows = balance.categories.map((r) => {
    const s = statuses.get(r.category) as CategoryStatus;
    const act = input.activity.find((a) => a.category === r.category);
    const list = byCategory.get(r.category) ?? [];
    const last = act?.lastDone && !act.starving ? `, last ${act.lastDone}` : "";
    const evidence = `${plural(list.length, "item", "items")} done${last}; ${s.reason}`;
    return { r, s, evidence };
  });
  slides.push({
    kind: "status",
    title: "Status per category",
    subtitle: "Green within 5 points of target; red beyond 15 points or starving",
    bullets: [],
    table: {
      header: ["Category", "Status", "Share", "Target", "Evidence"],
      rows: statusRows.map(({ r, s, evidence }) => ({
        cells: [
          CATEGORY_LABELS[r.category],
          STATUS_WORD[s.status],
          pct(r.sharePct),
          `${r.target}%`,
          evidence,
        ],
        status: s.status,
      })),
      statusColumn: 1,
    },
    notes: statusRows
      .map(({ r, s, evidence }) => `${CATEGORY_LABELS[r.category]} is ${s.status}: ${evidence}.`)
      .join(" "),
  });

  const slos = input.slos ?? [];
  if (slos.length > 0) {
    const sloStatus: Record<SloStatus["status"], Status> = {
      met: "green",
      "at-risk": "amber",
      breached: "red",
    };
    const breached = slos.filter((s) => s.status !== "met");
    slides.push({
      kind: "slo",
      title: "SLOs and error budgets",
      bullets: [],
      table: {
        header: ["SLO", "Status", "Budget left", "Burn rate"],
        rows: slos.map((s) => ({
          cells: [
            s.objective ? `${s.name}: ${s.objective}` : s.name,
            s.status === "at-risk" ? "At risk" : s.status === "met" ? "Met" : "Breached",
            s.budgetLeft === undefined ? "–" : pct(s.budgetLeft),
            s.burnRate === undefined ? "–" : `${s.burnRate.toFixed(1)}×`,
          ],
          status: sloStatus[s.status],
        })),
        statusColumn: 1,
      },
      notes:
        breached.length === 0
          ? `All ${slos.length} SLOs met over the period.`
          : `${plural(breached.length, "SLO needs", "SLOs need")} attention: ${breached
              .map(
                (s) =>
                  `${s.name} is ${s.status === "at-risk" ? "at risk" : "breached"}${s.budgetLeft !== undefined ? ` with ${pct(s.budgetLeft)} of its budget left` : ""}${s.burnRate !== undefined ? `, burning at ${s.burnRate.toFixed(1)}×` : ""}`,
              )
              .join("; ")}.`,
    });
  }

  const roi = input.roi;
  if (roi) {
    const proposals = roi.proposals.filter((p) => !privateLines.has(p.line) && p.rank !== null);
    const stopped = roi.stopped.filter(
      (s) => !privateLines.has(s.line) && s.stopped >= period.start && s.stopped <= period.end,
    );
    if (proposals.length > 0 || stopped.length > 0) {
      const bullets: Bullet[] = proposals.slice(0, 3).map((p) => ({
        text: `#${p.rank} ${p.title}: RICE ${num(p.rice)}${p.effort !== null ? `, ${num(p.effort)} weeks left` : ""}${p.flags.length > 0 ? ` (${p.flags.join(", ")})` : ""}`,
        level: 0,
      }));
      bullets.push({
        text:
          stopped.length > 0
            ? `Stopped: ${stopped.map((s) => s.title).join("; ")}`
            : "Nothing stopped in this period",
        level: 0,
      });
      slides.push({
        kind: "roi",
        title: "Bets: top proposals, and what we stopped",
        bullets,
        notes: `${
          proposals.length > 0
            ? `Ranked by RICE on the remaining effort only, so nothing is kept for what it already cost. ${proposals
                .slice(0, 3)
                .map(
                  (p) =>
                    `${p.title}: reach ${num(p.reach)}, impact ${num(p.impact)}, confidence ${num(p.confidence)}%, ${num(p.effort)} weeks${p.flags.length > 0 ? `; flagged ${p.flags.map((f) => p.reasons[f] ?? f).join("; ")}` : ""}.`,
                )
                .join(" ")}`
            : "No proposal is scored yet."
        } ${
          stopped.length > 0
            ? stopped.map((s) => `Stopped ${s.title} on ${s.stopped}: ${s.why}.`).join(" ")
            : "Nothing was stopped in this period."
        }`,
      });
    }
  }

  // Risks: overdue, slipping (pushed since the last review), starving categories.
  const riskBullets: Bullet[] = [];
  for (const l of overdue.slice(0, LIST_ON_SLIDE)) {
    riskBullets.push({
      text: `Overdue: ${shownTitle(l.item)} (${lateText(l.item, today)})`,
      level: 0,
    });
  }
  for (const p of pushed.slice(0, 3)) {
    riskBullets.push({
      text: `Slipping: ${shownTitle(p.line.item)} (due ${p.from} → ${p.to})`,
      level: 0,
    });
  }
  for (const a of starving) {
    riskBullets.push({
      text: `Starving: ${CATEGORY_LABELS[a.category]} (${a.lastDone === undefined ? "nothing ever done" : `nothing done since ${a.lastDone}`})`,
      level: 0,
    });
  }
  slides.push({
    kind: "risks",
    title: "Risks",
    bullets:
      riskBullets.length > 0
        ? riskBullets
        : [{ text: "Nothing overdue, nothing slipping, no category starving.", level: 0 }],
    notes:
      riskBullets.length === 0
        ? "No risks from the docket: nothing is past due, no due date moved since the last review, and every category with a target saw work recently."
        : [
            overdue.length > 0
              ? `${plural(overdue.length, "item is", "items are")} overdue: ${overdue
                  .slice(0, 8)
                  .map((l) => `${shownTitle(l.item)} (${lateText(l.item, today)})`)
                  .join("; ")}.`
              : "",
            pushed.length > 0
              ? `${plural(pushed.length, "due date", "due dates")} moved since the last review: ${pushed
                  .map((p) => `${shownTitle(p.line.item)} from ${p.from} to ${p.to}`)
                  .join("; ")}.`
              : "",
            starving.length > 0
              ? `Starving: ${starving.map((a) => CATEGORY_LABELS[a.category]).join(", ")}, which the role's target mix asks for.`
              : "",
          ]
            .filter((s) => s !== "")
            .join(" "),
  });

  slides.push({
    kind: "asks",
    title: "Asks",
    bullets:
      asks.length > 0
        ? asks.slice(0, LIST_ON_SLIDE).map((li) => ({
            text: `${shownTitle(li.item)}${li.item.due ? ` (by ${li.item.due})` : ""}`,
            level: 0 as const,
          }))
        : [{ text: "No asks this time.", level: 0 }],
    notes:
      asks.length > 0
        ? `What I need from this room: ${asks.map((li) => `${shownTitle(li.item)}${li.item.due ? `, by ${li.item.due}` : ""}`).join("; ")}.`
        : "No asks this time. (Tag an open item ask:1 to bring it here.)",
  });

  // What it means for next period: the category that needs attention and the practice for it.
  const review = input.review;
  const soon = items
    .filter(
      (li) =>
        !li.item.done &&
        li.item.due !== undefined &&
        li.item.due >= today &&
        li.item.due <= addDays(today, 7),
    )
    .sort((a, b) => (a.item.due as string).localeCompare(b.item.due as string));
  const nextBullets: Bullet[] = [];
  if (review?.focus) {
    nextBullets.push({ text: `Focus: ${CATEGORY_LABELS[review.focus.category]}`, level: 0 });
    if (review.practice) nextBullets.push({ text: `Take up: ${review.practice.title}`, level: 1 });
  }
  for (const li of soon.slice(0, 3))
    nextBullets.push({ text: `Due ${li.item.due}: ${shownTitle(li.item)}`, level: 0 });
  slides.push({
    kind: "next",
    title: "Next",
    bullets:
      nextBullets.length > 0
        ? nextBullets
        : [{ text: "Nothing due in the next seven days.", level: 0 }],
    notes:
      `${review?.focus ? `The category that needs attention most: ${review.focus.reason}.${review.practice ? ` The practice to take up: ${review.practice.title}, because ${lowerFirst(review.practice.why)}` : ""}` : "No category is below its target."} ${
        soon.length > 0
          ? `Due in the next seven days: ${soon.map((li) => `${shownTitle(li.item)} (${li.item.due})`).join("; ")}.`
          : "Nothing is due in the next seven days."
      }`.trim(),
  });

  const story: DeckStory = {
    title,
    subtitle,
    period,
    today,
    nothingDone,
    redacted: input.redact !== undefined,
    slides,
  };
  if (!input.redact) return story;
  const names = new Set(input.redact.names);
  for (const li of input.items) {
    for (const n of withNames(li.item)) names.add(n);
    for (const n of oneOnOneNames(li.item.title)) names.add(n);
  }
  return { ...mapStoryText(story, nameRedactor(names)), redacted: true };
}

/** `ask:1` marks an open item as an ask for the deck's Asks slide. */
export function isAsk(item: Item): boolean {
  return item.tags.some(
    (t) => t.key.toLowerCase() === "ask" && !/^(0|no|false|off)$/i.test(t.value),
  );
}

/** The story with every text of it (titles, points, tables, chart labels, notes) through `fn`. */
export function mapStoryText(story: DeckStory, fn: (text: string) => string): DeckStory {
  return {
    ...story,
    title: fn(story.title),
    subtitle: fn(story.subtitle),
    slides: story.slides.map((s) => ({
      ...s,
      title: fn(s.title),
      ...(s.subtitle === undefined ? {} : { subtitle: fn(s.subtitle) }),
      bullets: s.bullets.map((b) => ({ ...b, text: fn(b.text) })),
      ...(s.table
        ? {
            table: {
              ...s.table,
              header: s.table.header.map(fn),
              rows: s.table.rows.map((r) => ({ ...r, cells: r.cells.map(fn) })),
            },
          }
        : {}),
      ...(s.chart
        ? {
            chart: {
              ...s.chart,
              labels: s.chart.labels.map(fn),
              series: s.chart.series.map((x) => ({ ...x, name: fn(x.name) })),
            },
          }
        : {}),
      notes: fn(s.notes),
    })),
  };
}

function deckTitle(period: Period): string {
  if (period.kind === "week") return `Weekly status ${period.label}`;
  if (period.kind === "month") return `Monthly status ${period.label}`;
  if (period.kind === "quarter") return `Quarterly status ${period.label}`;
  return `Status, ${period.label}`;
}

function periodWords(period: Period): string {
  if (period.kind === "week") return `week ${period.label}`;
  if (period.kind === "month") return `month ${period.label}`;
  if (period.kind === "quarter") return `quarter ${period.label}`;
  if (period.kind === "last") return `the ${period.label}`;
  return `the period ${period.label}`;
}

/** What a slide shows of an item: its title without @contexts and +projects (filing, not news). */
export function shownTitle(item: Item): string {
  const shown = item.title
    .replace(/(^|\s)[@+]\S+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return shown === "" ? item.title : shown;
}

function effortOf(item: Item): number {
  return item.spent ?? item.estimate ?? 0;
}

/** The most effort first; among equals the latest done. */
function biggestFirst(a: LensItem, b: LensItem): number {
  return (
    effortOf(b.item) - effortOf(a.item) ||
    (b.item.completed ?? "").localeCompare(a.item.completed ?? "")
  );
}

function timeOf(item: Item): string {
  if (item.spent !== undefined) return ` (${formatDuration(item.spent)})`;
  if (item.estimate !== undefined) return ` (est. ${formatDuration(item.estimate)})`;
  return "";
}

function effortText(b: BalanceResult, n: number): string {
  return b.basis === "time" ? formatDuration(n) : `${n} item${n === 1 ? "" : "s"}`;
}

function lateText(item: Item, today: IsoDate): string {
  if (item.due === undefined) return "no due date";
  const days = daysBetween(item.due, today);
  return `due ${item.due}, ${days} day${days === 1 ? "" : "s"} late`;
}

function rank(s: Status): number {
  return s === "red" ? 2 : s === "amber" ? 1 : 0;
}

function pct(share: number): string {
  return `${roundHalfAway(share)}%`;
}

function signed(points: number): string {
  return `${signedPoints(points)} points`;
}

function num(n: number | null): string {
  if (n === null) return "–";
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function hours(h: number): string {
  return `${Number.isInteger(h) ? h : h.toFixed(1)}h`;
}

function lowerFirst(s: string): string {
  return s.length > 0 ? (s[0] as string).toLowerCase() + s.slice(1) : s;
}

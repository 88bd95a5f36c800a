import { describe, expect, it } from "vitest";
import type { LedgerEvent } from "../calendar/ledger.js";
import type { Category } from "../category.js";
import { parseDocket, readOnlyItemLines } from "../docket/parse.js";
import { lastDaysPeriod } from "../lens/period.js";
import { lensSettings } from "../lens/settings.js";
import { buildDeck } from "./deck-report.js";
import { deckMarkdown } from "./markdown.js";
import type { DeckStory } from "./story.js";

const TODAY = "2026-11-25";
const WEEK = lastDaysPeriod(7, TODAY);

function meeting(uid: string, start: string, minutes: number, category: Category): LedgerEvent {
  const end = new Date(Date.parse(start) + minutes * 60_000).toISOString().slice(0, 16);
  return {
    source: "s",
    uid,
    instance: "",
    start,
    end: `${end}Z`,
    zone: "UTC",
    minutes,
    bucket: "timed",
    title: uid,
    attendees: 2,
    category,
    guessed: false,
  };
}

function deck(text: string, extra: Partial<Parameters<typeof buildDeck>[0]> = {}): DeckStory {
  return buildDeck({
    lines: readOnlyItemLines(parseDocket(text)),
    settings: lensSettings({ role: "director" }),
    today: TODAY,
    period: WEEK,
    practices: [],
    ...extra,
  });
}

const DOCKET = [
  "x 2026-11-24 2026-11-20 1:1 with Dana about the promo packet cat:people spent:1h",
  "x 2026-11-23 Ship the billing fix +billing @deep cat:tech spent:3h",
  "x 2026-11-22 Write the Q1 roadmap memo with:priya cat:product est:2h",
  "x 2026-11-21 Interview for the secret reorg cat:people spent:2h private:1",
  "2026-11-01 Approve the second SRE hire cat:process ask:1 due:2026-11-28",
  "2026-11-01 Fix the deploy pipeline cat:tech due:2026-11-20",
  "2026-11-01 Plan the layoffs cat:people due:2026-11-21 private:1",
  "2026-11-01 Ask for budget on my coaching cat:people ask:1 private:1",
  "",
].join("\n");

const allText = (story: DeckStory) => JSON.stringify(story);

describe("deckStory", () => {
  it("tells the period in the order of a business review, with notes on every slide", () => {
    const story = deck(DOCKET);
    expect(story.slides.map((s) => s.kind)).toEqual([
      "title",
      "bottom-line",
      "wins",
      "balance",
      "status",
      "risks",
      "asks",
      "next",
    ]);
    for (const s of story.slides) expect(s.notes.length, s.kind).toBeGreaterThan(20);
    expect(story.title).toBe("Status, last 7 days");
  });

  it("puts the biggest category's wins first, with the biggest item first", () => {
    const wins = deck(DOCKET).slides.find((s) => s.kind === "wins");
    expect(wins?.bullets[0]?.text).toMatch(/^People: 1 item, /);
    expect(wins?.bullets.map((b) => b.text)).toContain("Ship the billing fix");
  });

  it("draws the chart from the balance report's shares and the role's targets", () => {
    const chart = deck(DOCKET).slides.find((s) => s.kind === "balance")?.chart;
    expect(chart?.labels).toEqual(["People", "Product", "Process", "Public", "Tech"]);
    // People 1h + 2h (private, still counted), Product 2h (est.), Tech 3h: 8h; 37.5/25/37.5 in
    // whole percents that add up to 100, as every report shows them.
    expect(chart?.series[0]?.values).toEqual([38, 25, 0, 0, 37]);
    expect(chart?.series[1]?.values).toEqual([30, 25, 20, 10, 15]);
  });

  it("never shows a private item, as a win, a risk or an ask", () => {
    const text = allText(deck(DOCKET));
    expect(text).not.toContain("secret reorg");
    expect(text).not.toContain("layoffs");
    expect(text).not.toContain("coaching");
  });

  it("lists asks and risks, overdue and starving", () => {
    const story = deck(DOCKET);
    const asks = story.slides.find((s) => s.kind === "asks");
    expect(asks?.bullets.map((b) => b.text)).toEqual([
      "Approve the second SRE hire (by 2026-11-28)",
    ]);
    const risks = story.slides.find((s) => s.kind === "risks")?.bullets.map((b) => b.text);
    expect(risks).toContain("Overdue: Fix the deploy pipeline (due 2026-11-20, 5 days late)");
    expect(risks?.some((r) => r.startsWith("Starving: Public"))).toBe(true);
  });

  it("gives a deck for a period with nothing done, which says so", () => {
    const story = deck("2026-11-01 Fix the deploy pipeline cat:tech due:2026-11-20\n");
    expect(story.nothingDone).toBe(true);
    const bottom = story.slides.find((s) => s.kind === "bottom-line");
    expect(bottom?.subtitle).toBe(
      "Nothing was marked done in the last 7 days, and 1 item is overdue.",
    );
    expect(story.slides.find((s) => s.kind === "wins")?.bullets[0]?.text).toBe(
      "Nothing was marked done in this period.",
    );
    expect(deck("").slides.length).toBeGreaterThan(5);
  });

  it("adds meeting hours and SLOs only where the data exists", () => {
    const story = deck(DOCKET, {
      // The calendar's occurrences, as the ledger holds them: the deck takes their hours per
      // category from the balance report, so the two agree.
      meetings: [
        meeting("one-on-ones", "2026-11-24T10:00Z", 360, "people"),
        meeting("staff", "2026-11-23T09:00Z", 150, "process"),
      ],
      slos: [
        { name: "P1 bugs", status: "breached", budgetLeft: 0, burnRate: 2.4 },
        { name: "Flaky tests", status: "met", budgetLeft: 80 },
      ],
    });
    const meetings = story.slides.find((s) => s.kind === "meetings");
    expect(meetings?.chart?.series[0]?.values).toEqual([6, 0, 2.5, 0, 0]);
    const slo = story.slides.find((s) => s.kind === "slo");
    expect(slo?.table?.rows.map((r) => r.status)).toEqual(["red", "green"]);
    expect(slo?.notes).toContain("P1 bugs is breached with 0% of its budget left, burning at 2.4×");
    expect(deck(DOCKET, { meetings: [] }).slides.some((s) => s.kind === "meetings")).toBe(false);
  });

  it("shows the top proposals and what was stopped in the period", () => {
    const roi = [
      "2026-10-01 Rewrite search cat:tech roi-reach:1000 roi-impact:2 roi-confidence:80 roi-effort:6",
      "2026-10-01 Build a design system cat:tech roi-reach:200 roi-impact:1 roi-confidence:50 roi-effort:10",
      "2026-10-01 Migrate the queue cat:tech roi-stopped:2026-11-22 roi-why:the_vendor_fixed_it",
      "2026-10-01 Private bet cat:tech roi-reach:9000 roi-impact:3 roi-confidence:100 roi-effort:1 private:1",
      "",
    ].join("\n");
    const slide = deck(roi).slides.find((s) => s.kind === "roi");
    expect(slide?.bullets[0]?.text).toMatch(/^#\d Rewrite search: RICE/);
    expect(slide?.bullets.at(-1)?.text).toBe("Stopped: Migrate the queue");
    expect(allText(deck(roi))).not.toContain("Private bet");
  });

  it("turns names into initials everywhere when redacting", () => {
    const story = deck(DOCKET, { redact: { names: ["Luis"] } });
    const text = allText(story);
    expect(text).not.toMatch(/Dana|priya/i);
    expect(text).toContain("1:1 with D. about the promo packet");
    expect(story.redacted).toBe(true);
    expect(allText(deck(DOCKET))).toContain("Dana");
  });
});

describe("deckMarkdown", () => {
  it("writes each slide as a section, the chart as a table, the notes as prose", () => {
    const md = deckMarkdown(deck(DOCKET));
    expect(md).toMatch(/^# Status, last 7 days\n/);
    expect(md).toContain("## Where the time went");
    expect(md).toContain("| People | 38% | 30% |");
    expect(md).toContain("## Asks\n\n- Approve the second SRE hire (by 2026-11-28)");
  });
});

import type { Category } from "../category.js";
import { addDays, type IsoDate, weekdayIndex } from "../dates.js";
import { formatDuration } from "../duration.js";
import { seededRandom } from "../seeded-random.js";

/**
 * A demo docket for a director: about 15 weeks of done history and a working set of open
 * items, so that balance, review, next and the dashboard have something true to show on the
 * first run. Deterministic for a given today and seed (a small PRNG, never Math.random).
 * The story in the data: People, Process and Tech get steady attention, Product runs below
 * a director's target, and Public starves: its last item was done about six weeks ago.
 */
export interface DemoOptions {
  today: IsoDate;
  seed: number;
}

const HISTORY_WEEKS = 15;
/** Public work stops this many days before today: long enough to count as starving. */
const PUBLIC_QUIET_DAYS = 42;

interface Template {
  text: string;
  est: number;
}

const PEOPLE = ["Dana", "Sam", "Priya", "Luis", "Mei"];
const TEAMS = ["platform", "checkout", "mobile"];
const CUSTOMERS = ["Acme", "Globex", "Initech", "Umbrella"];

const TEMPLATES: Record<Category, Template[]> = {
  people: [
    { text: "Write feedback for {person}'s promo packet +promo", est: 90 },
    { text: "Interview loop debrief for the staff engineer role +hiring", est: 45 },
    { text: "Phone screen a senior backend candidate +hiring @phone", est: 45 },
    { text: "Career conversation with {person} about the tech-lead path", est: 45 },
    { text: "Calibrate performance ratings with the other directors", est: 120 },
    { text: "Skip-level with the {team} team", est: 60 },
    { text: "Session with my leadership coach", est: 60 },
    { text: "Draft the onboarding plan for the new hire on {team} +hiring", est: 60 },
    { text: "Prepare a difficult conversation about missed commitments with {person}", est: 30 },
  ],
  product: [
    { text: "Use the checkout flow end to end as a new customer +checkout", est: 45 },
    { text: "Competitive teardown of {customer}'s release notes", est: 60 },
    { text: "Trade-off session with the PM on the Q1 roadmap +q1-roadmap", est: 60 },
    { text: "Join the escalated customer call with {customer} @calendar", est: 45 },
    { text: "Read 20 support tickets tagged confusing", est: 45 },
    { text: "Review the onboarding funnel numbers with the PM", est: 30 },
  ],
  process: [
    { text: "Review bug SLO breaches with the team leads", est: 45 },
    { text: "Triage the flaky tests list with the CI owners +platform", est: 60 },
    { text: "Clean up backlog tickets older than six months on {team}", est: 60 },
    { text: "Write down the on-call handover policy", est: 90 },
    { text: "Sync with the Support lead on the escalation path", est: 30 },
    { text: "Run the incident review for last week's outage", est: 60 },
    { text: "Tech debt budget check-in +platform", est: 30 },
  ],
  public: [
    { text: "Draft a blog post on our move to event sourcing", est: 180 },
    { text: "Rewrite the monthly status update as a story", est: 60 },
    { text: "Lightning talk at the company all-hands", est: 90 },
  ],
  tech: [
    { text: "Review the caching RFC +platform", est: 60 },
    { text: "ROI check on the search rewrite proposal", est: 60 },
    { text: "Fix a small bug in the billing service @deep", est: 90 },
    { text: "Add the missing test for the retry logic @deep", est: 60 },
    { text: "Read the capacity report for the database cluster +observability", est: 30 },
    { text: "Look at the team's delivery and health metrics", est: 30 },
    { text: "Pair with {person} on the deploy pipeline @deep", est: 90 },
    { text: "Ask why the queue service needs three new nodes +platform", est: 30 },
  ],
};

/** Daily odds of each kind of ad-hoc work for this director; Public only early on. */
const WEIGHTS: Record<Category, number> = {
  people: 30,
  product: 14,
  process: 26,
  public: 6,
  tech: 24,
};

const RECURRING: { weekday: number; text: string; cat: Category; est: number }[] = [
  { weekday: 1, text: "1:1 with Dana @calendar with:dana", cat: "people", est: 30 },
  { weekday: 2, text: "1:1 with Sam @calendar with:sam", cat: "people", est: 30 },
  { weekday: 3, text: "1:1 with Priya @calendar with:priya", cat: "people", est: 30 },
  { weekday: 0, text: "Department staff meeting @calendar", cat: "process", est: 60 },
];

export function buildDemoDocket({ today, seed }: DemoOptions): string {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const used = new Set<string>();
  const newId = (): string => {
    const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (;;) {
      let id = "";
      for (let i = 0; i < 4; i++) id += alphabet[Math.floor(rand() * alphabet.length)];
      if (!/^\d+$/.test(id) && !used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
  // The person an item names gets their with: tag, as `add` would record it (docs/people.md).
  // Picked whether the template uses them or not: the same seed gives the same docket.
  const fill = (text: string) => {
    const person = pick(PEOPLE);
    const filled = text
      .replace("{person}", person)
      .replace("{team}", pick(TEAMS))
      .replace("{customer}", pick(CUSTOMERS));
    return text.includes("{person}") ? `${filled} with:${person.toLowerCase()}` : filled;
  };
  const chooseCategory = (day: IsoDate): Category => {
    const publicOpen = day < addDays(today, -PUBLIC_QUIET_DAYS);
    const entries = (Object.entries(WEIGHTS) as [Category, number][]).filter(
      ([c]) => c !== "public" || publicOpen,
    );
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = rand() * total;
    for (const [c, w] of entries) {
      r -= w;
      if (r < 0) return c;
    }
    return "tech";
  };
  const quarterHours = (m: number) => Math.max(15, Math.round(m / 15) * 15);

  const lines: string[] = [
    "# ppppt demo docket: a director's last few months. Try `ppppt balance --month`, `ppppt review`, `ppppt next`.",
  ];
  const start = addDays(today, -HISTORY_WEEKS * 7);
  for (let day = start; day < today; day = addDays(day, 1)) {
    const weekday = weekdayIndex(day);
    if (weekday > 4) continue;
    for (const r of RECURRING) {
      if (r.weekday !== weekday) continue;
      const spent = quarterHours(r.est * (0.75 + rand() * 0.5));
      lines.push(
        `x ${day} ${addDays(day, -7)} ${r.text} cat:${r.cat} est:${formatDuration(r.est)} spent:${formatDuration(spent)} rec:1w due:${day} id:${newId()}`,
      );
    }
    const count = 1 + Math.floor(rand() * 3);
    for (let i = 0; i < count; i++) {
      const cat = chooseCategory(day);
      const t = pick(TEMPLATES[cat]);
      const created = addDays(day, -Math.floor(rand() * 12));
      const parts = [`x ${day} ${created} ${fill(t.text)} cat:${cat}`];
      const r = rand();
      // Most items carry an estimate, many the time really spent, a few neither: real dockets
      // are uneven, and the balance report's basis note should have something to say.
      if (r < 0.8) parts.push(`est:${formatDuration(t.est)}`);
      if (r < 0.55) parts.push(`spent:${formatDuration(quarterHours(t.est * (0.6 + rand())))}`);
      parts.push(`id:${newId()}`);
      lines.push(parts.join(" "));
    }
  }

  const d = (days: number) => addDays(today, days);
  for (const r of RECURRING) {
    const ahead = (r.weekday - weekdayIndex(today) + 7) % 7;
    lines.push(
      `${d(ahead - 7)} ${r.text} cat:${r.cat} est:${formatDuration(r.est)} rec:1w due:${d(ahead)} id:${newId()}`,
    );
  }
  const open = [
    `(A) ${d(-9)} Finish the promo packet feedback for Dana +promo cat:people est:2h due:${d(1)} with:dana`,
    `(B) ${d(-20)} Decide on the search rewrite with the PM and the tech lead cat:tech est:1h due:${d(-2)}`,
    `${d(-6)} Prepare the Q1 roadmap trade-offs for the leadership offsite +q1-roadmap cat:product est:3h due:${d(6)}`,
    `${d(-15)} Follow up with Support on the escalation backlog cat:process est:30m due:${d(-4)}`,
    `${d(-3)} Draft a talk proposal for the spring conference cat:public est:2h due:${d(20)}`,
    `${d(-40)} Write the blog post on the observability rollout +observability cat:public est:4h`,
    `${d(-2)} Interview debrief for the staff engineer candidate +hiring cat:people est:45m due:${d(2)}`,
    `${d(-10)} Review the flaky test report with the CI owners +platform cat:process est:45m rec:2w due:${d(3)}`,
    `${d(-4)} Read the database capacity report +observability cat:tech est:1h due:${d(5)}`,
    `(A) ${d(-1)} Call Acme about the export outage @phone cat:product est:30m due:${d(0)}`,
    `${d(-12)} Tidy the platform team's backlog +platform cat:process est:1h t:${d(10)}`,
    `${d(-5)} Pair on the deploy pipeline fix @deep cat:tech est:2h`,
    `${d(-8)} Ask the team leads for input on the hiring rubric +hiring cat:people est:30m due:${d(8)}`,
    `${d(-2)} Competitive teardown of Globex's new pricing page cat:product est:1h due:${d(9)}`,
    `${d(-1)} Book the venue for the team offsite`,
    `${d(-3)} Reply to the meetup organisers about a talk slot`,
    `${d(-4)} Headcount numbers for the Q1 plan @waiting cat:process with:priya`,
  ];
  for (const text of open) lines.push(`${text} id:${newId()}`);
  return `${lines.join("\n")}\n`;
}

/**
 * Realistic dockets for benchmarks and tests: an engineering leader's items across the five
 * categories (1:1s, hiring, RFC reviews, customer calls, blog posts, SLO work…), with
 * priorities, creation and completion dates, due dates, +projects, @contexts, est:/spent:,
 * rec:, ids, some done items, and a few comment and blank lines. Seeded, so the same size and
 * seed always give the same bytes.
 *
 *   npx tsx bench/generate-docket.ts 10000 > /tmp/docket.txt
 *   npx tsx bench/generate-docket.ts 10000 --seed 7 --out /tmp/docket.txt
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CATEGORIES, type Category } from "../src/core/category.js";
import { addDays, daysBetween, type IsoDate } from "../src/core/dates.js";
import { seededRandom } from "../src/core/seeded-random.js";

export interface GenerateOptions {
  /** The PRNG seed; the default gives the dockets the benchmarks quote. */
  seed?: number;
  /** The day the docket is "as of": created dates lie before it, due dates around it. */
  today?: IsoDate;
}

export interface GeneratedDocket {
  text: string;
  /** How many item lines (not counting comment and blank lines). */
  items: number;
}

const PEOPLE = [
  "Dana",
  "Priya",
  "Marcus",
  "Wei",
  "Sofia",
  "Tomás",
  "Aisha",
  "Jonas",
  "Keiko",
  "Olu",
  "Rachel",
  "Mateo",
  "Ines",
  "Sam",
  "Noor",
  "Björn",
];
const CUSTOMERS = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wonka"];
const SERVICES = ["billing", "search", "auth", "checkout", "ingest", "notifications", "payments"];
const TOPICS = [
  "the caching layer",
  "the on-call rotation",
  "our Postgres upgrade",
  "feature flags",
  "the event bus",
  "incident reviews",
  "the monorepo move",
  "flaky tests",
];

/** Item texts per category; {p} a person, {c} a customer, {s} a service, {t} a topic, {n} a number. */
const TEMPLATES: Record<Category, readonly string[]> = {
  people: [
    "1:1 with {p} about the promo packet",
    "1:1 with {p}: career goals and next quarter",
    "Skip-level with {p}'s team",
    "Interview loop debrief for the senior backend candidate",
    "Write the offer rationale for the staff engineer candidate",
    "Hiring sync with the recruiter about {n} open roles",
    "Feedback for {p} on the incident review write-up",
    "Prepare the mid-year performance review for {p}",
    "Coaching session with {p} on delegating",
    "Onboarding plan for {p}, who starts Monday",
    "Read the career-ladder draft for the EM track",
    "Mentor {p} on running their first planning meeting",
  ],
  product: [
    "Customer call with {c} about the {s} escalation",
    "Escalated customer call: {c} cannot export invoices",
    "Dogfood the new {s} flow end to end and write notes",
    "Competitive analysis: how rivals price {s}",
    "Trade-off review with the PM: {s} latency versus the Q{n} roadmap",
    "Draft a feature proposal for bulk actions in {s}",
    "Listen to {n} support calls from {c}",
    "Roadmap review with product for next quarter",
  ],
  process: [
    "SLO review for {s}: error budget burned {n}% this month",
    "Set up a flaky-test SLO for the {s} suite",
    "Tech-debt age report for {s}, share at the all-hands",
    "Clean the {s} backlog: close anything older than {n} days",
    "Write down the unwritten on-call handover policy",
    "Department meeting agenda: incidents, SLOs, hiring",
    "Work with Support on the {c} ticket backlog",
    "Retro on the {s} outage and follow up the action items",
  ],
  public: [
    "Blog post: what we learned moving {s} to {t}",
    "Outline the meetup talk on {t}",
    "Submit the conference CFP about {t}",
    "Turn the weekly status into a story for the all-hands",
    "Review {p}'s draft blog post on {t}",
    "Record the podcast episode about {t}",
  ],
  tech: [
    "Review the RFC for {t}",
    "RFC review: {s} rate limiting proposal (ROI check)",
    "Ask about the scaling limits of {s} before the launch",
    "Fix the flaky {s} integration test myself",
    "Read the {s} latency dashboards and note the p99 trend",
    "ROI check on the {n}-week {s} rewrite proposal",
    "Pair with {p} on the {s} migration",
    "Write the missing docs for the {s} API",
  ],
};

const PROJECTS: Record<Category, readonly string[]> = {
  people: ["hiring", "promo-cycle", "team-health", "onboarding"],
  product: ["q4-roadmap", "customers", "pricing"],
  process: ["slo", "on-call", "backlog", "tech-debt"],
  public: ["blog", "talks", "all-hands"],
  tech: ["platform", "rfc", "migration", "infra"],
};
const CONTEXTS = ["office", "home", "phone", "calendar", "laptop", "deep-work", "waiting"];
const ESTIMATES = ["15m", "30m", "45m", "1h", "1h30m", "2h", "3h", "4h", "1d", "2d"];
const RECURRENCES = ["1w", "+1w", "2w", "+2w", "1m", "+1m", "3b"];
const COMMENTS = [
  "# Weekly review: move anything stale to someday",
  "# --- imported from the team board ---",
  "# Q4 focus: hiring, the billing migration, and one public talk",
  "# Items below came from the calendar sync",
];

const ID_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

/** A docket of `count` items (plus about one comment or blank line per 200 items). */
export function generateDocket(count: number, options: GenerateOptions = {}): GeneratedDocket {
  const random = seededRandom(options.seed ?? 20261125);
  const today = options.today ?? "2026-11-25";
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const chance = (p: number): boolean => random() < p;
  const between = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));

  const usedIds = new Set<string>();
  // Ids stay 4 characters up to a few hundred thousand items, as `ppppt add` makes them.
  const idLength = count > 400_000 ? 5 : 4;
  const freshId = (): string => {
    for (;;) {
      let id = "";
      for (let i = 0; i < idLength; i++) id += ID_ALPHABET[Math.floor(random() * 36)];
      if (!/^\d+$/.test(id) && !usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };

  const fill = (template: string): string =>
    template.replace(/\{([pcstn])\}/g, (_, slot: string) => {
      switch (slot) {
        case "p":
          return pick(PEOPLE);
        case "c":
          return pick(CUSTOMERS);
        case "s":
          return pick(SERVICES);
        case "t":
          return pick(TOPICS);
        default:
          return String(between(2, 40));
      }
    });

  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    if (n > 0 && chance(1 / 200)) out.push(chance(0.5) ? pick(COMMENTS) : "");
    const category = pick(CATEGORIES);
    const parts: string[] = [];
    const created = addDays(today, -between(0, 180));
    const done = chance(0.25);
    if (done) {
      parts.push("x");
      // Done within a month of being written down, and never after today.
      parts.push(addDays(created, between(0, Math.min(30, daysBetween(created, today)))));
    }
    if (!done && chance(0.35)) parts.push(`(${pick(["A", "A", "B", "B", "B", "C", "C", "D"])})`);
    if (chance(0.9)) parts.push(created);
    parts.push(fill(pick(TEMPLATES[category])));
    if (chance(0.6)) parts.push(`+${pick(PROJECTS[category])}`);
    if (chance(0.15)) parts.push(`+${pick(PROJECTS[pick(CATEGORIES)])}`);
    if (chance(0.5)) parts.push(`@${pick(CONTEXTS)}`);
    // Items written by other todo.txt apps carry no category, or only the classifier's guess.
    const catRoll = random();
    if (catRoll < 0.8) parts.push(`cat:${category}`);
    else if (catRoll < 0.92) parts.push(`cat:${category}?`);
    if (chance(0.55)) parts.push(`due:${addDays(created, between(1, 90))}`);
    if (!done && chance(0.05)) parts.push(`t:${addDays(today, between(-10, 30))}`);
    if (chance(0.4)) parts.push(`est:${pick(ESTIMATES)}`);
    if (done && chance(0.6)) parts.push(`spent:${pick(ESTIMATES)}`);
    if (category === "people" && chance(0.3)) parts.push(`rec:${pick(RECURRENCES)}`);
    else if (chance(0.03)) parts.push(`rec:${pick(RECURRENCES)}`);
    if (chance(0.01)) parts.push("h:1");
    if (chance(0.03)) parts.push(`link:https://tracker.example.com/issue/${between(100, 99999)}`);
    if (chance(0.95)) parts.push(`id:${freshId()}`);
    out.push(parts.join(" "));
  }
  return { text: `${out.join("\n")}\n`, items: count };
}

function main(argv: string[]): void {
  let count: number | undefined;
  let seed: number | undefined;
  let outPath: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--seed") seed = Number(argv[++i]);
    else if (arg === "--out") outPath = argv[++i];
    else count = Number(arg.replace(/k$/i, "000"));
  }
  if (count === undefined || !Number.isInteger(count) || count < 0) {
    process.stderr.write("usage: generate-docket COUNT [--seed N] [--out FILE]\n");
    process.exitCode = 2;
    return;
  }
  const { text } = generateDocket(count, seed === undefined ? {} : { seed });
  if (outPath) writeFileSync(outPath, text);
  else process.stdout.write(text);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2));
}

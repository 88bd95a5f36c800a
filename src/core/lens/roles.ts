import { CATEGORIES, type Category } from "../category.js";
import { PpppptError } from "../errors.js";

/** The leadership roles ppppt knows, from the narrowest scope to the widest. */
export const ROLES = ["manager", "senior-manager", "director", "senior-director", "vp"] as const;

export type Role = (typeof ROLES)[number];

/** Percent of effort per category; the five always add up to 100. */
export type Mix = Record<Category, number>;

export const ROLE_LABELS: Record<Role, string> = {
  manager: "Manager",
  "senior-manager": "Senior manager",
  director: "Director",
  "senior-director": "Senior director",
  vp: "VP",
};

/**
 * Where a role's week should go by default. The numbers are a starting point, not a law: the
 * reasoning (docs/lens.md) is that the wider the scope, the more the work moves from running
 * one team's execution (People, Tech, Process) to choosing the right work (Product) and
 * carrying it beyond the team (Public).
 */
export const DEFAULT_MIXES: Record<Role, Mix> = {
  manager: { people: 35, product: 15, process: 20, public: 5, tech: 25 },
  "senior-manager": { people: 35, product: 15, process: 25, public: 5, tech: 20 },
  director: { people: 30, product: 25, process: 20, public: 10, tech: 15 },
  "senior-director": { people: 25, product: 25, process: 20, public: 15, tech: 15 },
  vp: { people: 25, product: 30, process: 15, public: 20, tech: 10 },
};

export const ROLE_REASONS: Record<Role, string> = {
  manager:
    "Runs the day-to-day execution of one team: most of the week is its people and staying close to its code; product and process follow the team's needs.",
  "senior-manager":
    "Runs several teams through their managers: the people work stays, the hands-on tech gives way to processes that let teams grow without the manager in every loop.",
  director:
    "Still executes, but also owns whether the work is the right work: product trade-offs and strategy take a quarter of the week, and the organisation needs a voice outside it.",
  "senior-director":
    "Owns a large organisation's direction within the strategy: people through leaders, product choices across teams, more presence outside the department.",
  vp: "Sets the direction: product and strategy lead, the leadership team is the people work, and speaking for engineering beyond the company is part of the job.",
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Accepts "vp", "VP", "senior director", "Senior-Manager", "sr-director". */
export function parseRole(value: string): Role | undefined {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-")
    .replace(/^sr-/, "senior-");
  return isRole(v) ? v : undefined;
}

export function requireRole(value: string): Role {
  const role = parseRole(value);
  if (!role) {
    throw new PpppptError(`"${value}" is not a role`, { hint: `Use one of: ${ROLES.join(", ")}.` });
  }
  return role;
}

/**
 * The role's target mix with the user's overrides laid over the default. Overrides may name
 * only some categories; the result must still add up to 100, or the targets would not mean
 * "share of the week".
 */
export function targetMix(role: Role, override: Partial<Mix> = {}): Mix {
  const mix = { ...DEFAULT_MIXES[role], ...override };
  const total = CATEGORIES.reduce((sum, c) => sum + mix[c], 0);
  if (Math.abs(total - 100) > 0.001) {
    throw new PpppptError(`the target mix for ${role} adds up to ${total}%, not 100%`, {
      hint: `Adjust the numbers under mixes.${role} in the config file so they add up to 100.`,
    });
  }
  return mix;
}

import type { RoleTarget } from "./balance.js";
import { type Mix, type Role, targetMix } from "./roles.js";
import { DEFAULT_STARVING_WEEKS } from "./starving.js";

/**
 * `next`'s score is a sum of terms, each a factor in 0..1 times a weight, as Taskwarrior's
 * urgency is. The defaults keep Taskwarrior's proportions where it has the same term (due 12,
 * priority H 6, age 2) and give the category that needs attention a weight between them.
 */
export interface NextWeights {
  due: number;
  priority: number;
  age: number;
  category: number;
}

export const DEFAULT_NEXT_WEIGHTS: NextWeights = { due: 12, priority: 6, age: 2, category: 4 };

export interface NextSettings {
  weights: NextWeights;
  /** An item this many days old has the full age factor. */
  ageMaxDays: number;
  /** The window the category need is measured over, ending today. */
  needWindowDays: number;
}

export const DEFAULT_NEXT_SETTINGS: NextSettings = {
  weights: DEFAULT_NEXT_WEIGHTS,
  ageMaxDays: 60,
  needWindowDays: 28,
};

/** Everything the lens reports take from the user's config, with defaults filled in. */
export interface LensSettings {
  target: RoleTarget;
  starvingWeeks: number;
  next: NextSettings;
}

export const DEFAULT_ROLE: Role = "manager";

export function lensSettings(
  options: {
    role?: Role;
    mixes?: Partial<Record<Role, Partial<Mix>>>;
    starvingWeeks?: number;
    next?: { weights?: Partial<NextWeights>; ageMaxDays?: number; needWindowDays?: number };
  } = {},
): LensSettings {
  const role = options.role ?? DEFAULT_ROLE;
  return {
    target: { role, mix: targetMix(role, options.mixes?.[role]) },
    starvingWeeks: options.starvingWeeks ?? DEFAULT_STARVING_WEEKS,
    next: {
      weights: { ...DEFAULT_NEXT_WEIGHTS, ...options.next?.weights },
      ageMaxDays: options.next?.ageMaxDays ?? DEFAULT_NEXT_SETTINGS.ageMaxDays,
      needWindowDays: options.next?.needWindowDays ?? DEFAULT_NEXT_SETTINGS.needWindowDays,
    },
  };
}

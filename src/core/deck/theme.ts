import { z } from "zod";
import { parseYamlWith } from "../yaml-file.js";

/**
 * The deck's look, from `deck-theme.yaml` in the config folder (docs/deck.md). Every key is
 * optional; the default is made for a projector in a lit room: dark text on white (a dark
 * background washes out), one strong accent, sans-serif faces every machine has or substitutes
 * with the same metrics (LibreOffice maps Arial to Liberation Sans), and no text under 16 pt.
 */
export interface DeckTheme {
  colors: {
    background: string;
    text: string;
    muted: string;
    accent: string;
    /** The chart's bars: the actual share, then the target. */
    actual: string;
    target: string;
    green: string;
    amber: string;
    red: string;
  };
  fonts: { heading: string; body: string };
  /** Point sizes: the title of a slide, its body text. */
  sizes: { title: number; body: number };
  /** A picture for the corner of every slide, relative to the config folder. */
  logo: string | undefined;
}

export const DEFAULT_THEME: DeckTheme = {
  colors: {
    background: "FFFFFF",
    text: "1A1A1A",
    muted: "555555",
    accent: "0B5CAD",
    actual: "0B5CAD",
    target: "A6A6A6",
    green: "1E7B34",
    amber: "B8860B",
    red: "B3261E",
  },
  fonts: { heading: "Arial", body: "Arial" },
  sizes: { title: 36, body: 22 },
  logo: undefined,
};

const color = z
  .string()
  .regex(/^#?[0-9a-fA-F]{6}$/, "a colour is six hex digits, like 0B5CAD or #0B5CAD")
  .transform((c) => c.replace(/^#/, "").toUpperCase());
const font = z.string().min(1).max(64);

const themeSchema = z.strictObject({
  colors: z
    .strictObject(
      Object.fromEntries(
        Object.keys(DEFAULT_THEME.colors).map((k) => [k, color.optional()]),
      ) as Record<keyof DeckTheme["colors"], z.ZodOptional<typeof color>>,
    )
    .optional(),
  fonts: z.strictObject({ heading: font.optional(), body: font.optional() }).optional(),
  sizes: z
    .strictObject({
      title: z.number().min(20).max(72).optional(),
      // Below 16 pt a slide is hard to read from the back of a room.
      body: z.number().min(16).max(48).optional(),
    })
    .optional(),
  logo: z.string().min(1).optional(),
});

/** Reads `deck-theme.yaml`'s text; keys left out keep the default. */
export function parseDeckTheme(text: string, file: string): DeckTheme {
  const t = parseYamlWith(text, file, themeSchema);
  const colors = { ...DEFAULT_THEME.colors };
  for (const [k, v] of Object.entries(t.colors ?? {})) {
    if (v !== undefined) colors[k as keyof DeckTheme["colors"]] = v;
  }
  return {
    colors,
    fonts: { ...DEFAULT_THEME.fonts, ...definedOf(t.fonts) },
    sizes: { ...DEFAULT_THEME.sizes, ...definedOf(t.sizes) },
    logo: t.logo,
  };
}

function definedOf<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(o ?? {}).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

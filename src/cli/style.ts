import { STYLE_MARK } from "./terminal-text.js";

/**
 * Terminal colour (marked with STYLE_MARK; see terminal-text.ts for why not ESC itself), on only for a terminal and never when NO_COLOR is set (no-color.org) or
 * --no-color is given.
 */
export interface Style {
  enabled: boolean;
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  magenta(s: string): string;
  cyan(s: string): string;
}

const codes = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
} as const;

export function makeStyle(enabled: boolean): Style {
  const wrap =
    (open: number, close: number) =>
    (s: string): string =>
      enabled && s !== "" ? `${STYLE_MARK}${open}m${s}${STYLE_MARK}${close}m` : s;
  return {
    enabled,
    bold: wrap(...codes.bold),
    dim: wrap(...codes.dim),
    red: wrap(...codes.red),
    green: wrap(...codes.green),
    yellow: wrap(...codes.yellow),
    blue: wrap(...codes.blue),
    magenta: wrap(...codes.magenta),
    cyan: wrap(...codes.cyan),
  };
}

/**
 * What reaches the terminal. Item text is the user's (or whoever wrote into their docket: an
 * importer, a sync client, a colleague's line), and a raw escape sequence in it could set the
 * window title, hide the rest of the line (`ESC[8m`, a carriage return) or reorder it (bidi
 * overrides). Every byte the CLI writes passes through `terminalText`, so such characters are
 * printed as visible escapes whatever command prints them.
 *
 * ppppt's own colours must still get through: the style marks them with STYLE_MARK (a
 * private-use character) instead of ESC, and only a mark followed by one of the style's codes
 * becomes an escape sequence again, after everything else has been escaped.
 */

/** Stands for `ESC [` in the style's colour codes until the text is written. */
export const STYLE_MARK = "\uE000";

// One of the style's own colour codes, or a character a terminal would act on: C0 controls but
// tab and newline (the output's own layout), DEL, C1 controls, the bidi embeddings, overrides
// and isolates, and the style mark itself when it is not followed by one of the style's codes.
const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /\uE000((?:1|2|22|3[1-9])m)|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\uE000]/g;

/**
 * Escapes what a terminal would act on: C0 controls as `\x1b`, the rest as `\u202e` (which
 * also keeps JSON output valid JSON, since JSON.stringify has already escaped C0 itself).
 */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, (c: string, ownCode: string | undefined) =>
    ownCode ? `\u001b[${ownCode}` : escapeChar(c),
  );
}

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x20) return `\\x${code.toString(16).padStart(2, "0")}`;
  return `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * Text as XML 1.0 can carry it. Item text is whoever wrote the docket's, and a control
 * character in it (a pasted ESC sequence, a stray \x01) makes a slide's XML ill-formed: the
 * file will not open. C0 controls but tab, newline and carriage return, DEL and C1 controls are
 * shown as visible escapes (`\x1b`, `\u0085`), as the CLI prints them; the two non-characters
 * XML forbids and lone surrogates become U+FFFD.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const NOT_XML =
  /[\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlSafeText(text: string): string {
  return text
    .replace(CONTROL, (c) => {
      const code = c.charCodeAt(0);
      return code < 0x20
        ? `\\x${code.toString(16).padStart(2, "0")}`
        : `\\u${code.toString(16).padStart(4, "0")}`;
    })
    .replace(NOT_XML, "\ufffd");
}

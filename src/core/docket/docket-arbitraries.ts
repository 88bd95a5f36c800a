import fc from "fast-check";

/*
 * Generators of docket text for the format's property tests (parse.test.ts,
 * docket-index.test.ts). Test code only: nothing outside tests imports this file.
 */

/** Lines made of the pieces real dockets have, so the generator hits the parser's branches. */
export const fragment = fc.constantFrom(
  "x ",
  "x 2026-11-20 ",
  "(A) ",
  "(Z) ",
  "2026-01-31 ",
  "2026-02-30 ",
  "call Dana",
  " ",
  "  ",
  "\t",
  "+proj",
  "@office",
  "cat:people",
  "cat:tech?",
  "cat:nope",
  "due:2026-12-01",
  "due:friday",
  "t:2026-11-01",
  "est:2h",
  "est:lots",
  "spent:45m",
  "rec:+1w",
  "rec:0d",
  "h:1",
  "id:ab12",
  "id:ab12",
  "key:value",
  "http://example.com/a:b",
  "10:30",
  "# comment",
  "émoji 🎉",
  "\r",
  "\u0000",
  "\uFEFF",
  // Edges of the tag and prefix rules: empty values, URL-like values, keys with marks,
  // colons inside values, a project that looks like a tag, a real leap day, a huge duration.
  "x",
  "(A)",
  "a:",
  ":b",
  "a:/b",
  "+a:b",
  "A.b-c_d:e",
  "9a:b",
  "x:y:z",
  "id:é",
  "h:0",
  "2024-02-29 ",
  "due:2026-12-1",
  "est:99999999999",
  "word",
);
export const docketText = fc
  .array(fc.tuple(fc.array(fragment, { maxLength: 8 }), fc.constantFrom("\n", "\r\n", "\n\n")), {
    maxLength: 30,
  })
  .chain((lines) =>
    fc.boolean().map((finalNewline) => {
      let text = lines.map(([parts, eol]) => parts.join("") + eol).join("");
      if (!finalNewline) text = text.replace(/\r?\n$/, "");
      return text;
    }),
  );

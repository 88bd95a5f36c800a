/**
 * Turns an item's words into the tokens the classifier counts. Leaders write in shorthand, so
 * the tokenizer keeps what carries meaning in that shorthand and folds away what does not:
 * - "1:1", "1-1", "1on1", "1:1s" are one token, "1:1"; "w/" is "with"; "P1"/"p0" stay ("p1");
 * - case is folded ("RFC", "Rfc", "rfc"), plural acronyms lose their s ("OKRs" → "okr");
 * - a ticket key keeps its project ("INFRA-231" → "infra" and "#ticket"): the key's prefix
 *   says which team's tracker, the number says nothing;
 * - emoji are tokens of their own (🎤 is a talk, 🐛 a bug);
 * - todo.txt +projects and @contexts keep their name; key:value tags and URLs are dropped (a
 *   `cat:` tag would leak the answer);
 * - dates, times and numbers become "#date", "#time", "#num": that there is one can matter,
 *   which one does not;
 * - possessives ("Dana's") and a few filler words are dropped.
 */

const STOPWORDS = new Set(
  "a an the to of for and or in on at by with w/ about from into is are be it this that these those our my we i me you your their its as re fyi".split(
    " ",
  ),
);

// Order matters: earlier alternatives win at the same position.
const TOKEN_PATTERN = new RegExp(
  [
    String.raw`https?:\/\/\S+`,
    String.raw`\b[a-zA-Z][\w.-]*:\/\/\S+`,
    // key:value tags (todo.txt extensions) — letters before the colon, something after.
    String.raw`(?<![\p{L}\p{N}])[a-zA-Z][\w-]*:[^\s:][^\s]*`,
    // one-on-one shorthand
    String.raw`\b1\s?(?::|-|on|\/)\s?1s?\b`,
    String.raw`\bw\/(?!\w)`,
    // dates: 2026-11-27, 27/11, 11/27/2026, 27.11.
    String.raw`\b\d{4}-\d{2}-\d{2}\b`,
    String.raw`\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b`,
    // times: 10:30, 3pm, 9.30am
    String.raw`\b\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm)\b`,
    String.raw`\b\d{1,2}:\d{2}\b`,
    // ticket keys: ABC-123
    String.raw`\b[A-Za-z][A-Za-z0-9]{1,9}-\d+\b`,
    // emoji (one pictograph with its modifiers)
    String.raw`\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*`,
    // words: letters/digits with inner apostrophes, hyphens, dots or ampersands (on-call,
    // o'brien, node.js, r&d), optionally led by + or @ (todo.txt projects and contexts)
    String.raw`[+@#]?[\p{L}\p{N}]+(?:['’&.\-][\p{L}\p{N}]+)*`,
  ].join("|"),
  "gu",
);

const EMOJI = /^\p{Extended_Pictographic}/u;

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    for (const token of normalise(match[0])) if (!STOPWORDS.has(token)) tokens.push(token);
  }
  return tokens;
}

function normalise(raw: string): string[] {
  if (/^[a-z][\w.-]*:\/\//i.test(raw)) return [];
  if (/^1\s?(?::|-|on|\/)\s?1s?$/i.test(raw)) return ["1:1"];
  if (/^w\/$/i.test(raw)) return ["with"];
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw) || /^\d{1,2}[/.]\d{1,2}([/.]\d{2,4})?$/.test(raw))
    return ["#date"];
  if (/^\d{1,2}([:.]\d{2})?\s?(am|pm)$/i.test(raw) || /^\d{1,2}:\d{2}$/.test(raw)) return ["#time"];
  if (/^[a-z][\w-]*:\S/i.test(raw)) return [];
  if (EMOJI.test(raw)) return [raw.replace(/\uFE0F/g, "")];
  const ticket = /^([A-Za-z][A-Za-z0-9]{1,9})-\d+$/.exec(raw);
  if (ticket) return [(ticket[1] as string).toLowerCase(), "#ticket"];
  let word = raw.replace(/^[+@#]/, "");
  if (word === "") return [];
  // Plural acronyms: OKRs, PRs, SLOs, RFCs.
  if (/^[A-Z]{2,}s$/.test(word)) word = word.slice(0, -1);
  word = word.toLowerCase().replace(/’/g, "'");
  word = word.replace(/'s$/, "");
  if (/^\d+$/.test(word)) return ["#num"];
  return [word];
}

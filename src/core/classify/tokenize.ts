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
  "a an the to of for and or in on at by about from into is are be it this that these those our my we i me you your their its as re fyi was were been being has have had do does did will would should could can may might must shall so if then than there here they them he she his her us any all each every some such what which who whom when where why how not no nor just also very too only own same other more most both few up out over under again further once during before after above below between through off while until because s t don doesn isn aren won also via etc e g ie eg".split(
    " ",
  ),
);

/**
 * Shorthand people type for words the corpus spells out, so the shorthand shares their
 * evidence: "mtg w/ mgr re hc", "conf talk tmrw", "OSS release". Only unambiguous ones.
 */
const ALIASES = new Map<string, string>([
  ["mtg", "meeting"],
  ["mgr", "manager"],
  ["mgmt", "management"],
  ["hc", "headcount"],
  ["conf", "conference"],
  ["prez", "presentation"],
  ["preso", "presentation"],
  ["reqs", "requirements"],
  ["tmrw", "tomorrow"],
  ["tmr", "tomorrow"],
  ["oss", "open-source"],
  ["opensource", "open-source"],
  ["k8s", "kubernetes"],
  ["eng", "engineering"],
  ["dept", "department"],
  ["retro", "retrospective"],
  ["postmortem", "post-mortem"],
]);

// A hand-written scanner rather than one big regular expression: classification must stay
// well above 50,000 texts a second, and a Unicode-aware regex scan alone cost half of that
// budget. Non-ASCII characters take the slow path through these two small regexes.
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
const TICKET = /^([a-z][a-z0-9]{1,9})-\d+$/i;
const DATE = /^(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?)$/;
const TIME = /^\d{1,2}(?:[:.]\d{2})?[ap]m$/i;
const CLOCK = /^\d{1,2}:\d{2}$/;
const ONE_ON_ONE = /^1(?::|-|on|\/)1s?$/i;

// 1 for ASCII letters and digits.
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) ASCII_WORD[c] = 1;
}

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  // Lower-case once, natively; scan that. If lower-casing changed the length (a rare letter
  // like "İ"), scan the original and lower-case word by word instead.
  const lower = text.toLowerCase();
  const folded = lower.length === text.length;
  const src = folded ? lower : text;
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    // ASCII punctuation and spaces are skipped; a sigil (+project, @context) goes with them.
    if (c < 128) {
      if (ASCII_WORD[c] === 0) {
        i++;
        continue;
      }
    } else if (wordCharLength(src, i) === 0) {
      // Pictographs are read from the original: "Ⓜ" is one, its lower case "ⓜ" is not.
      i = nonAsciiSymbol(text, i, tokens);
      continue;
    }
    // A word: word characters, joined by single inner ' ’ & . - (on-call, o'brien, node.js).
    const start = i;
    let hasDigit = false;
    let allDigits = true;
    let hasJoin = false;
    let curly = false;
    while (i < n) {
      const d = src.charCodeAt(i);
      const length = d < 128 ? (ASCII_WORD[d] as number) : wordCharLength(src, i);
      if (length > 0) {
        if (d >= 48 && d <= 57) hasDigit = true;
        else allDigits = false;
        i += length;
      } else if (
        (d === 39 || d === 0x2019 || d === 38 || d === 46 || d === 45 || (d === 47 && hasDigit)) &&
        i + 1 < n &&
        isWordCharAt(src, i + 1)
      ) {
        hasJoin = true;
        allDigits = false;
        if (d === 0x2019) curly = true;
        i++;
      } else break;
    }
    const next = src.charCodeAt(i);
    if (next === 58 /* : */ && i + 1 < n && !isSpace(src.charCodeAt(i + 1))) {
      // "1:1", "10:30", or a key:value tag / URL (dropped: a cat: tag would leak the answer).
      let end = i + 1;
      while (end < n && !isSpace(src.charCodeAt(end))) end++;
      const whole = src.slice(start, end).replace(/[.,;)]+$/, "");
      if (ONE_ON_ONE.test(whole)) tokens.push("1:1");
      else if (CLOCK.test(whole) || TIME.test(whole)) tokens.push("#time");
      i = end;
      continue;
    }
    if (next === 47 /* / */ && i - start === 1 && (c === 119 || c === 87) /* w */) {
      tokens.push("with");
      i++;
      continue;
    }
    let word = src.slice(start, i);
    if (!folded) word = word.toLowerCase();
    if (hasDigit) {
      if (allDigits) tokens.push("#num");
      else if (ONE_ON_ONE.test(word)) tokens.push("1:1");
      else if (DATE.test(word)) tokens.push("#date");
      else if (TIME.test(word)) tokens.push("#time");
      else {
        const ticket = hasJoin ? TICKET.exec(word) : null;
        if (ticket) tokens.push(ticket[1] as string, "#ticket");
        else push(tokens, word, curly);
      }
      continue;
    }
    // Plural acronyms: OKRs, PRs, SLOs, RFCs (read from the original, which has the case).
    if (isPluralAcronym(text, start, i, folded)) word = word.slice(0, -1);
    push(tokens, word, curly);
  }
  return tokens;
}

function isPluralAcronym(text: string, start: number, end: number, aligned: boolean): boolean {
  if (!aligned || end - start < 3 || text.charCodeAt(end - 1) !== 115 /* s */) return false;
  for (let j = start; j < end - 1; j++) {
    const c = text.charCodeAt(j);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

function push(tokens: string[], lowerWord: string, curly: boolean): void {
  let word = curly ? lowerWord.replaceAll("’", "'") : lowerWord;
  const n = word.length;
  // Possessives: Dana's → dana.
  if (n >= 2 && word.charCodeAt(n - 1) === 115 && word.charCodeAt(n - 2) === 39) {
    word = word.slice(0, -2);
  }
  if (word === "" || STOPWORDS.has(word)) return;
  // "open source" is one idea: alone, "open" (open questions, open roles) says nothing public.
  if (word === "source" && tokens[tokens.length - 1] === "open") {
    tokens[tokens.length - 1] = "open-source";
    return;
  }
  tokens.push(ALIASES.get(word) ?? word);
}

/** Emoji are tokens of their own; other non-word characters are skipped. */
function nonAsciiSymbol(text: string, i: number, tokens: string[]): number {
  const cp = text.codePointAt(i) as number;
  const ch = String.fromCodePoint(cp);
  let end = i + ch.length;
  if (!PICTOGRAPH.test(ch)) return end;
  // Keep one pictograph with its variation selector, skin tone or joined pictographs.
  let emoji = ch;
  while (end < text.length) {
    const next = text.codePointAt(end) as number;
    if (next === 0xfe0f) end++;
    else if (next >= 0x1f3fb && next <= 0x1f3ff) end += 2;
    else if (next === 0x200d && end + 1 < text.length) {
      const joined = String.fromCodePoint(text.codePointAt(end + 1) as number);
      if (!PICTOGRAPH.test(joined)) break;
      emoji += `\u200d${joined}`;
      end += 1 + joined.length;
    } else break;
  }
  // A few pictographs are letters too (Ⓜ, 🅰 have lower-case forms): fold them like words.
  tokens.push(emoji.toLowerCase());
  return end;
}

/** 0 when the character at i is not a letter, digit or mark; else its length in code units. */
function wordCharLength(text: string, i: number): number {
  const cp = text.codePointAt(i) as number;
  if (!WORD_CHAR.test(String.fromCodePoint(cp))) return 0;
  return cp > 0xffff ? 2 : 1;
}

function isWordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c < 128 ? ASCII_WORD[c] === 1 : wordCharLength(text, i) > 0;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}
